// Colour only where a person is looking (Io.colorEnabled has the rules). chalk is loaded on the
// first call, so runs that print no block or table (usage errors, --dry-run, --json, -q) never
// evaluate it.
import type { ChalkInstance } from 'chalk';
import type { Io, StreamName } from './io.js';

export async function colorsFor(io: Io, stream: StreamName): Promise<ChalkInstance> {
  const { Chalk } = await import('chalk');
  return new Chalk({ level: io.colorEnabled(stream) ? 1 : 0 });
}

// One colour per kind of state, shared by every list and block: green is fine, yellow is degraded
// or in hand, red is down or not yet understood, blue is planned work.
const GOOD = new Set(['operational', 'resolved', 'completed', 'none']);
const WARN = new Set(['degraded_performance', 'partial_outage', 'identified', 'monitoring', 'minor', 'major']);
const BAD = new Set(['major_outage', 'investigating', 'critical']);
const PLANNED = new Set(['under_maintenance', 'scheduled', 'in_progress', 'verifying', 'maintenance']);

export function styleState(text: string, c: ChalkInstance): string {
  const key = text.trim();
  if (GOOD.has(key)) return c.green(text);
  if (WARN.has(key)) return c.yellow(text);
  if (BAD.has(key)) return c.red(text);
  if (PLANNED.has(key)) return c.blue(text);
  return text;
}
