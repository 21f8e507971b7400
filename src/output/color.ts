// Colour only where a person is looking (Io.colorEnabled has the rules). chalk makes the codes;
// each one passes through Io.ownEscapes, so that the sanitizing at the output boundary, which
// turns every escape character from the API into visible text, keeps the CLI's own. chalk is
// loaded on the first call, so runs that print no block or table (usage errors, --dry-run,
// --json, -q) never evaluate it.
import type { Io, StreamName } from './io.js';

const STYLES = ['green', 'yellow', 'red', 'blue', 'dim', 'bold'] as const;
export type Colors = Readonly<Record<(typeof STYLES)[number], (text: string) => string>>;

/** Styles nothing: for renderers called where colour is out of the question. */
export const PLAIN: Colors = Object.fromEntries(STYLES.map((style) => [style, (text: string) => text])) as Colors;

export async function colorsFor(io: Io, stream: StreamName): Promise<Colors> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: io.colorEnabled(stream) ? 1 : 0 });
  const probe = '\u0000';
  const entries = STYLES.map((style) => {
    const [open = '', close = ''] = chalk[style](probe).split(probe);
    const [trustedOpen, trustedClose] = [io.ownEscapes(open), io.ownEscapes(close)];
    return [style, (text: string) => (text === '' ? text : `${trustedOpen}${text}${trustedClose}`)] as const;
  });
  return Object.fromEntries(entries) as Colors;
}

// One colour per kind of state, shared by every list and block: green is fine, yellow is degraded
// or in hand, red is down or not yet understood, blue is planned work.
const GOOD = new Set(['operational', 'resolved', 'completed', 'none']);
const WARN = new Set(['degraded_performance', 'partial_outage', 'identified', 'monitoring', 'minor', 'major']);
const BAD = new Set(['major_outage', 'investigating', 'critical']);
const PLANNED = new Set(['under_maintenance', 'scheduled', 'in_progress', 'verifying', 'maintenance']);

export function styleState(text: string, c: Colors): string {
  const key = text.trim();
  if (GOOD.has(key)) return c.green(text);
  if (WARN.has(key)) return c.yellow(text);
  if (BAD.has(key)) return c.red(text);
  if (PLANNED.has(key)) return c.blue(text);
  return text;
}
