// Instants and durations as the flags accept them, and durations as messages show them.
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
