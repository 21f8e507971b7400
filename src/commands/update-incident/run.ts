import { getIncident, updateIncident } from '../../api/endpoints.js';
import type { RawOptions } from '../../cli/action.js';
import { incidentFromArgs } from '../../cli/incident-arg.js';
import { resolveMessage } from '../../cli/message.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import type { Session } from '../../cli/session.js';
import { withSession } from '../../cli/with-session.js';
import { emitIncident } from '../../output/emit-incident.js';
import { notifiesSubscribers } from '../../output/notify-note.js';
import { parseOptions } from '../../utils/validate.js';
import { updateIncidentOptionsSchema } from './options.js';
import { buildUpdateIncidentBody, checkUpdateOptions } from './request.js';

export async function runUpdateIncident(raw: RawOptions, args: string[]): Promise<void> {
  const incidentId = incidentFromArgs(raw.incident, args, raw.components);
  const options = parseOptions(updateIncidentOptionsSchema, { ...raw, incident: incidentId }, COMMON_FLAG_NAMES);
  const message = await resolveMessage(options);
  checkUpdateOptions(options, message);
  await withSession(options, async (session) => {
    const components = await resolveComponents(options.components, session);
    const attached = components.length > 0 ? await attachedComponents(session, options.incident) : [];
    const body = buildUpdateIncidentBody(options, message, components, attached);
    const incident = await session.write(updateIncident(session.pageId, options.incident, body));
    if (incident) await emitIncident('updated', incident, options, notifiesSubscribers(body.incident, false));
  });
}

// component_ids replaces the incident's list of affected components, so the ones it already
// lists are read first and sent along with those given.
async function attachedComponents(session: Session, incidentId: string): Promise<{ id: string }[]> {
  const incident = await session.readingFor("--components: adding components reads the incident's own first", () =>
    session.read(getIncident(session.pageId, incidentId)),
  );
  return incident.components ?? [];
}
