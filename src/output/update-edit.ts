// What edit-update shows: the old and new text before a dry run's request, and the result.
import type { Incident, IncidentUpdate } from '../api/schemas.js';
import { formatInstant, localZone } from '../utils/time.js';
import { type Colors, colorsFor } from './color.js';
import type { Io } from './io.js';
import { diffLines } from './text-diff.js';

/** A terminal gets a coloured diff; a pipe the two texts whole, each under a heading. */
export async function renderEditPreview(
  io: Io,
  update: IncidentUpdate,
  edit: { body?: string; displayAt?: string },
): Promise<string> {
  const lines: string[] = [];
  const id = update.id ?? '?';
  if (edit.body !== undefined) {
    if (io.stdoutIsTTY) {
      const c = await colorsFor(io, 'stdout');
      lines.push(c.bold(`--- update ${id} as posted`), c.bold('+++ as edited'));
      for (const { op, text } of diffLines(update.body ?? '', edit.body)) {
        const line = `${op}${text}`;
        lines.push(op === '-' ? c.red(line) : op === '+' ? c.green(line) : line);
      }
    } else {
      lines.push(`Old text (update ${id}):`, update.body ?? '', '', 'New text:', edit.body);
    }
    lines.push('');
  }
  if (edit.displayAt !== undefined) {
    lines.push(`Displayed at: ${shownTime(io, update.display_at)} → ${shownTime(io, edit.displayAt)}`, '');
  }
  // A blank line, then the request the dry run prints.
  return `${lines.join('\n')}\n`;
}

export async function renderEdited(
  io: Io,
  incident: Incident,
  update: IncidentUpdate,
  notified: boolean,
): Promise<string> {
  const c: Colors = await colorsFor(io, 'stdout');
  const [first = '', ...rest] = (update.body ?? '').split(/\r?\n/);
  const text = rest.some((line) => line.trim() !== '') ? `${first} …` : first;
  const rows: [string, string][] = [
    ['Incident:', `${incident.id} '${incident.name}'`],
    ['Update ID:', update.id ?? ''],
    ['Text:', text],
    ['Displayed at:', shownTime(io, update.display_at)],
    ['Subscribers:', notified ? c.yellow('notified') : c.dim('not notified')],
  ];
  return [c.green('Edited update:'), ...rows.map(([label, value]) => `${c.dim(label)} ${value}`)].join('\n');
}

/** A person's zone on a terminal; the API's ISO string in a pipe. */
function shownTime(io: Io, iso: string | null | undefined): string {
  if (!iso) return '(none)';
  return io.stdoutIsTTY ? formatInstant(iso, localZone(io.env)) : iso;
}
