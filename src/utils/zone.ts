// Wall-clock arithmetic in IANA time zones with nothing but Intl: a zone's offset at an instant,
// and the instants (none, one or two) at which a zone's clocks show a given local time.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A time as a zone's clocks show it; month 1–12. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The zone's canonical IANA name (`europe/berlin` → `Europe/Berlin`), or undefined when Intl does
 * not know it. Bare offsets (`+02:00`, which newer Node versions accept) are refused: an offset
 * belongs in the time itself (`2026-12-10T02:00+02:00`), where it cannot be taken for a zone with
 * daylight saving time.
 */
export function canonicalZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '' || /^[+-]/.test(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** What the zone's clocks show at `ms`. */
export function localFieldsAt(ms: number, timeZone: string): LocalFields {
  const found: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') found[part.type] = Number(part.value);
  }
  return {
    year: found.year ?? 0,
    month: found.month ?? 0,
    day: found.day ?? 0,
    hour: found.hour ?? 0,
    minute: found.minute ?? 0,
    second: found.second ?? 0,
  };
}

const asUtcMs = (f: LocalFields) => Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);

/** The zone's offset from UTC at `ms`, in milliseconds (Berlin in winter: +3 600 000). */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtcMs(localFieldsAt(whole, timeZone)) - whole;
}

const sameFields = (a: LocalFields, b: LocalFields) =>
  a.year === b.year &&
  a.month === b.month &&
  a.day === b.day &&
  a.hour === b.hour &&
  a.minute === b.minute &&
  a.second === b.second;

/**
 * Every instant at which the zone's clocks show `fields`, earliest first: one as a rule, none in
 * a spring-forward gap, two in a fall-back hour. Offsets are taken a day either side, so any one
 * change of offset near the time is seen.
 */
export function instantsAt(fields: LocalFields, timeZone: string): number[] {
  const guess = asUtcMs(fields);
  const offsets = new Set([guess - DAY_MS, guess, guess + DAY_MS].map((ms) => offsetAt(ms, timeZone)));
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = guess - offset;
    if (sameFields(localFieldsAt(candidate, timeZone), fields)) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/** A change of offset near a local time: when it happens, and the offsets before and after. */
export interface OffsetChange {
  at: number;
  before: number;
  after: number;
}

/** The change of offset within a day of `ms`, if the zone has one there. */
export function offsetChangeNear(ms: number, timeZone: string): OffsetChange | undefined {
  let low = ms - DAY_MS;
  let high = ms + DAY_MS;
  const before = offsetAt(low, timeZone);
  const after = offsetAt(high, timeZone);
  if (before === after) return undefined;
  // Offsets change on whole seconds: halve the span until one second is left.
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return { at: high, before, after };
}

/** `+02:00`, `-05:30`, `+00:00`. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
