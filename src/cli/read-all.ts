// Whole lists, following pagination to the end (the API serves at most 100 per page).
import {
  type ApiRequest,
  COMPONENTS_PER_PAGE,
  INCIDENTS_PER_PAGE,
  type IncidentListKind,
  listComponents,
  listIncidents,
} from '../api/endpoints.js';
import type { Component, Incident } from '../api/schemas.js';
import type { Session } from './session.js';

/** A bound on requests, should an API keep answering with full pages. */
const MAX_PAGES = 100;

/** Reads pages 1, 2, … until one is short or `enough` says so. */
export async function readPages<T>(
  session: Session,
  pageRequest: (page: number) => ApiRequest<T[]>,
  perPage: number,
  enough: (items: readonly T[]) => boolean = () => false,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const batch = await session.read(pageRequest(page));
    all.push(...batch);
    if (batch.length < perPage || enough(all)) break;
  }
  return all;
}

export async function listAllComponents(session: Session): Promise<Component[]> {
  const all = await readPages(session, (page) => listComponents(session.pageId, page), COMPONENTS_PER_PAGE);
  return all.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}

export function listAllIncidents(session: Session, kind: IncidentListKind): Promise<Incident[]> {
  return readPages(session, (page) => listIncidents(session.pageId, kind, page), INCIDENTS_PER_PAGE);
}
