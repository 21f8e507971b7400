// The human-readable result of the four incident commands: a short labelled block.
import type { ChalkInstance } from 'chalk';
import { isMaintenance } from '../api/constants.js';
import type { Incident } from '../api/schemas.js';
import { notifyNote } from './notify-note.js';

export type IncidentAction = 'created' | 'updated' | 'scheduled' | 'resolved';

const HEADINGS: Record<IncidentAction, string> = {
  created: 'Created incident',
  updated: 'Updated incident',
  scheduled: 'Scheduled maintenance',
  resolved: 'Resolved incident',
};

export function renderIncidentBlock(
  action: IncidentAction,
  incident: Incident,
  c: ChalkInstance,
  notified?: boolean,
): string {
  const rows: Array<[string, string | null | undefined]> = [
    [isMaintenance(incident) ? 'Maintenance ID:' : 'Incident ID:', incident.id],
    ['Created at:', incident.created_at],
  ];
  if (action === 'updated' || action === 'resolved') rows.push(['Updated at:', incident.updated_at]);
  rows.push(['Name:', incident.name]);
  if (incident.scheduled_for) rows.push(['Scheduled for (UTC):', incident.scheduled_for]);
  if (incident.scheduled_until) rows.push(['Scheduled until (UTC):', incident.scheduled_until]);
  rows.push(
    ['Status:', c.bold(incident.status)],
    ['Impact:', incident.impact ?? incident.impact_override],
    ['URL:', incident.shortlink],
  );
  const note = notified === undefined ? '' : ` ${(notified ? c.yellow : c.dim)(`(${notifyNote(notified)})`)}`;
  const lines = [`${c.green(HEADINGS[action])}${note}${c.green(':')}`];
  for (const [label, value] of rows) {
    if (value !== null && value !== undefined && value !== '') lines.push(`${c.dim(label)} ${value}`);
  }
  return lines.join('\n');
}
