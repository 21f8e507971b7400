import type { CommonOptions } from '../../cli/option-schemas.js';
import { listAllTemplates } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { emitList } from '../../output/emit-list.js';
import type { Io } from '../../output/io.js';
import { templateListView } from '../../output/template-list.js';

export async function runListTemplates(io: Io, options: CommonOptions): Promise<void> {
  await withSession(io, options, async (session) => {
    await emitList(io, await listAllTemplates(session), templateListView(), options);
  });
}
