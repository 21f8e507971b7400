import { withSession } from '../../../cli/session.js';
import type { Io } from '../../../output/io.js';
import { renderPostmortem } from '../../../output/postmortem.js';
import { noPostmortem, readIncident, readPostmortem } from '../incident.js';
import type { ShowPostmortemOptions } from '../options.js';

export async function runShowPostmortem(io: Io, options: ShowPostmortemOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    const incident = await readIncident(session, options.incident, 'reading the incident');
    const postmortem = await readPostmortem(session, incident);
    const published = postmortem?.published_at ? postmortem.body : undefined;
    const text = options.draft || !published ? postmortem?.body_draft : published;
    if (!postmortem || (!text && !options.json)) throw noPostmortem(incident);
    if (options.json) io.json(postmortem);
    else if (options.quiet) io.write('stdout', text ?? '');
    else io.out(await renderPostmortem(io, incident, postmortem, text ?? ''));
  });
}
