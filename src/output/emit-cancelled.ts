// The result of cancel-maintenance: one line naming what was deleted and its window; the API's
// object as JSON; or only its ID.
import type { Incident } from '../api/schemas.js';
import { windowParts } from '../utils/time.js';
import { colorsFor } from './color.js';
import { displayZone, type OutputMode } from './emit-incident.js';
import type { Io } from './io.js';

export async function emitCancelled(io: Io, incident: Incident, mode: OutputMode): Promise<void> {
  if (mode.json) return io.json(incident);
  if (mode.quiet) return io.out(incident.id);
  const zone = displayZone(io, mode);
  let window = '';
  if (incident.scheduled_for) {
    // A pipe gets the window in UTC, as the API gives it; a terminal in the local zone, then UTC.
    const { local, utc } = zone
      ? windowParts(incident.scheduled_for, incident.scheduled_until, zone)
      : windowParts(incident.scheduled_for, incident.scheduled_until, 'UTC', { weekday: false });
    window = ` (${utc ? `${local}; ${utc}` : local})`;
  }
  const c = await colorsFor(io, 'stdout');
  io.out(`${c.green('Cancelled maintenance')} ${incident.id} "${incident.name}"${window}`);
}
