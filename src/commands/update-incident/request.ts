// The body of PATCH /pages/{page}/incidents/{id} for update-incident: only the fields given,
// plus the components the incident already lists when -c adds some (`attached`).
import type { UpdateIncidentBody } from '../../api/schemas.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';
import { assertComponentsForStatus } from '../../cli/option-schemas.js';
import { UsageError } from '../../errors.js';
import type { UpdateIncidentOptions } from './options.js';

export function buildUpdateIncidentBody(
  options: UpdateIncidentOptions,
  body: string | undefined,
  components: readonly ResolvedComponent[],
  attached: readonly { id: string }[] = [],
): UpdateIncidentBody {
  const incident: UpdateIncidentBody['incident'] = {};
  if (options.title !== undefined) incident.name = options.title;
  if (options.status) incident.status = options.status;
  if (options.impact) incident.impact_override = options.impact;
  if (body !== undefined) incident.body = body;
  if (options.notify !== undefined) incident.deliver_notifications = options.notify;
  if (components.length > 0) {
    // A component given without any status is attached to the incident, its status left alone.
    const changes = components.flatMap((c) => {
      const status = c.status ?? options.componentStatus;
      return status ? [[c.id, status] as const] : [];
    });
    if (changes.length > 0) incident.components = Object.fromEntries(changes);
    incident.component_ids = [...new Set([...attached, ...components].map((c) => c.id))];
  }
  return { incident };
}

/** Refuses an update that would change nothing, before any request is made. */
export function checkUpdateOptions(options: UpdateIncidentOptions, body: string | undefined): void {
  assertComponentsForStatus(options);
  const { title, status, impact, components } = options;
  if (title === undefined && !status && !impact && body === undefined && components.length === 0) {
    throw new UsageError(
      'nothing to update: give at least one of --status, --message, --impact, --title, --components',
    );
  }
}
