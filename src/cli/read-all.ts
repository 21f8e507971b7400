// Whole lists, following pagination to the end (the API serves at most 100 per page). Nothing is
// cut silently: a component past a cut would be reported as "not on this page". A person at a
// terminal sees progress once a list takes more than two seconds to read.
import {
  type ApiRequest,
  COMPONENTS_PER_PAGE,
  INCIDENTS_PER_PAGE,
  type IncidentListKind,
  listComponents,
  listIncidents,
  listTemplates,
  TEMPLATES_PER_PAGE,
} from '../api/endpoints.js';
import type { Component, Incident, IncidentTemplate } from '../api/schemas.js';
import { CliError, ExitCode } from '../errors.js';
import type { Session } from './session.js';

/** A bound on requests, should an API keep answering full pages for ever (a million items). */
export const MAX_PAGES = 10_000;
const PROGRESS_AFTER_MS = 2000;

/** Reads pages 1, 2, … until one is short or `enough` says so; `what` names the list for progress. */
export async function readPages<T>(
  session: Session,
  pageRequest: (page: number) => ApiRequest<T[]>,
  perPage: number,
  what: string,
  enough: (items: readonly T[]) => boolean = () => false,
): Promise<T[]> {
  const { io } = session;
  const started = io.now();
  const all: T[] = [];
  let shown = false;
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = await session.read(pageRequest(page));
      all.push(...batch);
      if (batch.length < perPage || enough(all)) return all;
      if (io.stderrIsTTY && io.now() - started > PROGRESS_AFTER_MS) {
        io.status(`reading ${what}: ${all.length.toLocaleString('en-US')} so far…`);
        shown = true;
      }
    }
  } finally {
    if (shown) io.status('');
  }
  throw new CliError(
    `stopped reading ${what} after ${MAX_PAGES} pages (${all.length} items): the API kept answering full pages`,
    ExitCode.apiError,
  );
}

export async function listAllComponents(session: Session): Promise<Component[]> {
  const all = await readPages(
    session,
    (page) => listComponents(session.pageId, page),
    COMPONENTS_PER_PAGE,
    'the components',
  );
  return all.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}

export function listAllIncidents(session: Session, kind: IncidentListKind): Promise<Incident[]> {
  const what = `the ${kind.replace('_', ' ')} incidents`;
  return readPages(session, (page) => listIncidents(session.pageId, kind, page), INCIDENTS_PER_PAGE, what);
}

export function listAllTemplates(session: Session): Promise<IncidentTemplate[]> {
  return readPages(session, (page) => listTemplates(session.pageId, page), TEMPLATES_PER_PAGE, 'the templates');
}
