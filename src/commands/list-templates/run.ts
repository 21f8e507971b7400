import type { RawOptions } from '../../cli/command-kit.js';
import { commandSchema, connectionShape, outputShape } from '../../cli/option-schemas.js';
import { listAllTemplates } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';
import { templateListView } from '../../output/template-list.js';
import { parseOptions } from '../../utils/validate.js';

/** list-templates takes only the shared flags. */
export const listTemplatesOptionsSchema = commandSchema({ ...connectionShape, ...outputShape });

export async function runListTemplates(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(listTemplatesOptionsSchema, raw);
  await withSession(io, options, async (session) => {
    await emitList(io, await listAllTemplates(session), templateListView(), options);
  });
}
