import { publishPostmortem } from '../../../api/endpoints.js';
import { withSession } from '../../../cli/session.js';
import { UsageError } from '../../../errors.js';
import type { Io } from '../../../output/io.js';
import { renderPostmortemResult } from '../../../output/postmortem.js';
import { assertResolved, hasDraft, isPublished, readIncident, readPostmortem } from '../incident.js';
import type { PublishPostmortemOptions } from '../options.js';
import { buildPublishBody } from '../request.js';

export async function runPublishPostmortem(io: Io, options: PublishPostmortemOptions): Promise<void> {
  const notify = options.notify === true;
  await withSession(io, options, async (session) => {
    const why = 'a postmortem is published only on a resolved incident, so it is read first';
    const incident = await readIncident(session, options.incident, why);
    assertResolved(incident, 'published');
    const current = await readPostmortem(session, incident);
    if (!hasDraft(current)) {
      throw new UsageError(
        `incident ${incident.id} has no postmortem draft to publish; save one first: statuspage postmortem draft ${incident.id} --message-file postmortem.md`,
      );
    }
    if (isPublished(current) && current.body === current.body_draft) {
      // Publishing it again could notify subscribers of a text they already have.
      io.err(`the postmortem of ${incident.id} is already published with this text; nothing sent`);
      if (options.json) io.json(current);
      else if (options.quiet) io.out(incident.id);
      else io.out(await renderPostmortemResult(io, 'already-published', incident, current));
      return;
    }
    const req = publishPostmortem(session.pageId, incident.id, buildPublishBody(notify));
    // One that notifies gets the last look at a terminal (Session.write): the draft is what is read.
    if (notify) req.preview = { incidentId: incident.id, before: incident, message: current.body_draft ?? '' };
    const postmortem = await session.write(req);
    if (!postmortem) return;
    if (options.json) io.json(postmortem);
    else if (options.quiet) io.out(incident.id);
    else io.out(await renderPostmortemResult(io, 'published', incident, postmortem, req.notifies));
  });
}
