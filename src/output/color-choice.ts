// Whether to colour a stream: a TTY, no NO_COLOR, no --no-color, not TERM=dumb. Kept apart
// from chalk (color.ts) so that parsing flags, which honours --no-color, does not load it.
let noColorFlag = false;

export function disableColor(): void {
  noColorFlag = true;
}

export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (noColorFlag || process.env.TERM === 'dumb') return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}
