import type { RawOptions } from '../../cli/command-kit.js';
import { commandSchema, connectionShape, outputShape } from '../../cli/option-schemas.js';
import { listAllComponents } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { componentListView, pageOrder } from '../../output/component-list.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';
import { parseOptions } from '../../utils/validate.js';

/** list-components takes only the shared flags. */
export const listComponentsOptionsSchema = commandSchema({ ...connectionShape, ...outputShape });

export async function runListComponents(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(listComponentsOptionsSchema, raw);
  await withSession(io, options, async (session) => {
    const components = pageOrder(await listAllComponents(session));
    await emitList(io, components, componentListView(components), options);
  });
}
