import type { Incident } from '../../api/schemas.js';
import type { RawOptions } from '../../cli/action.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { withSession } from '../../cli/with-session.js';
import { emitList } from '../../output/emit-list.js';
import { incidentListView } from '../../output/incident-list.js';
import { parseOptions } from '../../utils/validate.js';
import { LIST_INCIDENTS_FLAG_NAMES, listIncidentsOptionsSchema } from './options.js';
import { pageRequest, pageSize, selectionOf } from './request.js';

/** A bound on requests, should an API keep answering with full pages. */
const MAX_PAGES = 50;

export async function runListIncidents(raw: RawOptions): Promise<void> {
  const options = parseOptions(listIncidentsOptionsSchema, raw, { ...COMMON_FLAG_NAMES, ...LIST_INCIDENTS_FLAG_NAMES });
  const selection = selectionOf(options);
  await withSession(options, async (session) => {
    const size = pageSize(selection);
    const incidents: Incident[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = await session.read(pageRequest(session.pageId, selection, page));
      incidents.push(...batch);
      if (batch.length < size || (selection.limit !== undefined && incidents.length >= selection.limit)) break;
    }
    const shown = selection.limit === undefined ? incidents : incidents.slice(0, selection.limit);
    await emitList(shown, incidentListView(selection.kind), options);
  });
}
