import type { RawOptions } from '../../cli/action.js';
import { listAllComponents } from '../../cli/read-all.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { withSession } from '../../cli/with-session.js';
import { componentListView } from '../../output/component-list.js';
import { emitList } from '../../output/emit-list.js';
import { parseOptions } from '../../utils/validate.js';
import { listComponentsOptionsSchema } from './options.js';
import { pageOrder } from './order.js';

export async function runListComponents(raw: RawOptions): Promise<void> {
  const options = parseOptions(listComponentsOptionsSchema, raw, COMMON_FLAG_NAMES);
  await withSession(options, async (session) => {
    const components = pageOrder(await listAllComponents(session));
    await emitList(components, componentListView(components), options);
  });
}
