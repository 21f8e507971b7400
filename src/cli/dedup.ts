// --dedup-key: an alerting script that fires every minute, or an engineer who runs the same
// command twice, must not open a second incident while the first is open. The key travels in
// the incident's metadata (api/marker.ts), as PagerDuty's dedup_key does in its events.
import type { IncidentListKind } from '../api/endpoints.js';
import { markerOf } from '../api/marker.js';
import type { Incident } from '../api/schemas.js';
import { listAllIncidents } from './read-all.js';
import type { Session } from './session.js';

/** The open incident (in the lists named) that carries `key`, if any; the newest when several do. */
export async function findOpenDuplicate(
  session: Session,
  key: string,
  lists: readonly IncidentListKind[],
): Promise<Incident | undefined> {
  return session.readingFor('--dedup-key: looking for an open incident with that key reads the page', async () => {
    for (const list of lists) {
      const found = (await listAllIncidents(session, list)).find((i) => markerOf(i)?.dedup_key === key);
      if (found) return found;
    }
    return undefined;
  });
}
