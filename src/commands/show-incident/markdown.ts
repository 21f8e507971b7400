// The incident's record as Markdown, the skeleton of a postmortem: a heading, a summary list,
// and one section per update. Deterministic (UTC, no colour, no terminal width), because a
// document made from it may be read back by a program:
//
//   # <name>
//   - <Label>: <value>            (one line each)
//   ## Timeline
//   ### <YYYY-MM-DD HH:MM> UTC — <Status>
//   <the message as posted>
//   - <component>: <old> → <new>  (one line each)
import { isMaintenance } from '../../api/constants.js';
import type { Incident } from '../../api/schemas.js';
import { componentNames } from '../../output/incident-list.js';
import { utcMinute } from '../../output/instant.js';
import { formatElapsed, spanMs } from '../../utils/elapsed.js';
import { postmortemOf, statusTitle, timeline } from './timeline.js';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function renderMarkdown(incident: Incident): string {
  const maintenance = isMaintenance(incident);
  const summary: Array<[string, string | null | undefined]> = [
    [maintenance ? 'Maintenance' : 'Incident', incident.id],
    ['Status', incident.status],
    ['Impact', incident.impact ?? incident.impact_override ?? 'none'],
    ['Created', utcMinute(incident.created_at)],
  ];
  if (incident.scheduled_for) {
    const until = incident.scheduled_until ? ` → ${utcMinute(incident.scheduled_until)}` : '';
    summary.push(['Scheduled', `${utcMinute(incident.scheduled_for)}${until}`]);
  }
  if (incident.resolved_at) {
    summary.push([maintenance ? 'Completed' : 'Resolved', utcMinute(incident.resolved_at)]);
    const lasted = spanMs(incident.created_at, incident.resolved_at);
    if (lasted !== undefined) summary.push(['Duration', formatElapsed(lasted)]);
  }
  summary.push(['Components', componentNames(incident) || 'none'], ['Link', incident.shortlink]);
  const postmortem = postmortemOf(incident);
  summary.push(['Postmortem', postmortem.at ? `${postmortem.state} (${utcMinute(postmortem.at)})` : postmortem.state]);

  const blocks = [
    `# ${oneLine(incident.name)}`,
    summary
      .filter(([, value]) => value)
      .map(([label, value]) => `- ${label}: ${oneLine(value as string)}`)
      .join('\n'),
    '## Timeline',
  ];
  const entries = timeline(incident);
  if (entries.length === 0) blocks.push('No updates.');
  for (const entry of entries) {
    blocks.push(`### ${utcMinute(entry.at) || 'Unknown time'} — ${statusTitle(entry.status || 'update')}`);
    const message = entry.message.replace(/\s+$/, '');
    if (message.trim() !== '') blocks.push(message);
    if (entry.transitions.length > 0) {
      blocks.push(entry.transitions.map((t) => `- ${oneLine(t.name)}: ${t.from} → ${t.to}`).join('\n'));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
