// Colour only where a person is looking: a TTY, no NO_COLOR, no --no-color, not TERM=dumb.
import { Chalk, type ChalkInstance } from 'chalk';

let noColorFlag = false;

export function disableColor(): void {
  noColorFlag = true;
}

export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if (noColorFlag || process.env.TERM === 'dumb') return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  return new Chalk({ level: colorEnabled(stream) ? 1 : 0 });
}
