import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { RawOptions } from '../../cli/command-kit.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/session.js';
import { emitDuplicate, emitIncident, nextStepsHint } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import { localZone } from '../../utils/time.js';
import { parseOptions } from '../../utils/validate.js';
import { scheduleMaintenanceOptionsSchema } from './options.js';
import { buildScheduleMaintenanceBody } from './request.js';
import { assertComponentStatusesFit, maintenanceWindow } from './window.js';

export async function runScheduleMaintenance(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(scheduleMaintenanceOptionsSchema, raw);
  const window = maintenanceWindow(options, new Date(io.now()), options.tz ?? localZone(io.env));
  assertComponentStatusesFit(options.components, window);
  const message = await resolveMessage(io, options);
  await withSession(io, options, async (session) => {
    const { dedupKey } = options;
    if (dedupKey !== undefined) {
      const open = await findOpenDuplicate(session, dedupKey, ['scheduled', 'active_maintenance']);
      if (open) return emitDuplicate(io, open, dedupKey, options, session.dryRun);
    }
    const components = await resolveComponents(options.components, session);
    const body = buildScheduleMaintenanceBody(options, message, window, components, newMarker(dedupKey));
    const req = createIncident(session.pageId, body);
    const incident = await session.write(req);
    if (!incident) return;
    await emitIncident(io, 'scheduled', incident, options, { notified: req.notifies, sent: body.incident.components });
    await nextStepsHint(io, incident, session.pageId, options);
  });
}
