// The body of PATCH /pages/{page}/incidents/{id} for resolve-incident.
import type { Incident, UpdateIncidentBody } from '../../api/schemas.js';
import type { ResolvedComponent } from '../../cli/resolve-components.js';
import { isMaintenance } from '../../api/constants.js';
import type { EventKind, ResolveIncidentOptions } from './options.js';

/** --event decides; without it, the incident's own state does. */
export function eventOf(event: EventKind | undefined, incident: Incident | undefined): EventKind {
  if (event) return event;
  return incident && isMaintenance(incident) ? 'maintenance' : 'incident';
}

/** Already resolved or completed: there is nothing left to close. */
export function isClosed(incident: Incident): boolean {
  return incident.status === 'resolved' || incident.status === 'completed';
}

/** The components to bring back: those given, else every one the incident affects. */
export function componentsToRestore(
  given: readonly ResolvedComponent[],
  incident: Incident | undefined,
): ResolvedComponent[] {
  if (given.length > 0) return [...given];
  return (incident?.components ?? []).map((c) => ({ id: c.id }));
}

export function buildResolveIncidentBody(
  options: ResolveIncidentOptions,
  event: EventKind,
  body: string | undefined,
  components: readonly ResolvedComponent[],
  attached: readonly { id: string }[] = [],
): UpdateIncidentBody {
  // impact_override is deliberately left out: resolving must not rewrite the recorded severity.
  const incident: UpdateIncidentBody['incident'] = { status: event === 'maintenance' ? 'completed' : 'resolved' };
  if (body !== undefined) incident.body = body;
  if (options.notify !== undefined) incident.deliver_notifications = options.notify;
  if (components.length > 0) {
    incident.components = Object.fromEntries(components.map((c) => [c.id, c.status ?? 'operational']));
    // component_ids replaces the incident's list: keep the ones it has besides those restored.
    incident.component_ids = [...new Set([...attached, ...components].map((c) => c.id))];
  }
  return { incident };
}
