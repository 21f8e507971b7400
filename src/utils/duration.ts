// Durations as people read them in a one-line message.

/** `2 s`, `0.8 s`, `12 s`: tenths below ten seconds, whole seconds above. */
export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  const shown = seconds >= 10 ? Math.round(seconds) : Math.round(seconds * 10) / 10;
  return `${shown} s`;
}
