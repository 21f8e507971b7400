// Moving or cancelling a maintenance makes sense only before it starts: a window under way has
// put its components under maintenance and told subscribers, and a completed one is history.
// Both checks run on the incident as read, before anything is written.
import { isMaintenance } from '../api/constants.js';
import type { Incident } from '../api/schemas.js';
import { UsageError } from '../errors.js';
import { heldByMaintenance } from './resolution.js';

const STARTED = new Set(['in_progress', 'verifying']);
const quoted = (incident: Incident) => `${incident.id} "${incident.name}"`;

/** `flag`: the flag that asked for the move (--scheduled, --until, --duration). */
export function assertMovable(incident: Incident, flag: string): void {
  const id = incident.id;
  if (!isMaintenance(incident)) {
    throw new UsageError(
      `${flag}: ${quoted(incident)} is an incident, not a maintenance; only a maintenance has a window to move (schedule-maintenance makes one)`,
    );
  }
  if (STARTED.has(incident.status)) {
    throw new UsageError(
      `${flag}: maintenance ${quoted(incident)} is already ${incident.status}, so its window can no longer be moved; tell subscribers with update-incident ${id} -m "…", or complete it with resolve-incident ${id}`,
    );
  }
  if (incident.status !== 'scheduled') {
    throw new UsageError(
      `${flag}: maintenance ${quoted(incident)} is already ${incident.status}; schedule a new window with schedule-maintenance`,
    );
  }
  // A window scheduled to open now put its components under maintenance at once; a later start
  // would leave them so until then. Its end may still move. cancel-maintenance gives them back.
  const held = flag === '--scheduled' ? heldByMaintenance(incident) : [];
  if (held.length > 0) {
    throw new UsageError(
      `${flag}: maintenance ${quoted(incident)} has opened and holds ${held.map((c) => c.name).join(', ')} under maintenance; cancel it with cancel-maintenance ${id} (which gives them back) and schedule the new window with schedule-maintenance`,
    );
  }
}

export function assertCancellable(incident: Incident): void {
  const id = incident.id;
  if (!isMaintenance(incident)) {
    throw new UsageError(
      `${quoted(incident)} is an incident, not a maintenance; cancel-maintenance deletes only a maintenance that has not started; close an incident with resolve-incident ${id}`,
    );
  }
  if (STARTED.has(incident.status)) {
    throw new UsageError(
      `maintenance ${quoted(incident)} is already ${incident.status}: a window that has started cannot be cancelled; complete it with resolve-incident ${id}`,
    );
  }
  if (incident.status !== 'scheduled') {
    throw new UsageError(
      `maintenance ${quoted(incident)} is already ${incident.status}; there is nothing to cancel, and its history stays on the page`,
    );
  }
}
