// Instants and durations as the maintenance flags accept them.
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

/** `90m`, `2h`, `1h30m`, `1d`, `45s` → milliseconds; a bare number means minutes. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 60_000;
  const m = DURATION.exec(trimmed);
  if (!m || trimmed === '') return undefined;
  const [, d = '0', h = '0', mi = '0', s = '0'] = m;
  const ms = ((Number(d) * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Number(s) * 1000;
  return ms > 0 ? ms : undefined;
}
