import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { RawOptions } from '../../cli/action.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { assertComponentsForStatus, COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/with-session.js';
import { emitDuplicate, emitIncident } from '../../output/emit-incident.js';
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
    const { dedupKey } = options;
    if (dedupKey !== undefined) {
      const open = await findOpenDuplicate(session, dedupKey, ['unresolved']);
      if (open) return emitDuplicate(open, dedupKey, options, session.dryRun);
    }
    const components = await resolveComponents(options.components, session);
    const body = buildCreateIncidentBody(options, message, components, newMarker(dedupKey));
    const incident = await session.write(createIncident(session.pageId, body));
    if (!incident) return;
    await emitIncident('created', incident, options, {
      notified: notifiesSubscribers(body.incident, true),
      sent: body.incident.components,
    });
    await nextStepsHint(incident, session.pageId, options);
  });
}
