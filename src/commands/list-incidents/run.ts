import type { RawOptions } from '../../cli/action.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { readPages } from '../../cli/read-all.js';
import { withSession } from '../../cli/with-session.js';
import { emitList } from '../../output/emit-list.js';
import { incidentListView } from '../../output/incident-list.js';
import { parseOptions } from '../../utils/validate.js';
import { LIST_INCIDENTS_FLAG_NAMES, listIncidentsOptionsSchema } from './options.js';
import { pageRequest, pageSize, selectionOf } from './request.js';

export async function runListIncidents(raw: RawOptions): Promise<void> {
  const options = parseOptions(listIncidentsOptionsSchema, raw, { ...COMMON_FLAG_NAMES, ...LIST_INCIDENTS_FLAG_NAMES });
  const selection = selectionOf(options);
  await withSession(options, async (session) => {
    const { limit } = selection;
    const incidents = await readPages(
      session,
      (page) => pageRequest(session.pageId, selection, page),
      pageSize(selection),
      (read) => limit !== undefined && read.length >= limit,
    );
    const shown = selection.limit === undefined ? incidents : incidents.slice(0, selection.limit);
    await emitList(shown, incidentListView(selection.kind), options);
  });
}
