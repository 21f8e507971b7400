// How long something has lasted, to the precision a glance needs.

/** `45s`, `12m`, `3h 5m`, `2d 4h`; a negative span (clocks apart) counts as none. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}

/** The span between two API instants, or undefined when either is missing or unreadable. */
export function spanMs(from: string | null | undefined, to: string | null | undefined): number | undefined {
  const start = Date.parse(from ?? '');
  const end = Date.parse(to ?? '');
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : end - start;
}
