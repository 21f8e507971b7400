import { getPage } from '../../api/endpoints.js';
import { listAllComponents, listAllIncidents } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { ExitStatus } from '../../errors.js';
import { colorsFor } from '../../output/color.js';
import { pageOrder } from '../../output/component-list.js';
import { instantsFor } from '../../output/instant.js';
import type { Io } from '../../output/io.js';
import type { PageStatusOptions } from './options.js';
import { renderStatus } from './render.js';
import { problems, summarize } from './summary.js';

export async function runStatus(io: Io, options: PageStatusOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    // One after another: the API allows one request per second, and a burst only earns waits.
    const page = await session.read(getPage(session.pageId));
    const components = pageOrder(await listAllComponents(session));
    const unresolved = await listAllIncidents(session, 'unresolved');
    const active = await listAllIncidents(session, 'active_maintenance');
    const scheduled = await listAllIncidents(session, 'scheduled');
    const status = summarize({ page, components, unresolved, active, scheduled }, io.now());
    if (options.json) io.json(status);
    else {
      const context = { c: await colorsFor(io, 'stdout'), instant: instantsFor(io), now: io.now() };
      io.out(renderStatus(status, context));
    }
    const found = problems(status);
    // 1 is what health scripts expect for "not all clear"; the line says why, as no error does.
    if (options.exitStatus && found.length > 0) throw new ExitStatus(1, `not all clear: ${found.join(', ')}`);
  });
}
