import { revertPostmortem } from '../../../api/endpoints.js';
import { withSession } from '../../../cli/session.js';
import type { Io } from '../../../output/io.js';
import { renderPostmortemResult } from '../../../output/postmortem.js';
import { assertResolved, isPublished, noPostmortem, readIncident, readPostmortem } from '../incident.js';
import type { RevertPostmortemOptions } from '../options.js';

export async function runRevertPostmortem(io: Io, options: RevertPostmortemOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    const why = 'a postmortem is reverted only on a resolved incident, so it is read first';
    const incident = await readIncident(session, options.incident, why);
    assertResolved(incident, 'reverted');
    const current = await readPostmortem(session, incident);
    if (!current) throw noPostmortem(incident);
    if (!isPublished(current)) {
      io.err(`the postmortem of ${incident.id} is not published; nothing to revert, nothing sent`);
      if (options.json) io.json(current);
      else if (options.quiet) io.out(incident.id);
      else io.out(await renderPostmortemResult(io, 'not-published', incident, current));
      return;
    }
    const postmortem = await session.write(revertPostmortem(session.pageId, incident.id));
    if (!postmortem) return;
    if (options.json) io.json(postmortem);
    else if (options.quiet) io.out(incident.id);
    else io.out(await renderPostmortemResult(io, 'reverted', incident, postmortem));
  });
}
