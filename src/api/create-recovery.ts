// A create (POST) is not idempotent and Statuspage has no idempotency key, so when a create's
// outcome is unknown the incident is looked for before the create is ever sent again: the list
// it would appear in is read, and an incident with the same name created since the first attempt
// (give or take clock skew) is taken to be ours. The rule itself is in ARCHITECTURE.md.
import { type ApiRequest, type CreatedIncidentHint, listIncidents, searchIncidents } from './endpoints.js';
import type { Incident } from './schemas.js';

/** Clocks differ: an incident stamped up to this long before our first attempt still counts. */
export const CLOCK_SKEW_MS = 2 * 60_000;

const UNRESOLVED_STATUSES = new Set(['investigating', 'identified', 'monitoring']);

export type Read = <T>(req: ApiRequest<T>) => Promise<T>;

/** The one read that would show the incident: its list, or a name search for one created resolved. */
export function lookupRequest(hint: CreatedIncidentHint): ApiRequest<Incident[]> {
  if (hint.status === 'scheduled') return listIncidents(hint.pageId, 'scheduled');
  if (UNRESOLVED_STATUSES.has(hint.status)) return listIncidents(hint.pageId, 'unresolved');
  return searchIncidents(hint.pageId, { q: hint.name, limit: 100 });
}

export function isCreatedIncident(
  incident: Incident,
  hint: CreatedIncidentHint,
  firstSentAt: number,
  now: number,
): boolean {
  if (incident.name.trim() !== hint.name.trim()) return false;
  const created = Date.parse(incident.created_at ?? '');
  return Number.isFinite(created) && created >= firstSentAt - CLOCK_SKEW_MS && created <= now + CLOCK_SKEW_MS;
}

/** The incident the create made, if it is on the page; the newest when several match. */
export async function findCreatedIncident(
  read: Read,
  hint: CreatedIncidentHint,
  firstSentAt: number,
): Promise<Incident | undefined> {
  const list = await read(lookupRequest(hint));
  const now = Date.now();
  const matches = list.filter((incident) => isCreatedIncident(incident, hint, firstSentAt, now));
  matches.sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
  return matches[0];
}
