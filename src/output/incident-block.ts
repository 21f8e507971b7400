// The human-readable result of the incident commands: a short labelled block, ending with each
// affected component and its status after the change.

import { isMaintenance } from '../api/constants.js';
import type { Incident } from '../api/schemas.js';
import { formatInstant } from '../utils/time.js';
import type { Colors } from './color.js';
import { styleState } from './color.js';

export type IncidentAction = 'created' | 'updated' | 'rescheduled' | 'scheduled' | 'resolved' | 'closed' | 'open';

/** Headings follow what the object is, incident or maintenance, whatever its status. */
const HEADINGS: Record<IncidentAction, [incident: string, maintenance: string]> = {
  created: ['Created incident', 'Created maintenance'],
  scheduled: ['Scheduled incident', 'Scheduled maintenance'],
  updated: ['Updated incident', 'Updated maintenance'],
  rescheduled: ['Rescheduled incident', 'Rescheduled maintenance'],
  resolved: ['Resolved incident', 'Completed maintenance'],
  // Found closed already: nothing was sent.
  closed: ['Already resolved incident', 'Already completed maintenance'],
  open: ['Already open incident', 'Already open maintenance'],
};

/** What the command knows about its change beyond the incident the API returned. */
export interface ChangeDetails {
  /** Whether the request reaches subscribers; a terminal's heading says which. */
  notified?: boolean | undefined;
  /** The incident as read before the change: its components' statuses then. */
  before?: Incident | undefined;
  /** The component statuses the request sent; the API's newest update records where they came from. */
  sent?: Record<string, string> | undefined;
  /** Components left non-operational, and why. */
  stays?: readonly { id: string; why: string }[] | undefined;
}

export interface ComponentLine {
  name: string;
  /** The status before, when it is known and differs. */
  from?: string;
  to: string;
  note?: string;
}

export function componentLines(incident: Incident, details: ChangeDetails): ComponentLine[] {
  const before = new Map((details.before?.components ?? []).map((c) => [c.id, c.status]));
  const newest = incident.incident_updates?.[0];
  const recorded = new Map((newest?.affected_components ?? []).map((a) => [a.code, a.old_status]));
  const sent = details.sent ?? {};
  return (incident.components ?? []).map((component) => {
    const to = component.status ?? 'unknown';
    const from = before.get(component.id) ?? (component.id in sent ? recorded.get(component.id) : undefined);
    const note = details.stays?.find((s) => s.id === component.id)?.why;
    const line: ComponentLine = { name: component.name ?? component.id, to };
    if (from && from !== to) line.from = from;
    if (note) line.note = note;
    return line;
  });
}

/**
 * `zone` (a terminal): times in that zone with UTC beside them. Without it (a pipe): the API's
 * ISO strings, which are UTC, as the window's labels say.
 */
export function renderIncidentBlock(
  action: IncidentAction,
  incident: Incident,
  c: Colors,
  details: ChangeDetails = {},
  zone?: string,
): string {
  const maintenance = isMaintenance(incident);
  const time = (iso: string | null | undefined) => (iso && zone ? formatInstant(iso, zone) : iso);
  const utc = zone ? '' : ' (UTC)';
  const rows: Array<[string, string | null | undefined]> = [
    [maintenance ? 'Maintenance ID:' : 'Incident ID:', incident.id],
    ['Created at:', time(incident.created_at)],
  ];
  if (action === 'updated' || action === 'rescheduled' || action === 'resolved')
    rows.push(['Updated at:', time(incident.updated_at)]);
  rows.push(['Name:', incident.name]);
  if (incident.scheduled_for) rows.push([`Scheduled for${utc}:`, time(incident.scheduled_for)]);
  if (incident.scheduled_until) rows.push([`Scheduled until${utc}:`, time(incident.scheduled_until)]);
  rows.push(
    ['Status:', c.bold(incident.status)],
    ['Impact:', incident.impact ?? incident.impact_override],
    ['URL:', incident.shortlink],
  );
  const { notified } = details;
  const note =
    notified === undefined
      ? ''
      : ` ${(notified ? c.yellow : c.dim)(`(subscribers ${notified ? 'notified' : 'not notified'})`)}`;
  const heading = HEADINGS[action][maintenance ? 1 : 0];
  const lines = [`${c.green(heading)}${note}${c.green(':')}`];
  for (const [label, value] of rows) {
    if (value !== null && value !== undefined && value !== '') lines.push(`${c.dim(label)} ${value}`);
  }
  const components = componentLines(incident, details);
  if (components.length > 0) {
    lines.push(c.dim('Components:'));
    for (const line of components) {
      const change = line.from ? `${styleState(line.from, c)} → ${styleState(line.to, c)}` : styleState(line.to, c);
      lines.push(`  ${line.name}: ${change}${line.note ? c.dim(` (${line.note})`) : ''}`);
    }
  }
  return lines.join('\n');
}
