import { readPages } from '../../cli/read-all.js';
import { withSession } from '../../cli/session.js';
import { displayZone } from '../../output/emit-incident.js';
import { emitList } from '../../output/emit-list.js';
import { incidentListView } from '../../output/incident-list.js';
import type { Io } from '../../output/io.js';
import type { ListIncidentsOptions } from './options.js';
import { pageRequest, pageSize, selectionOf } from './request.js';

export async function runListIncidents(io: Io, options: ListIncidentsOptions): Promise<void> {
  const selection = selectionOf(options);
  await withSession(io, options, async (session) => {
    const { limit } = selection;
    const incidents = await readPages(
      session,
      (page) => pageRequest(session.pageId, selection, page),
      pageSize(selection),
      'the incidents',
      (read) => limit !== undefined && read.length >= limit,
    );
    const shown = selection.limit === undefined ? incidents : incidents.slice(0, selection.limit);
    await emitList(io, shown, incidentListView(selection.kind, displayZone(io)), options);
  });
}
