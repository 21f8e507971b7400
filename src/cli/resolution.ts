// Resolving an incident or completing a maintenance puts its components back, but not blindly
// to operational: a component another open incident (or a maintenance in progress) still
// affects keeps the worst status those still give it, so the page never shows green during a
// live outage. resolve-incident and update-incident -s resolved|completed both come here.
import {
  COMPONENT_STATUSES,
  type ComponentStatus,
  isMaintenance,
  isMaintenanceStatus,
  MAINTENANCE_STATUSES,
  REALTIME_STATUSES,
} from '../api/constants.js';
import type { Incident } from '../api/schemas.js';
import { UsageError } from '../errors.js';
import { listAllIncidents } from './read-all.js';
import type { ResolvedComponent } from './resolve-components.js';
import type { Session } from './session.js';

/** Least to most severe: the worst status among the open incidents is the one kept. */
const SEVERITY: readonly ComponentStatus[] = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
];
const ACTIVE_MAINTENANCE = new Set(['in_progress', 'verifying']);

const asStatus = (value: string | null | undefined): ComponentStatus | undefined =>
  (COMPONENT_STATUSES as readonly string[]).includes(value ?? '') ? (value as ComponentStatus) : undefined;

/** A component that is not operational after the change, and why. */
export interface Stay {
  id: string;
  name: string;
  status: ComponentStatus;
  why: string;
}

export interface Restoration {
  /** The status each restored component is sent with. */
  statuses: Record<string, ComponentStatus>;
  /** Components left non-operational, restored or not, and why. */
  stays: Stay[];
}

/** The components an incident's own updates moved to under_maintenance, as they last moved them. */
export function putUnderMaintenance(incident: Incident): Set<string> {
  const moved = new Set<string>();
  const seen = new Set<string>();
  // Newest update first, as the API lists them: a component's first change met is its latest.
  for (const update of incident.incident_updates ?? []) {
    for (const { code, new_status } of update.affected_components ?? []) {
      if (!code || seen.has(code)) continue;
      seen.add(code);
      if (new_status === 'under_maintenance') moved.add(code);
    }
  }
  return moved;
}

/**
 * A maintenance holds its components under maintenance once it has opened: in progress (or
 * verifying), or still `scheduled` with its own updates having moved components there (a window
 * scheduled to open now does so at once, a minute before its start). A window that opens later,
 * or whose start passed with nobody starting it (--no-auto-start), holds nothing, whatever its
 * components show.
 */
export function hasOpened(incident: Incident): boolean {
  if (!isMaintenance(incident)) return false;
  if (ACTIVE_MAINTENANCE.has(incident.status)) return true;
  return incident.status === 'scheduled' && putUnderMaintenance(incident).size > 0;
}

/** The components an opened maintenance holds under maintenance now: what ending it gives back. */
export function heldByMaintenance(incident: Incident): NonNullable<Incident['components']> {
  if (!hasOpened(incident)) return [];
  const all = ACTIVE_MAINTENANCE.has(incident.status);
  const moved = putUnderMaintenance(incident);
  return (incident.components ?? []).filter((c) => c.status === 'under_maintenance' && (all || moved.has(c.id)));
}

/**
 * The status an open incident gives a component: under_maintenance for a maintenance that has
 * opened, nothing for one that has not; else the status its latest update moved it to. An
 * incident that only lists the component (attached with -c, no status) gives it nothing, when
 * its updates record what they changed; when they record nothing at all, the status it shows
 * there is kept, which errs on the side of not showing green.
 */
export function statusGivenBy(incident: Incident, componentId: string): ComponentStatus | undefined {
  const listed = (incident.components ?? []).find((c) => c.id === componentId);
  if (!listed) return undefined;
  if (isMaintenance(incident)) return hasOpened(incident) ? 'under_maintenance' : undefined;
  const updates = incident.incident_updates ?? [];
  for (const update of updates) {
    const change = (update.affected_components ?? []).find((a) => a.code === componentId);
    const status = asStatus(change?.new_status);
    if (status) return status;
  }
  const recordsChanges = updates.some((u) => (u.affected_components ?? []).length > 0);
  return recordsChanges ? undefined : asStatus(listed.status);
}

const quoted = (incident: Incident) => `${incident.id} "${incident.name}"`;

/** `narrow`: only the given components are restored (-c); else they add to the incident's own. */
export interface RestorationScope {
  narrow?: boolean;
}

/**
 * `given`: the components -c names (with the status -c gives, if any); empty: every component
 * the incident affects. With `narrow: false` (a template's components with a status), those
 * statuses stand and every component the incident affects is restored besides. `others`: the
 * page's other open incidents and maintenances in progress.
 */
export function planRestoration(
  incident: Incident,
  given: readonly ResolvedComponent[],
  others: readonly Incident[],
  { narrow = given.length > 0 }: RestorationScope = {},
): Restoration {
  const listed = incident.components ?? [];
  const nameOf = (id: string) => listed.find((c) => c.id === id)?.name ?? id;
  const statusOf = (id: string) => asStatus(listed.find((c) => c.id === id)?.status);
  const givenIds = new Set(given.map((g) => g.id));
  const targets: readonly ResolvedComponent[] = narrow
    ? given
    : [...given, ...listed.filter((c) => !givenIds.has(c.id)).map((c) => ({ id: c.id }))];
  const statuses: Record<string, ComponentStatus> = {};
  const stays: Stay[] = [];
  const held = new Set(heldByMaintenance(incident).map((c) => c.id));
  for (const target of targets) {
    // Unless -c names them, a maintenance gives back only what it holds under maintenance: a
    // window that never opened moved nothing, and an outage set during one is not its to end.
    // A template's other status for such a component is set as asked (a floor, below).
    const shown = statusOf(target.id);
    if (
      !narrow &&
      isMaintenance(incident) &&
      !held.has(target.id) &&
      (target.status ?? 'operational') === 'operational'
    ) {
      if (shown !== undefined && shown !== 'operational') {
        stays.push({
          id: target.id,
          name: nameOf(target.id),
          status: shown,
          why: 'left as it is: the maintenance did not set it',
        });
      }
      continue;
    }
    // -c's status is the person's word for this incident; a template's (or -cs beside one) is a
    // floor: another open incident's worse status still stands.
    if (narrow && target.status !== undefined) {
      statuses[target.id] = target.status;
      if (target.status !== 'operational') {
        stays.push({ id: target.id, name: nameOf(target.id), status: target.status, why: 'as given with -c' });
      }
      continue;
    }
    const floor = target.status ?? 'operational';
    let worst: ComponentStatus = floor;
    let by: Incident[] = [];
    for (const other of others) {
      if (other.id === incident.id) continue;
      const status = statusGivenBy(other, target.id);
      if (status === undefined || status === 'operational') continue;
      const rank = SEVERITY.indexOf(status) - SEVERITY.indexOf(worst);
      if (rank > 0) [worst, by] = [status, [other]];
      else if (rank === 0) by.push(other);
    }
    statuses[target.id] = worst;
    if (worst !== 'operational') {
      const why = by.length > 0 ? `still affected by ${by.map(quoted).join(', ')}` : 'as given';
      stays.push({ id: target.id, name: nameOf(target.id), status: worst, why });
    }
  }
  if (narrow) {
    const named = given.map((g) => nameOf(g.id)).join(', ');
    for (const component of listed) {
      const status = asStatus(component.status);
      if (component.id in statuses || status === undefined || status === 'operational') continue;
      stays.push({ id: component.id, name: nameOf(component.id), status, why: `not restored: -c named only ${named}` });
    }
  }
  return { statuses, stays };
}

/** The plan for `incident`, reading the page's other open incidents when there is anything to restore. */
export async function prepareRestoration(
  session: Session,
  incident: Incident,
  given: readonly ResolvedComponent[],
  scope: RestorationScope = {},
): Promise<Restoration> {
  const restoring = given.length > 0 || (incident.components ?? []).length > 0;
  // `scheduled` too: a window scheduled to open now holds its components before it is in progress.
  const others = restoring
    ? await session.readingFor('restoring components reads the other open incidents', async () => [
        ...(await listAllIncidents(session, 'unresolved')),
        ...(await listAllIncidents(session, 'active_maintenance')),
        ...(await listAllIncidents(session, 'scheduled')),
      ])
    : [];
  return planRestoration(incident, given, others, scope);
}

/** Already resolved or completed: there is nothing left to close. */
export function isClosed(incident: Incident): boolean {
  return incident.status === 'resolved' || incident.status === 'completed';
}

export type Kind = 'incident' | 'maintenance';

export function kindOf(incident: Incident): Kind {
  return isMaintenance(incident) ? 'maintenance' : 'incident';
}

/** `--event` that contradicts the incident would move it to the other kind's state: refused. */
export function assertEventFits(event: Kind | undefined, incident: Incident): void {
  const kind = kindOf(incident);
  if (event === undefined || event === kind) return;
  throw new UsageError(
    `--event ${event}: ${quoted(incident)} is ${kind === 'incident' ? 'an incident' : 'a maintenance'}, not ${event === 'incident' ? 'an incident' : 'a maintenance'}; leave out --event, or use --event ${kind}`,
  );
}

/**
 * A status of the other kind (`completed` on an incident, `monitoring` on a maintenance): refused.
 * `source` words where it came from: `--status`, or the template that set it.
 */
export function assertStatusFits(status: string | undefined, incident: Incident, source = '--status'): void {
  if (status === undefined) return;
  const kind = kindOf(incident);
  if (isMaintenanceStatus(status) === (kind === 'maintenance')) return;
  const allowed = kind === 'maintenance' ? MAINTENANCE_STATUSES : REALTIME_STATUSES;
  const given = source === '--status' ? `--status '${status}'` : `status '${status}' from ${source}`;
  throw new UsageError(
    `${given} is not a status of ${quoted(incident)}, which is ${kind === 'incident' ? 'an incident' : 'a maintenance'}; use one of: ${allowed.join(', ')}`,
  );
}
