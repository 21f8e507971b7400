import type { CommonOptions } from '../../cli/option-schemas.js';
import { listAllComponents } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { componentListView, pageOrder } from '../../output/component-list.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';

export async function runListComponents(io: Io, options: CommonOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    const components = pageOrder(await listAllComponents(session));
    await emitList(io, components, componentListView(components), options);
  });
}
