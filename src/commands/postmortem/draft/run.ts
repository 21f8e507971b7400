import { savePostmortemDraft } from '../../../api/endpoints.js';
import { resolveMessage } from '../../../cli/message.js';
import { withSession } from '../../../cli/session.js';
import type { Io } from '../../../output/io.js';
import { renderPostmortemResult } from '../../../output/postmortem.js';
import { assertResolved, readIncident } from '../incident.js';
import { type DraftPostmortemOptions, POSTMORTEM_MAX } from '../options.js';
import { buildDraftBody } from '../request.js';

export async function runDraftPostmortem(io: Io, options: DraftPostmortemOptions): Promise<void> {
  // The schema requires one of -m and --message-file, and an empty text is refused: there is one.
  const text = (await resolveMessage(io, options, { max: POSTMORTEM_MAX })) as string;
  await withSession(io, options, async (session) => {
    const incident = await readIncident(
      session,
      options.incident,
      'a postmortem is saved only on a resolved incident, so it is read first',
    );
    assertResolved(incident, 'saved');
    const postmortem = await session.write(savePostmortemDraft(session.pageId, incident.id, buildDraftBody(text)));
    if (!postmortem) return;
    if (options.json) io.json(postmortem);
    else if (options.quiet) io.out(incident.id);
    else io.out(await renderPostmortemResult(io, 'drafted', incident, postmortem));
  });
}
