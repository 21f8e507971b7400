// What every postmortem subcommand reads first: the incident, and for a write, whether the API
// would take a postmortem on it at all.
import { getIncident, getPostmortem } from '../../api/endpoints.js';
import { ApiError } from '../../api/errors.js';
import type { Incident, Postmortem } from '../../api/schemas.js';
import type { Session } from '../../cli/session.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';

const CLOSED = new Set(['resolved', 'completed']);

export function readIncident(session: Session, id: string, why: string): Promise<Incident> {
  return session.readingFor(why, () => session.read(getIncident(session.pageId, id)));
}

/** The API takes a postmortem only on a resolved incident: refused here, before anything is sent. */
export function assertResolved(incident: Incident, what: string): void {
  if (CLOSED.has(incident.status)) return;
  throw new UsageError(
    `incident ${incident.id} '${incident.name}' is ${incident.status}: a postmortem can be ${what} only once it is resolved (statuspage resolve-incident ${incident.id}); nothing sent`,
  );
}

/** The postmortem, or undefined when the incident has none (the API answers 404). */
export async function readPostmortem(session: Session, incident: Incident): Promise<Postmortem | undefined> {
  try {
    return await session.readingFor('reading the postmortem', () =>
      session.read(getPostmortem(session.pageId, incident.id)),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    if (error instanceof CliError && error.cause instanceof ApiError && error.cause.status === 404) return undefined;
    throw error;
  }
}

export function noPostmortem(incident: Incident): CliError {
  return new CliError(
    `incident ${incident.id} '${incident.name}' has no postmortem; write one: statuspage postmortem draft ${incident.id} --message-file postmortem.md`,
    ExitCode.notFound,
  );
}

export function hasDraft(postmortem: Postmortem | undefined): postmortem is Postmortem & { body_draft: string } {
  return typeof postmortem?.body_draft === 'string' && postmortem.body_draft.trim() !== '';
}

export function isPublished(postmortem: Postmortem | undefined): boolean {
  return Boolean(postmortem?.published_at);
}
