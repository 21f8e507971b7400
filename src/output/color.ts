// Colour only where a person is looking (see color-choice.ts for the rules). chalk is loaded
// on the first call, so runs that print no incident block (usage errors, --dry-run, --json,
// -q) never evaluate it.
import type { ChalkInstance } from 'chalk';
import { colorEnabled } from './color-choice.js';

export async function colorsFor(stream: NodeJS.WriteStream): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: colorEnabled(stream) ? 1 : 0 });
}
