// A create (POST) is not idempotent and Statuspage has no idempotency key, so when a create's
// outcome is unknown the incident is looked for before the create is ever sent again: the list
// it would appear in is read, and an incident is taken to be ours only if it shows everything
// the create sent and was created after the first attempt went out. Anything looser lets a
// failed create "recover" someone else's incident and drop the user's. The README's
// "Reliability" section states the rule for users.
import { type ApiRequest, type CreatedIncidentHint, listIncidents, searchIncidents } from './endpoints.js';
import { type Incident, incidentUpdatesSchema } from './schemas.js';

/**
 * Slack on each side of the window: created_at may be kept in whole seconds, and the machine
 * that stamps it need not be the one that stamps the Date header. Both are the API's own
 * clocks, so this is not room for our clock's error, which the window does not depend on.
 */
export const CLOCK_MARGIN_MS = 2000;
/** The Date header names whole seconds: the server's clock may be up to this much later. */
const DATE_HEADER_RESOLUTION_MS = 1000;
/** Maintenance windows are compared to the second: the API need not keep milliseconds. */
const SCHEDULE_TOLERANCE_MS = 1000;

const UNRESOLVED_STATUSES = new Set(['investigating', 'identified', 'monitoring']);

export interface LookupAnswer {
  incidents: Incident[];
  /** The Date header of the answer: the API's clock when it read the list. */
  date?: string;
}

export type Read = <T>(req: ApiRequest<T>) => Promise<T>;

/** The one read that would show the incident: its list, or a name search for one created resolved. */
export function lookupRequest(hint: CreatedIncidentHint): ApiRequest<LookupAnswer> {
  const list =
    hint.status === 'scheduled'
      ? listIncidents(hint.pageId, 'scheduled')
      : UNRESOLVED_STATUSES.has(hint.status)
        ? listIncidents(hint.pageId, 'unresolved')
        : searchIncidents(hint.pageId, { q: hint.name, limit: 100 });
  return { ...list, parse: (json, response) => ({ incidents: list.parse(json), date: response?.date }) };
}

/** When our create can have been stamped, on the clock that stamps created_at when we can read it. */
export interface CreationWindow {
  from: number;
  to: number;
  clock: 'server' | 'local';
}

/**
 * The API stamps created_at after our first attempt left and before it answered the lookup.
 * Our clock may be off by minutes, so the window is anchored on the lookup's Date header (the
 * API's clock) and reaches back by the time that passed on our monotonic clock since the first
 * attempt. Without a readable Date header our own clock stands in, with the same margin.
 */
export function creationWindow(elapsedMs: number, serverDate: string | undefined, localNow: number): CreationWindow {
  const server = serverDate === undefined ? Number.NaN : Date.parse(serverDate);
  if (Number.isFinite(server)) {
    return {
      from: server - elapsedMs - CLOCK_MARGIN_MS,
      to: server + DATE_HEADER_RESOLUTION_MS + CLOCK_MARGIN_MS,
      clock: 'server',
    };
  }
  return { from: localNow - elapsedMs - CLOCK_MARGIN_MS, to: localNow + CLOCK_MARGIN_MS, clock: 'local' };
}

export type SentField = 'message' | 'status' | 'impact' | 'components' | 'window';

/** How a same-named incident differs from the create; both empty when it is the create's own. */
export interface Differences {
  /** Why its created_at rules it out, if it does. */
  time?: string;
  /** What the create sent that the incident does not show. */
  fields: SentField[];
}

/** The body of the incident's first update (the API lists updates newest first). */
function firstUpdateBody(incident: Incident): string | undefined {
  const parsed = incidentUpdatesSchema.safeParse(incident.incident_updates);
  const updates = (parsed.success ? parsed.data : undefined) ?? [];
  let first = updates.at(-1);
  for (const update of updates) {
    if (Date.parse(update.created_at ?? '') < Date.parse(first?.created_at ?? '')) first = update;
  }
  return first?.body ?? undefined;
}

/** Line endings and surrounding blanks are the only changes the API might make to a message. */
const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

function sameInstant(sent: string | undefined, shown: string | null | undefined): boolean {
  if (sent === undefined) return true;
  const diff = Math.abs(Date.parse(sent) - Date.parse(shown ?? ''));
  return diff < SCHEDULE_TOLERANCE_MS;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/**
 * Compares an incident with what the create sent, for every field the API shows again.
 * A field the answer leaves out counts as different: only what the API shows is evidence.
 */
export function differences(incident: Incident, hint: CreatedIncidentHint, window: CreationWindow): Differences {
  const fields: SentField[] = [];
  if (hint.body !== undefined) {
    const shown = firstUpdateBody(incident);
    if (shown === undefined || !sameText(shown, hint.body)) fields.push('message');
  }
  if (incident.status !== hint.status) fields.push('status');
  if (hint.impact !== undefined) {
    // impact is derived when no override is set: an incident without one is not ours.
    const shown = incident.impact_override !== undefined ? incident.impact_override : incident.impact;
    if (shown !== hint.impact) fields.push('impact');
  }
  if (
    !sameSet(
      (incident.components ?? []).map((c) => c.id),
      hint.componentIds,
    )
  )
    fields.push('components');
  if (
    !sameInstant(hint.scheduledFor, incident.scheduled_for) ||
    !sameInstant(hint.scheduledUntil, incident.scheduled_until)
  )
    fields.push('window');

  const created = Date.parse(incident.created_at ?? '');
  let time: string | undefined;
  if (!Number.isFinite(created)) time = 'no creation time shown';
  else if (created < window.from) time = 'created before this command';
  else if (created > window.to) time = 'created after the check';
  return time === undefined ? { fields } : { time, fields };
}

export const isOurs = (d: Differences): boolean => d.time === undefined && d.fields.length === 0;

/** "created before this command; another message, impact" */
export function describeDifferences(d: Differences): string {
  const parts: string[] = [];
  if (d.time) parts.push(d.time);
  if (d.fields.length > 0) parts.push(`another ${d.fields.join(', ')}`);
  return parts.join('; ');
}

export interface CreateLookup {
  /** The incident the create made, if it is on the page; the newest when several match. */
  found?: Incident;
  /** Incidents with the same name that are not the create's, newest first, and why. */
  others: { incident: Incident; differences: Differences }[];
}

/**
 * Looks for the incident an unconfirmed create made. `firstSentAt` is `performance.now()` when
 * the first attempt went out: a monotonic clock, so a wall-clock step cannot stretch the window.
 */
export async function findCreatedIncident(
  read: Read,
  hint: CreatedIncidentHint,
  firstSentAt: number,
): Promise<CreateLookup> {
  const answer = await read(lookupRequest(hint));
  const window = creationWindow(performance.now() - firstSentAt, answer.date, Date.now());
  const newestFirst = answer.incidents
    .filter((incident) => incident.name.trim() === hint.name.trim())
    .map((incident) => ({ incident, differences: differences(incident, hint, window) }))
    .sort((a, b) => Date.parse(b.incident.created_at ?? '') - Date.parse(a.incident.created_at ?? ''));
  const found = newestFirst.find((c) => isOurs(c.differences))?.incident;
  const others = newestFirst.filter((c) => !isOurs(c.differences));
  return found ? { found, others } : { others };
}
