// The body of PATCH /pages/{page}/incidents/{id} for resolve-incident, and for update-incident
// when its status resolves: the closing status, the message, and every restored component.
import type { UpdateIncidentBody } from '../../api/schemas.js';
import type { Kind, Restoration } from '../../cli/resolution.js';

export interface ResolveFields {
  kind: Kind;
  body?: string | undefined;
  notify?: boolean | undefined;
}

export function buildResolveIncidentBody(
  fields: ResolveFields,
  restoration: Restoration,
  attached: readonly { id: string }[] = [],
): UpdateIncidentBody {
  // impact_override is deliberately left out: resolving must not rewrite the recorded severity.
  const incident: UpdateIncidentBody['incident'] = { status: fields.kind === 'maintenance' ? 'completed' : 'resolved' };
  if (fields.body !== undefined) incident.body = fields.body;
  if (fields.notify !== undefined) incident.deliver_notifications = fields.notify;
  const restored = Object.keys(restoration.statuses);
  if (restored.length > 0) {
    incident.components = { ...restoration.statuses };
    // component_ids replaces the incident's list: keep the ones it has besides those restored.
    incident.component_ids = [...new Set([...attached.map((c) => c.id), ...restored])];
  }
  return { incident };
}
