// The page at a glance, as a person reads it: a heading, then one short section each for
// components, incidents, maintenance in progress and maintenance to come. A table inside a
// section only where there is something to list.
import type { Component, Incident } from '../../api/schemas.js';
import { type Colors, styleState } from '../../output/color.js';
import { componentNames } from '../../output/incident-list.js';
import type { InstantFormat } from '../../output/instant.js';
import { type Column, renderTable } from '../../output/table.js';
import { formatElapsed } from '../../utils/elapsed.js';
import { UPCOMING_DAYS } from './command.js';
import { countedComponents, notOperational, type PageStatus } from './summary.js';

export interface RenderContext {
  c: Colors;
  instant: InstantFormat;
  now: number;
}

const state = <T>(value: (row: T) => string): Column<T> => ({
  header: 'STATUS',
  value,
  style: (text, _row, c) => styleState(text, c),
});

function section<T>(title: string, rows: readonly T[], columns: readonly Column<T>[], c: Colors): string {
  const table = renderTable(rows, columns, c)
    .split('\n')
    .map((line) => `  ${line}`);
  return [c.bold(title), ...table].join('\n');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function componentSection(components: readonly Component[], { c, instant }: RenderContext): string {
  const total = countedComponents(components);
  const broken = notOperational(components);
  if (broken.length === 0) {
    if (total === 0) return 'No components';
    return c.green(total === 1 ? 'The one component is operational' : `All ${total} components operational`);
  }
  const groups = new Map(components.filter((g) => g.group).map((g) => [g.id, g.name]));
  return section(
    `${broken.length} of ${plural(total, 'component', 'components')} not operational:`,
    broken,
    [
      { header: 'NAME', value: (x) => x.name },
      state((x) => x.status || 'unknown'),
      { header: 'GROUP', value: (x) => (x.group_id ? (groups.get(x.group_id) ?? x.group_id) : '') },
      { header: 'SINCE', value: (x) => instant(x.updated_at) },
    ],
    c,
  );
}

function incidentSection(incidents: readonly Incident[], { c, now }: RenderContext): string {
  if (incidents.length === 0) return c.green('No open incidents');
  const age = (i: Incident) => {
    const created = Date.parse(i.created_at ?? '');
    return Number.isNaN(created) ? '' : formatElapsed(now - created);
  };
  return section(
    `${plural(incidents.length, 'open incident', 'open incidents')}:`,
    incidents,
    [
      { header: 'ID', value: (i) => i.id },
      { header: 'NAME', value: (i) => i.name },
      state((i) => i.status),
      { header: 'IMPACT', value: (i) => i.impact ?? i.impact_override ?? '', style: (t, _i, cc) => styleState(t, cc) },
      { header: 'AGE', value: age },
      { header: 'COMPONENTS', value: componentNames },
    ],
    c,
  );
}

function activeSection(active: readonly Incident[], { c, instant }: RenderContext): string {
  if (active.length === 0) return 'No maintenance in progress';
  return section(
    `${plural(active.length, 'maintenance window', 'maintenance windows')} in progress:`,
    active,
    [
      { header: 'ID', value: (i) => i.id },
      { header: 'NAME', value: (i) => i.name },
      state((i) => i.status),
      { header: 'ENDS', value: (i) => instant(i.scheduled_until) },
      { header: 'COMPONENTS', value: componentNames },
    ],
    c,
  );
}

function upcomingSection(upcoming: readonly Incident[], { c, instant, now }: RenderContext): string {
  const within = `in the next ${UPCOMING_DAYS} days`;
  if (upcoming.length === 0) return `No maintenance ${within}`;
  const starts = (i: Incident) => {
    const shown = instant(i.scheduled_for);
    // Still scheduled after its start: it did not start itself, and someone should look.
    return Date.parse(i.scheduled_for ?? '') < now ? `${shown} (overdue)` : shown;
  };
  return section(
    `${plural(upcoming.length, 'maintenance window', 'maintenance windows')} ${within}:`,
    upcoming,
    [
      { header: 'ID', value: (i) => i.id },
      { header: 'NAME', value: (i) => i.name },
      { header: 'STARTS', value: starts },
      { header: 'ENDS', value: (i) => instant(i.scheduled_until) },
      { header: 'COMPONENTS', value: componentNames },
    ],
    c,
  );
}

export function renderStatus(status: PageStatus, context: RenderContext): string {
  const { page } = status;
  const { c } = context;
  const heading = page.name ? `${c.bold(page.name)} ${c.dim(`(${page.id})`)}` : c.bold(page.id);
  return [
    heading,
    componentSection(status.components, context),
    incidentSection(status.incidents, context),
    activeSection(status.maintenances.active, context),
    upcomingSection(status.maintenances.upcoming, context),
  ].join('\n\n');
}
