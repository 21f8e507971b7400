import { getIncident, updateIncident } from '../../api/endpoints.js';
import type { RawOptions } from '../../cli/action.js';
import { incidentFromArgs } from '../../cli/incident-arg.js';
import { resolveMessage } from '../../cli/message.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { assertEventFits, isClosed, kindOf, prepareRestoration } from '../../cli/resolution.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/with-session.js';
import { emitIncident } from '../../output/emit-incident.js';
import { printMessage } from '../../output/io.js';
import { notifiesSubscribers } from '../../output/notify-note.js';
import { parseOptions } from '../../utils/validate.js';
import { resolveIncidentOptionsSchema } from './options.js';
import { buildResolveIncidentBody } from './request.js';

export async function runResolveIncident(raw: RawOptions, args: string[]): Promise<void> {
  const incidentId = incidentFromArgs(raw.incident, args, raw.components);
  const options = parseOptions(resolveIncidentOptionsSchema, { ...raw, incident: incidentId }, COMMON_FLAG_NAMES);
  const message = await resolveMessage(options);
  await withSession(options, async (session) => {
    // Always read first: to know its kind and components, and not to resolve it twice.
    const current = await session.readingFor('resolving reads the incident first', () =>
      session.read(getIncident(session.pageId, options.incident)),
    );
    const given = await resolveComponents(options.components, session);
    if (isClosed(current)) {
      // Resolving again would post a second closing update and notify subscribers twice.
      printMessage(`${kindOf(current)} ${options.incident} is already ${current.status}; nothing sent`);
      await emitIncident('resolved', current, options);
      return;
    }
    assertEventFits(options.event, current);
    const restoration = await prepareRestoration(session, current, given);
    const fields = { kind: kindOf(current), body: message, notify: options.notify };
    const body = buildResolveIncidentBody(fields, restoration, current.components ?? []);
    const incident = await session.write(updateIncident(session.pageId, options.incident, body));
    if (!incident) return;
    await emitIncident('resolved', incident, options, {
      notified: notifiesSubscribers(body.incident, false),
      before: current,
      stays: restoration.stays,
    });
  });
}
