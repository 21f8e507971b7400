// A create, or an update that posts a message, is not idempotent, and Statuspage has no
// idempotency key: sent twice, it is broadcast twice. When such a write's outcome is unknown (a
// 5xx, a connection closed before a complete answer, no answer in time), what it would have left
// on the page is looked for before it is ever sent again. A create is recognised by the unique
// request ID it carries in the incident's metadata, never by a field-by-field guess; a posted
// update by its text and status, made since the first attempt by the API's clock. The README's
// "Reliability" section states the rule for users.
import { type ApiRequest, getIncident, listIncidents, searchIncidents, type WriteTrace } from './endpoints.js';
import { markerOf } from './marker.js';
import type { Incident } from './schemas.js';

/**
 * Slack on each side of the window: created_at may be kept in whole seconds, and the machine
 * that stamps it need not be the one that stamps the Date header. Both are the API's own
 * clocks, so this is not room for our clock's error, which the window does not depend on.
 */
export const CLOCK_MARGIN_MS = 2000;
/** The Date header names whole seconds: the server's clock may be up to this much later. */
const DATE_HEADER_RESOLUTION_MS = 1000;

const UNRESOLVED_STATUSES = new Set(['investigating', 'identified', 'monitoring']);

export type Read = <T>(req: ApiRequest<T>) => Promise<T>;

interface Answer<T> {
  value: T;
  /** The Date header of the answer: the API's clock when it read. */
  date?: string | undefined;
}

function withDate<T>(req: ApiRequest<T>): ApiRequest<Answer<T>> {
  return { ...req, parse: (json, response) => ({ value: req.parse(json), date: response?.date }) };
}

type CreateTrace = Extract<WriteTrace, { kind: 'create' }>;

/** The one read that would show a new incident: the list it is in, or a name search for one created resolved. */
export function lookupRequest(trace: CreateTrace): ApiRequest<Answer<Incident[]>> {
  if (trace.status === 'scheduled') return withDate(listIncidents(trace.pageId, 'scheduled'));
  if (UNRESOLVED_STATUSES.has(trace.status)) return withDate(listIncidents(trace.pageId, 'unresolved'));
  return withDate(searchIncidents(trace.pageId, { q: trace.name, limit: 100 }));
}

/** When our write can have been stamped, on the clock that stamps created_at when we can read it. */
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

function within(at: string | null | undefined, window: CreationWindow): boolean {
  const time = Date.parse(at ?? '');
  return Number.isFinite(time) && time >= window.from && time <= window.to;
}

/** Line endings and surrounding blanks are the only changes the API might make to a message. */
export const sameText = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/**
 * - found: the write is on the page (`at`: when the API stamped it);
 * - absent: it is not, as far as this read shows (`note`: look-alikes that are not it);
 * - unknown: something on the page may be it, but cannot be told apart from another's.
 */
export type Look =
  | { outcome: 'found'; incident: Incident; at?: string | undefined }
  | { outcome: 'absent'; note?: string }
  | { outcome: 'unknown'; why: string };

/** One look for what `trace` would have left. `firstSentAt` is performance.now() at the first attempt. */
export async function look(read: Read, trace: WriteTrace, firstSentAt: number): Promise<Look> {
  if (trace.kind === 'update') {
    const answer = await read(withDate(getIncident(trace.pageId, trace.incidentId)));
    const window = creationWindow(performance.now() - firstSentAt, answer.date, Date.now());
    const posted = (answer.value.incident_updates ?? []).find(
      (u) =>
        sameText(u.body ?? '', trace.body) &&
        (trace.status === undefined || u.status === trace.status) &&
        within(u.created_at, window),
    );
    return posted
      ? { outcome: 'found', incident: answer.value, at: posted.created_at ?? undefined }
      : { outcome: 'absent' };
  }
  const answer = await read(lookupRequest(trace));
  const mine = answer.value.find((i) => markerOf(i)?.request_id === trace.requestId);
  if (mine) return { outcome: 'found', incident: mine, at: mine.created_at ?? undefined };
  const window = creationWindow(performance.now() - firstSentAt, answer.date, Date.now());
  const sameName = answer.value.filter((i) => i.name.trim() === trace.name.trim());
  // Made since the first attempt, with this name, and no request ID: the API may have dropped
  // the metadata, or someone made it by hand. Either way it cannot be ruled out, nor claimed.
  const unmarked = sameName.find((i) => markerOf(i)?.request_id === undefined && within(i.created_at, window));
  if (unmarked) {
    return {
      outcome: 'unknown',
      why: `${unmarked.id} '${unmarked.name}' was created since this command started but carries no request ID, so it cannot be told apart from this create`,
    };
  }
  const [other] = sameName;
  if (!other) return { outcome: 'absent' };
  const created = Date.parse(other.created_at ?? '');
  const why =
    Number.isFinite(created) && created < window.from ? 'created before this command' : 'made by another command';
  const more = sameName.length > 1 ? `; ${sameName.length - 1} more with that name` : '';
  return {
    outcome: 'absent',
    note: `${other.id} '${other.name}' has the same name but is another incident (${why})${more}`,
  };
}
