// The columns of list-incidents.

import type { Incident } from '../api/schemas.js';
import { formatInstant } from '../utils/time.js';
import type { Colors } from './color.js';
import { styleState } from './color.js';
import type { ListView } from './emit-list.js';
import type { Column } from './table.js';

export type IncidentListChoice = 'unresolved' | 'scheduled' | 'active_maintenance' | 'all';

const EMPTY: Record<IncidentListChoice, string> = {
  unresolved: 'No unresolved incidents.',
  scheduled: 'No scheduled maintenance.',
  active_maintenance: 'No maintenance in progress.',
  all: 'No incidents.',
};

/** `2030-01-02 03:04` in UTC: short enough for a table, unambiguous at any hour. */
export function shortUtc(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The components an incident lists, by name: `API, Database`. */
export function componentNames(incident: Incident): string {
  return (incident.components ?? []).map((c) => c.name ?? c.id).join(', ');
}

/**
 * `zone` (a terminal): times in that zone with UTC beside them. Without it (a pipe): `shortUtc`,
 * as the headers say.
 */
export function incidentListView(kind: IncidentListChoice, zone?: string): ListView<Incident> {
  const time = (iso: string | null | undefined) => (zone && iso ? formatInstant(iso, zone) : shortUtc(iso));
  const utc = zone ? '' : ' (UTC)';
  const state = (text: string, _row: Incident, c: Colors) => styleState(text, c);
  const columns: Column<Incident>[] = [
    { header: 'ID', value: (i) => i.id },
    { header: 'NAME', value: (i) => i.name },
    { header: 'STATUS', value: (i) => i.status, style: state },
    { header: 'IMPACT', value: (i) => i.impact ?? i.impact_override ?? '', style: state },
  ];
  // For maintenance the start matters more than when it was entered.
  if (kind === 'scheduled' || kind === 'active_maintenance') {
    columns.push({ header: `STARTS${utc}`, value: (i) => time(i.scheduled_for) });
  }
  columns.push(
    { header: `CREATED${utc}`, value: (i) => time(i.created_at) },
    { header: 'SHORTLINK', value: (i) => i.shortlink ?? '' },
    // Last, so that scripts reading the columns before it by position keep working.
    { header: 'COMPONENTS', value: componentNames },
  );
  return { id: (i) => i.id, empty: EMPTY[kind], columns };
}
