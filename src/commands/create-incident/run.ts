import { createIncident } from '../../api/endpoints.js';
import type { RawOptions } from '../../cli/action.js';
import { resolveMessage } from '../../cli/message.js';
import { assertComponentsForStatus, COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/with-session.js';
import { emitIncident } from '../../output/emit-incident.js';
import { nextStepsHint } from '../../output/hints.js';
import { notifiesSubscribers } from '../../output/notify-note.js';
import { parseOptions } from '../../utils/validate.js';
import { createIncidentOptionsSchema } from './options.js';
import { buildCreateIncidentBody } from './request.js';

export async function runCreateIncident(raw: RawOptions): Promise<void> {
  const options = parseOptions(createIncidentOptionsSchema, raw, COMMON_FLAG_NAMES);
  assertComponentsForStatus(options);
  const message = await resolveMessage(options);
  await withSession(options, async (session) => {
    const components = await resolveComponents(options.components, session);
    const body = buildCreateIncidentBody(options, message, components);
    const incident = await session.write(createIncident(session.pageId, body));
    if (!incident) return;
    await emitIncident('created', incident, options, notifiesSubscribers(body.incident, true));
    await nextStepsHint(incident, session.pageId, options);
  });
}
