// An incident as a person reads it: what it is and where it stands, its components now, then
// every update as it was posted, oldest first.
import { isMaintenance } from '../../api/constants.js';
import type { Incident } from '../../api/schemas.js';
import { type Colors, styleState } from '../../output/color.js';
import type { InstantFormat } from '../../output/instant.js';
import { postmortemOf, timeline } from './timeline.js';

export function renderIncident(incident: Incident, c: Colors, instant: InstantFormat): string {
  const maintenance = isMaintenance(incident);
  const rows: Array<[string, string]> = [
    ['Status:', styleState(incident.status, c)],
    ['Impact:', styleState(incident.impact ?? incident.impact_override ?? 'none', c)],
    ['Created:', instant(incident.created_at)],
  ];
  if (incident.scheduled_for) {
    const until = incident.scheduled_until ? ` → ${instant(incident.scheduled_until)}` : '';
    rows.push(['Scheduled:', `${instant(incident.scheduled_for)}${until}`]);
  }
  if (incident.resolved_at) rows.push([maintenance ? 'Completed:' : 'Resolved:', instant(incident.resolved_at)]);
  if (incident.shortlink) rows.push(['URL:', incident.shortlink]);
  const postmortem = postmortemOf(incident);
  const when = postmortem.at ? ` ${postmortem.state === 'draft' ? 'last edited ' : ''}${instant(postmortem.at)}` : '';
  rows.push(['Postmortem:', `${postmortem.state}${when}`]);

  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [c.bold(`${maintenance ? 'Maintenance' : 'Incident'} ${incident.id}: ${incident.name}`)];
  for (const [label, value] of rows) if (value) lines.push(`${c.dim(label.padEnd(width))} ${value}`);

  const components = incident.components ?? [];
  lines.push(c.dim(components.length > 0 ? 'Components:' : 'Components: none'));
  for (const component of components) {
    lines.push(`  ${component.name ?? component.id}: ${styleState(component.status ?? 'unknown', c)}`);
  }

  const entries = timeline(incident);
  lines.push(c.dim(entries.length > 0 ? 'Updates, oldest first:' : 'Updates: none'));
  for (const [index, entry] of entries.entries()) {
    // Messages have paragraphs of their own: a blank line tells one update from the next.
    if (index > 0) lines.push('');
    lines.push(`  ${c.bold(instant(entry.at) || 'unknown time')}  ${styleState(entry.status, c)}`);
    const message = entry.message.replace(/\s+$/, '');
    if (message.trim() !== '') for (const text of message.split('\n')) lines.push(text === '' ? '' : `    ${text}`);
    for (const t of entry.transitions) {
      lines.push(`    ${c.dim(`${t.name}:`)} ${styleState(t.from, c)} → ${styleState(t.to, c)}`);
    }
  }
  return lines.join('\n');
}
