// The body of POST /pages/{page}/incidents for schedule-maintenance.
import { type Marker, markerMetadata } from '../../api/marker.js';
import type { CreateIncidentBody } from '../../api/schemas.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';
import type { ScheduleMaintenanceOptions } from './options.js';
import type { MaintenanceWindow } from './window.js';

/** The maintenance's fields: the flags, with what a --template filled in (a title, at least). */
export type ScheduleMaintenanceFields = ScheduleMaintenanceOptions & { title: string };

export function buildScheduleMaintenanceBody(
  options: ScheduleMaintenanceFields,
  body: string | undefined,
  window: MaintenanceWindow,
  components: readonly ResolvedComponent[],
  marker: Marker,
): CreateIncidentBody {
  // Subscribers hear of a planned window unless told otherwise; a reminder is a notification too.
  const notify = options.notify ?? true;
  const incident: CreateIncidentBody['incident'] = {
    name: options.title,
    status: 'scheduled',
    impact_override: 'maintenance',
    scheduled_for: window.start.toISOString(),
    scheduled_until: window.end.toISOString(),
    scheduled_remind_prior: options.remind ?? notify,
    scheduled_auto_in_progress: options.autoStart,
    auto_transition_to_maintenance_state: options.autoStart,
    // Unless told otherwise: the window is completed by hand, but components come back on their own.
    scheduled_auto_completed: options.autoComplete ?? false,
    auto_transition_to_operational_state: options.autoComplete ?? true,
    deliver_notifications: notify,
  };
  if (body !== undefined) incident.body = body;
  if (components.length > 0) {
    // A window that opens now puts its components under maintenance now (run.ts has refused one
    // showing an outage, which that would hide). A later one only names them: marking them now
    // would hide their real state until it opens, and auto-start moves them at the start.
    if (window.startsNow) {
      incident.components = Object.fromEntries(components.map((c) => [c.id, 'under_maintenance'] as const));
    }
    incident.component_ids = components.map((c) => c.id);
  }
  incident.metadata = markerMetadata(marker);
  return { incident };
}
