// Colour only where a person is looking (see color-choice.ts for the rules).
import { Chalk, type ChalkInstance } from 'chalk';
import { colorEnabled } from './color-choice.js';

export { colorEnabled, disableColor } from './color-choice.js';

export function colorsFor(stream: NodeJS.WriteStream): ChalkInstance {
  return new Chalk({ level: colorEnabled(stream) ? 1 : 0 });
}
