// The body of POST /pages/{page}/incidents for create-incident: only the fields the user gave.
import { type Marker, markerMetadata } from '../../api/marker.js';
import type { ComponentStatus, CreateIncidentBody, Impact, IncidentStatus } from '../../api/schemas.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';

/** The incident's fields: the flags, with what a --template filled in. */
export interface CreateIncidentFields {
  title: string;
  status?: IncidentStatus | undefined;
  impact?: Impact | undefined;
  notify?: boolean | undefined;
  componentStatus?: ComponentStatus | undefined;
}

/** Components named without a status are marked as the outage the incident reports. */
export const DEFAULT_COMPONENT_STATUS = 'major_outage';

export function buildCreateIncidentBody(
  options: CreateIncidentFields,
  body: string | undefined,
  components: readonly ResolvedComponent[],
  marker: Marker,
): CreateIncidentBody {
  const incident: CreateIncidentBody['incident'] = { name: options.title };
  if (options.status) incident.status = options.status;
  if (options.impact) incident.impact_override = options.impact;
  if (body !== undefined) incident.body = body;
  if (options.notify !== undefined) incident.deliver_notifications = options.notify;
  if (components.length > 0) {
    const fallback = options.componentStatus ?? DEFAULT_COMPONENT_STATUS;
    incident.components = Object.fromEntries(components.map((c) => [c.id, c.status ?? fallback]));
    incident.component_ids = components.map((c) => c.id);
  }
  incident.metadata = markerMetadata(marker);
  return { incident };
}
