import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { RawOptions } from '../../cli/command-kit.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { type Session, withSession } from '../../cli/session.js';
import { emitDuplicate, emitIncident, nextStepsHint } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import { localZone } from '../../utils/time.js';
import { type Asking, parseOptions } from '../../utils/validate.js';
import {
  type ScheduleMaintenanceGiven,
  type ScheduleMaintenanceOptions,
  scheduleMaintenanceOptionsSchema,
} from './options.js';
import { buildScheduleMaintenanceBody } from './request.js';
import { assertComponentStatusesFit, type MaintenanceWindow, maintenanceWindow } from './window.js';
import { askForMaintenance, checkGiven } from './wizard.js';

export async function runScheduleMaintenance(
  io: Io,
  parsed: Asking<ScheduleMaintenanceOptions, ScheduleMaintenanceGiven>,
): Promise<void> {
  if (parsed.asking) return scheduleAtTerminal(io, parsed.given, parsed.raw);
  const { options } = parsed;
  const window = maintenanceWindow(options, new Date(io.now()), options.tz ?? localZone(io.env));
  assertComponentStatusesFit(options.components, window);
  const message = await resolveMessage(io, options);
  await withSession(io, options, (session) => schedule(session, options, window, message));
}

async function scheduleAtTerminal(io: Io, given: ScheduleMaintenanceGiven, raw: RawOptions): Promise<void> {
  const zone = given.tz ?? localZone(io.env);
  checkGiven(given, { now: io.now(), zone });
  const message = await resolveMessage(io, given);
  await withSession(io, given, async (session) => {
    const answers = await askForMaintenance(session, raw, given, zone);
    // The answers pass the schema and the window's rules as flags do; "now" is the moment they were given.
    const options = parseOptions(scheduleMaintenanceOptionsSchema, { ...raw, ...answers });
    const window = maintenanceWindow(options, new Date(io.now()), zone);
    assertComponentStatusesFit(options.components, window);
    await schedule(session, options, window, answers.message ?? message);
  });
}

async function schedule(
  session: Session,
  options: ScheduleMaintenanceOptions,
  window: MaintenanceWindow,
  message: string | undefined,
): Promise<void> {
  const { io } = session;
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
}
