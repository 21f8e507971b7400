// What a rehearsal would have sent: each notification subscribers would have received, in order,
// and the page as it was left. `sandbox exec` prints it on stderr when its command is done.
import type { Colors } from '../output/color.js';
import type { PageModel } from './model.js';
import { overall } from './page.js';

const KIND: Record<string, string> = { created: 'New incident', updated: 'Update', postmortem: 'Postmortem published' };

export function renderSummary(model: PageModel, c: Colors): string {
  const lines: string[] = [];
  const sent = model.notifications;
  lines.push(
    c.bold(
      `What subscribers would have received (${sent.length} ${sent.length === 1 ? 'notification' : 'notifications'}):`,
    ),
  );
  if (sent.length === 0) lines.push('  nothing');
  sent.forEach((n, i) => {
    const time = n.at.slice(11, 19);
    lines.push(`${i + 1}. ${time} UTC  ${KIND[n.kind] ?? n.kind}: "${n.incident.name}" — ${n.status}`);
    for (const text of n.body.split('\n')) if (text.trim() !== '') lines.push(`     ${text}`);
    for (const change of n.components) lines.push(`     ${change.name}: ${change.from} → ${change.to}`);
  });
  const view = { page: model.page, components: model.components, incidents: model.all() };
  lines.push('', c.bold(`The page now: ${overall(view).text}`));
  for (const component of model.components.filter((x) => !x.group)) {
    lines.push(`  ${component.name}: ${component.status ?? 'operational'}`);
  }
  const open = view.incidents.filter((i) => !['resolved', 'completed'].includes(i.status));
  lines.push(
    open.length === 0
      ? '  No open incidents or maintenance.'
      : `  Open: ${open.map((i) => `${i.id} "${i.name}" (${i.status})`).join(', ')}`,
  );
  return lines.join('\n');
}
