// The body of PATCH /pages/{page}/incidents/{id} for update-incident: only the fields given,
// plus the components the incident already lists when -c adds some (`attached`). A status that
// resolves restores components as resolve-incident does (`restoration`, cli/resolution.ts); a
// moved maintenance window sends its new start and end (`window`, reschedule.ts).
import type { UpdateIncidentBody } from '../../api/schemas.js';
import type { Restoration } from '../../cli/resolution.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';
import type { UpdateIncidentOptions } from './options.js';
import type { WindowFields } from './reschedule.js';

export const RESOLVING_STATUSES: ReadonlySet<string> = new Set(['resolved', 'completed']);

export function buildUpdateIncidentBody(
  options: UpdateIncidentOptions,
  body: string | undefined,
  components: readonly ResolvedComponent[],
  attached: readonly { id: string }[] = [],
  restoration?: Restoration,
  window: WindowFields = {},
): UpdateIncidentBody {
  const incident: UpdateIncidentBody['incident'] = {};
  if (options.title !== undefined) incident.name = options.title;
  if (options.status) incident.status = options.status;
  if (options.impact) incident.impact_override = options.impact;
  if (body !== undefined) incident.body = body;
  if (options.notify !== undefined) incident.deliver_notifications = options.notify;
  if (restoration) {
    const restored = Object.keys(restoration.statuses);
    if (restored.length > 0) {
      incident.components = { ...restoration.statuses };
      incident.component_ids = [...new Set([...attached.map((c) => c.id), ...restored])];
    }
  } else if (components.length > 0) {
    // A component given without any status is attached to the incident, its status left alone.
    const changes = components.flatMap((c) => {
      const status = c.status ?? options.componentStatus;
      return status ? [[c.id, status] as const] : [];
    });
    if (changes.length > 0) incident.components = Object.fromEntries(changes);
    incident.component_ids = [...new Set([...attached, ...components].map((c) => c.id))];
  }
  Object.assign(incident, window);
  return { incident };
}
