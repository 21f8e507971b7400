// Instants and durations as the flags accept them, and instants and durations as people read them.
import { formatOffset, instantsAt, type LocalFields, offsetAt, offsetChangeNear } from './zone.js';

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * An ISO 8601 instant with a time and an explicit zone (`Z` or an offset). A zone-less time
 * is refused rather than guessed: at 3 a.m. "03:00" in the wrong zone is an outage notice
 * sent hours off.
 */
export function parseInstant(text: string): Date | undefined {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone = 'Z'] = m;
  const normalizedZone = zone.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(zone);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''}${normalizedZone}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2030-02-30 over to March; the calendar fields must survive a round trip in UTC of the same offset.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCHours() !== Number(h)) {
    return undefined;
  }
  return date;
}

function normalizeOffset(zone: string): string {
  const sign = zone[0];
  const digits = zone.slice(1).replace(':', '');
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;

/** The latest instant the API's ISO 8601 timestamps (four-digit years) can name. */
export const LAST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * `90m`, `2h`, `1h30m`, `1d`, `45s` → milliseconds. A bare number is refused, not taken as
 * minutes: `--duration 2` read as 2 minutes by one person is 2 hours to the next.
 */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, problem: 'give a unit: 2h, 90m, 1h30m, 1d' };
  const m = DURATION.exec(trimmed);
  if (!m || trimmed === '') return { ok: false, problem: 'expected a length such as 90m, 2h or 1h30m' };
  const [, d = '0', h = '0', mi = '0', s = '0'] = m;
  const ms = ((Number(d) * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Number(s) * 1000;
  if (ms <= 0) return { ok: false, problem: 'must be longer than 0' };
  if (!Number.isFinite(ms) || ms > LAST_INSTANT_MS)
    return { ok: false, problem: 'is longer than the API can schedule' };
  return { ok: true, value: ms };
}

/** `2h`, `1h30m`, `1d2h`, `45s`: a length as --duration takes it. */
export function formatDuration(ms: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ];
  let left = Math.max(0, Math.round(ms / 1000) * 1000);
  let text = '';
  for (const [unit, size] of units) {
    const count = Math.floor(left / size);
    if (count > 0) text += `${count}${unit}`;
    left -= count * size;
  }
  return text || '0s';
}

/** `2 s`, `0.8 s`, `12 s`: tenths below ten seconds, whole seconds above. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  const shown = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return `${shown} s`;
}

/** The zone a person's times are shown in: $TZ when it names an IANA zone, else the system's. */
export function localZone(env: Readonly<Record<string, string | undefined>>): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return tz;
    } catch {
      // Not an IANA name (a path, say): the system's zone stands in.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function parts(date: Date, timeZone: string, locale = 'en-US'): Record<string, string> {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const found = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  // en-US names American zones (EST) but calls Europe's GMT+1; en-GB says CET. Take a name if either has one.
  if (locale === 'en-US' && found.timeZoneName?.startsWith('GMT')) {
    const british = parts(date, timeZone, 'en-GB').timeZoneName;
    if (british && !british.startsWith('GMT') && !british.startsWith('UTC')) found.timeZoneName = british;
  }
  return found;
}

/**
 * An instant for a person: `Thu 2026-12-10 02:00 CET (01:00 UTC)`, or `Thu 2026-12-10 01:00 UTC`
 * where the zone is UTC; the UTC date is added when it differs. Not an instant: the text as it is.
 */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = parts(date, timeZone);
  const utc = date.toISOString();
  const day = `${local.year}-${local.month}-${local.day}`;
  const shown = `${local.weekday} ${day} ${local.hour}:${local.minute}`;
  if (utc.slice(0, 16) === `${day}T${local.hour}:${local.minute}`) return `${shown} UTC`;
  const utcTime = utc.slice(11, 16);
  const utcShown = utc.slice(0, 10) === day ? utcTime : `${utc.slice(0, 10)} ${utcTime}`;
  return `${shown} ${local.timeZoneName} (${utcShown} UTC)`;
}

/** What "now" and a local time mean for a time flag: the clock, and the zone local times are read in. */
export interface WhenContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** An IANA zone (`canonicalZone`). */
  zone: string;
}

const RELATIVE = /^(?:in\s+|\+\s*)(\S.*)$/i;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONELESS_ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:[.,]\d+)?)?$/i;

/** Every form a time flag takes, one example each, for the line that refuses anything else. */
export function timeFormsHint(zone: string): string {
  return `expected an ISO 8601 instant with a zone (2030-01-02T03:04:05Z, 2030-01-02T05:04:05+02:00), a local time read in ${zone} ('2030-01-02 03:04'; --tz names another zone), or a time from now ('in 2h', '+90m')`;
}

/**
 * A time as a person gives it: an ISO 8601 instant with a zone; `in 2h` or `+90m` from now (a
 * unit required, as for durations); or a local `YYYY-MM-DD HH:MM[:SS]` in `context.zone`. A local
 * time the zone's clocks skip (spring forward) or show twice (fall back) is refused, the second
 * with the two offsets to choose from: guessing either is a notice sent an hour off.
 */
export function parseWhen(text: string, context: WhenContext): Parsed<Date> {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const length = parseDuration(relative[1] ?? '');
    if (!length.ok) return { ok: false, problem: `${length.problem} (as in 'in 2h' or '+90m')` };
    return { ok: true, value: new Date(context.now + length.value) };
  }
  const instant = parseInstant(trimmed);
  if (instant) return { ok: true, value: instant };
  const local = LOCAL_TIME.exec(trimmed);
  if (local) return parseLocalTime(trimmed, local, context.zone);
  const zoneless = ZONELESS_ISO.exec(trimmed);
  if (zoneless) {
    return {
      ok: false,
      problem: `no zone given: add Z or an offset (${trimmed}Z, ${trimmed}+02:00), or give a local time as '${zoneless[1]} ${zoneless[2]}' to read it in ${context.zone}`,
    };
  }
  return { ok: false, problem: timeFormsHint(context.zone) };
}

function parseLocalTime(text: string, match: RegExpExecArray, zone: string): Parsed<Date> {
  const [, y, mo, d, h, mi, s = '00'] = match;
  const fields: LocalFields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  const calendar = new Date(
    Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second),
  );
  if (
    calendar.getUTCFullYear() !== fields.year ||
    calendar.getUTCMonth() !== fields.month - 1 ||
    calendar.getUTCDate() !== fields.day ||
    calendar.getUTCHours() !== fields.hour ||
    calendar.getUTCMinutes() !== fields.minute ||
    calendar.getUTCSeconds() !== fields.second
  ) {
    return { ok: false, problem: 'not a date and time on the calendar' };
  }
  const found = instantsAt(fields, zone);
  const [first, second] = found;
  if (first !== undefined && second === undefined) return { ok: true, value: new Date(first) };
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  const guess = calendar.getTime();
  const change = offsetChangeNear(guess, zone);
  if (first !== undefined && second !== undefined) {
    const iso = text.replace(/\s+/, 'T');
    const choice = (ms: number) => {
      const offset = offsetAt(ms, zone);
      return `${iso}${formatOffset(offset)} (${parts(new Date(ms), zone).timeZoneName})`;
    };
    const back = change
      ? ` (clocks go back from ${clock(change.at + change.before)} to ${clock(change.at + change.after)})`
      : '';
    return {
      ok: false,
      problem: `ambiguous in ${zone}, where it happens twice${back}; give the offset: ${choice(first)} or ${choice(second)}`,
    };
  }
  const skip = change
    ? `: clocks go forward from ${clock(change.at + change.before)} to ${clock(change.at + change.after)}`
    : '';
  return { ok: false, problem: `no such time in ${zone}${skip}; choose a time outside the gap` };
}

/**
 * A window for a person: `Thu 2026-12-10 02:00–04:00 CET (01:00–03:00 UTC)`; the end's date when
 * it ends on another day, each end's zone name when they differ (a change of offset inside the
 * window). `utc: false` leaves out the part in brackets; `weekday: false` the day names. No end
 * (or not an instant): the start alone, as formatInstant shows it.
 */
export function formatWindow(
  startIso: string,
  endIso: string | null | undefined,
  timeZone: string,
  options: { utc?: boolean; weekday?: boolean } = {},
): string {
  const { local, utc } = windowParts(startIso, endIso, timeZone, options);
  return utc && options.utc !== false ? `${local} (${utc})` : local;
}

/** formatWindow's two halves: the window in the zone, and in UTC (absent where the zone is UTC). */
export function windowParts(
  startIso: string,
  endIso: string | null | undefined,
  timeZone: string,
  { weekday = true }: { weekday?: boolean } = {},
): { local: string; utc?: string } {
  const start = new Date(startIso);
  const end = new Date(endIso ?? '');
  if (Number.isNaN(start.getTime())) return { local: [startIso, endIso].filter(Boolean).join(' – ') };
  if (Number.isNaN(end.getTime())) {
    const [local = '', utc] = formatInstant(startIso, timeZone).split(/ \((.*)\)$/);
    return utc ? { local, utc } : { local };
  }
  const isUtc = offsetAt(start.getTime(), timeZone) === 0 && offsetAt(end.getTime(), timeZone) === 0;
  const [a, b] = [parts(start, timeZone), parts(end, timeZone)];
  const [dayA, dayB] = [`${a.year}-${a.month}-${a.day}`, `${b.year}-${b.month}-${b.day}`];
  const [nameA, nameB] = isUtc ? ['UTC', 'UTC'] : [a.timeZoneName, b.timeZoneName];
  const day = (p: Record<string, string>, date: string) => (weekday ? `${p.weekday} ${date}` : date);
  const from = `${day(a, dayA)} ${a.hour}:${a.minute}${nameA === nameB ? '' : ` ${nameA}`}`;
  const to = `${dayA === dayB ? '' : `${day(b, dayB)} `}${b.hour}:${b.minute} ${nameB}`;
  const local = `${from}${dayA === dayB ? '–' : ' – '}${to}`;
  if (isUtc) return { local };
  const [isoA, isoB] = [start.toISOString(), end.toISOString()];
  const startUtc = isoA.slice(0, 10) === dayA ? isoA.slice(11, 16) : `${isoA.slice(0, 10)} ${isoA.slice(11, 16)}`;
  const sameUtcDay = isoA.slice(0, 10) === isoB.slice(0, 10);
  const endUtc = sameUtcDay ? isoB.slice(11, 16) : `${isoB.slice(0, 10)} ${isoB.slice(11, 16)}`;
  return { local, utc: `${startUtc}${sameUtcDay ? '–' : ' – '}${endUtc} UTC` };
}
