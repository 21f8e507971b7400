// The body of POST /pages/{page}/incidents for create-incident: only the fields the user gave.
import { type Marker, markerMetadata } from '../../api/marker.js';
import type { ComponentStatus, CreateIncidentBody, Impact, IncidentStatus } from '../../api/schemas.js';
import type { ComponentRef } from '../../cli/option-schemas.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';
import { UsageError } from '../../errors.js';

/** The incident's fields: the flags, with what a --template filled in. */
export interface CreateIncidentFields {
  title: string;
  status?: IncidentStatus | undefined;
  impact?: Impact | undefined;
  notify?: boolean | undefined;
  componentStatus?: ComponentStatus | undefined;
}

/**
 * Components named without a status are marked as the outage the incident reports; on an
 * incident recorded as already resolved, as working again.
 */
export const DEFAULT_COMPONENT_STATUS = 'major_outage';

function fallbackStatus(options: CreateIncidentFields): ComponentStatus {
  return options.componentStatus ?? (options.status === 'resolved' ? 'operational' : DEFAULT_COMPONENT_STATUS);
}

/**
 * An incident created resolved is over: a component it leaves in an outage would show one on
 * the page with no open incident to explain it.
 */
export function assertResolvedLeavesOperational(
  options: CreateIncidentFields,
  components: readonly ComponentRef[],
): void {
  if (options.status !== 'resolved') return;
  const fallback = fallbackStatus(options);
  const wrong = components.find((c) => (c.status ?? fallback) !== 'operational');
  if (wrong) {
    throw new UsageError(
      `--status resolved would leave ${wrong.ref} ${wrong.status ?? fallback}: a resolved incident's components are operational (name them without a status, or open the incident unresolved)`,
    );
  }
}

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
    const fallback = fallbackStatus(options);
    incident.components = Object.fromEntries(components.map((c) => [c.id, c.status ?? fallback]));
    incident.component_ids = components.map((c) => c.id);
  }
  incident.metadata = markerMetadata(marker);
  return { incident };
}
