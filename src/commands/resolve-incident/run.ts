import { getIncident, updateIncident } from '../../api/endpoints.js';
import { resolveMessage } from '../../cli/message.js';
import { pickIncident } from '../../cli/pick-incident.js';
import { assertEventFits, isClosed, kindOf, prepareRestoration } from '../../cli/resolution.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/session.js';
import { emitIncident } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import type { ResolveIncidentGiven, ResolveIncidentOptions } from './options.js';
import { buildResolveIncidentBody } from './request.js';

export async function runResolveIncident(io: Io, parsed: ResolveIncidentGiven): Promise<void> {
  const message = await resolveMessage(io, parsed);
  await withSession(io, parsed, async (session) => {
    // Always read first: to know its kind and components, and not to resolve it twice. A picked
    // one was read a moment ago, with the list it was picked from.
    const current =
      parsed.incident === undefined
        ? await pickIncident(session, {
            lists: ['unresolved', 'active_maintenance'],
            question: 'Incident or maintenance to resolve',
            nothing: 'no unresolved incident or maintenance in progress to resolve',
          })
        : await session.readingFor('resolving reads the incident first', () =>
            session.read(getIncident(session.pageId, parsed.incident as string)),
          );
    const options: ResolveIncidentOptions = { ...parsed, incident: parsed.incident ?? current.id };
    const given = await resolveComponents(options.components, session);
    if (isClosed(current)) {
      // Resolving again would post a second closing update and notify subscribers twice.
      io.err(`${kindOf(current)} ${options.incident} is already ${current.status}; nothing sent`);
      await emitIncident(io, 'closed', current, options);
      return;
    }
    assertEventFits(options.event, current);
    const restoration = await prepareRestoration(session, current, given);
    const fields = { kind: kindOf(current), body: message, notify: options.notify };
    const body = buildResolveIncidentBody(fields, restoration, current.components ?? []);
    const req = updateIncident(session.pageId, options.incident, body, current);
    const incident = await session.write(req);
    if (!incident) return;
    await emitIncident(io, 'resolved', incident, options, {
      notified: req.notifies,
      before: current,
      stays: restoration.stays,
    });
  });
}
