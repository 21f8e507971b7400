// What `status` reports, from what it read: pure, so the rules (what counts as broken, what as
// upcoming, what is listed once) are in one place.
import type { Component, Incident, Page } from '../../api/schemas.js';
import { UPCOMING_DAYS } from './command.js';

const UPCOMING_MS = UPCOMING_DAYS * 24 * 60 * 60 * 1000;

/** The object `status --json` prints. */
export interface PageStatus {
  page: Page;
  /** Every component and group, in the order the page shows them. */
  components: Component[];
  /** Open incidents (maintenance excluded), as the unresolved list orders them. */
  incidents: Incident[];
  maintenances: {
    active: Incident[];
    /** Scheduled to start within the next seven days, or due and not yet started; soonest first. */
    upcoming: Incident[];
  };
}

export interface StatusReads {
  page: Page;
  components: Component[];
  unresolved: Incident[];
  active: Incident[];
  scheduled: Incident[];
}

export function summarize(read: StatusReads, now: number): PageStatus {
  const maintenanceIds = new Set([...read.active, ...read.scheduled].map((i) => i.id));
  const startOf = (i: Incident) => Date.parse(i.scheduled_for ?? '');
  const upcoming = read.scheduled
    .filter((i) => !(startOf(i) > now + UPCOMING_MS))
    .sort((a, b) => (startOf(a) || 0) - (startOf(b) || 0));
  return {
    page: read.page,
    components: read.components,
    // A list that also carried maintenance would otherwise show it twice.
    incidents: read.unresolved.filter((i) => !maintenanceIds.has(i.id)),
    maintenances: { active: read.active, upcoming },
  };
}

/** Components (not groups: a group shows its members' state) whose status is not operational. */
export function notOperational(components: readonly Component[]): Component[] {
  return components.filter((c) => !c.group && c.status !== 'operational');
}

export function countedComponents(components: readonly Component[]): number {
  return components.filter((c) => !c.group).length;
}

/** What `--exit-status` checks; upcoming maintenance is planned, not a problem. */
export function problems(status: PageStatus): string[] {
  const count = (n: number, one: string, many: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  return [
    ...count(notOperational(status.components).length, 'component not operational', 'components not operational'),
    ...count(status.incidents.length, 'incident open', 'incidents open'),
    ...count(status.maintenances.active.length, 'maintenance window in progress', 'maintenance windows in progress'),
  ];
}
