// The incident a command acts on, picked at a terminal when no ID was given (update-incident,
// resolve-incident): the open ones, newest first, in columns (name, status, age, components),
// the ID beside the one under the cursor; typing filters a long list.
// Without a terminal a missing ID stays the usage error it always was; with nothing open to
// pick from, it is one too, saying so.
import type { IncidentListKind } from '../api/endpoints.js';
import type { Incident } from '../api/schemas.js';
import { UsageError } from '../errors.js';
import { componentNames } from '../output/incident-list.js';
import { formatElapsed } from '../utils/elapsed.js';
import { columnLabels } from './prompts.js';
import { listAllIncidents } from './read-all.js';
import type { Session } from './session.js';

export interface PickFrom {
  /** The lists to offer, read in this order (one GET each, more for a long list). */
  lists: readonly IncidentListKind[];
  /** The question: `Incident to resolve`. */
  question: string;
  /** What none being open means: `no unresolved incident or maintenance in progress to resolve`. */
  nothing: string;
}

export async function pickIncident(session: Session, from: PickFrom): Promise<Incident> {
  const seen = new Map<string, Incident>();
  for (const kind of from.lists) {
    for (const incident of await listAllIncidents(session, kind)) seen.set(incident.id, incident);
  }
  const open = [...seen.values()].sort((a, b) => started(b) - started(a));
  if (open.length === 0) throw new UsageError(`${from.nothing}; give its ID as an argument or with --incident`);
  const now = session.io.now();
  const labels = columnLabels(
    session.io,
    open.map((incident) => {
      const began = started(incident);
      return [incident.name, incident.status, began ? formatElapsed(now - began) : '', componentNames(incident)];
    }),
  );
  return session.prompts.select(
    from.question,
    open.map((incident, i) => ({ value: incident, label: labels[i] ?? incident.name, hint: incident.id })),
  );
}

/** When it began: a maintenance's window, an incident's creation; unknown counts as oldest. */
function started(incident: Incident): number {
  const time = Date.parse(incident.scheduled_for ?? incident.created_at ?? '');
  return Number.isNaN(time) ? 0 : time;
}
