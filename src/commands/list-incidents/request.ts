// Which list to read, and the GET for one page of it.
import { type ApiRequest, INCIDENTS_PER_PAGE, listIncidents, searchIncidents } from '../../api/endpoints.js';
import type { Incident } from '../../api/schemas.js';
import { DEFAULT_ALL_LIMIT } from './command.js';
import type { ListIncidentsOptions } from './options.js';

export type IncidentSelection =
  | { kind: 'unresolved' | 'scheduled' | 'active_maintenance'; limit: number | undefined }
  | { kind: 'all'; limit: number };

export function selectionOf(options: ListIncidentsOptions): IncidentSelection {
  if (options.all) return { kind: 'all', limit: options.limit ?? DEFAULT_ALL_LIMIT };
  const kind = options.scheduled ? 'scheduled' : options.activeMaintenance ? 'active_maintenance' : 'unresolved';
  return { kind, limit: options.limit };
}

/** Rows per page: --all asks for no more than it shows; the other lists are small, so full pages. */
export function pageSize(selection: IncidentSelection): number {
  return selection.kind === 'all' ? Math.min(selection.limit, INCIDENTS_PER_PAGE) : INCIDENTS_PER_PAGE;
}

export function pageRequest(pageId: string, selection: IncidentSelection, page: number): ApiRequest<Incident[]> {
  if (selection.kind === 'all') return searchIncidents(pageId, { limit: pageSize(selection), page });
  return listIncidents(pageId, selection.kind, page);
}
