import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { Component } from '../../api/schemas.js';
import type { RawOptions } from '../../cli/command-kit.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { listAllComponents } from '../../cli/read-all.js';
import { type ResolvedComponent, resolveComponents } from '../../cli/resolve-components.js';
import { type Session, withSession } from '../../cli/session.js';
import { applyTemplate, fillTemplate, loadTemplate, type TemplateFields } from '../../cli/template.js';
import { UsageError } from '../../errors.js';
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
  await withSession(io, options, async (session) => {
    // A maintenance is scheduled: a template's status and impact are not used.
    const fields = await applyTemplate(io, session, options, { ...options, message });
    assertComponentStatusesFit(fields.components, window);
    await schedule(session, options, window, fields);
  });
}

async function scheduleAtTerminal(io: Io, given: ScheduleMaintenanceGiven, raw: RawOptions): Promise<void> {
  const zone = given.tz ?? localZone(io.env);
  checkGiven(given, { now: io.now(), zone });
  const message = await resolveMessage(io, given);
  await withSession(io, given, async (session) => {
    // Read once: what it gives is not asked, and it fills the same fields after the answers.
    const template = given.template === undefined ? undefined : await loadTemplate(io, session, given.template);
    const known = template ? fillTemplate(template, given, { ...given, message }) : { ...given, message };
    const answers = await askForMaintenance(session, raw, given, zone, known);
    // The answers pass the schema and the window's rules as flags do; "now" is the moment they were given.
    const options = parseOptions(scheduleMaintenanceOptionsSchema, { ...raw, ...answers });
    const window = maintenanceWindow(options, new Date(io.now()), zone);
    const typed = { ...options, message: answers.message ?? message };
    const fields = template ? fillTemplate(template, options, typed) : typed;
    assertComponentStatusesFit(fields.components, window);
    await schedule(session, options, window, fields);
  });
}

async function schedule(
  session: Session,
  options: ScheduleMaintenanceOptions,
  window: MaintenanceWindow,
  fields: TemplateFields,
): Promise<void> {
  const { io } = session;
  const { title, message } = fields;
  if (title === undefined) throw new UsageError(`--title is required: --template '${options.template}' gives none`);
  if (options.remind === true && fields.notify === false) {
    // --no-notify with --remind is the schema's to refuse: here the template keeps it quiet.
    throw new UsageError(
      `--remind and --template '${options.template}', which does not notify: a reminder notifies the subscribers it keeps quiet; add --notify, or leave out --remind`,
    );
  }
  const { dedupKey } = options;
  if (dedupKey !== undefined) {
    const open = await findOpenDuplicate(session, dedupKey, ['scheduled', 'active_maintenance']);
    if (open) return emitDuplicate(io, open, dedupKey, options, session.dryRun);
  }
  // The components of a window that opens within the hour are checked (assertNothingHidden): an
  // outage showing now most likely still shows then. One read serves that and finding names and
  // groups. A later window is planned work: it only names them, in the one request.
  const soon = window.startsNow || window.start.getTime() - io.now() <= OPENS_SOON_MS;
  const statusless = soon && fields.components.some((c) => c.status === undefined);
  const page = statusless ? await readStatuses(session) : undefined;
  const components = await resolveComponents(fields.components, session, page);
  if (page) {
    const source = options.components.length > 0 ? '--components' : `--template '${options.template}'`;
    assertNothingHidden(page, components, window, source, options.autoStart);
  }
  const body = buildScheduleMaintenanceBody(
    { ...options, ...fields, title },
    message,
    window,
    components,
    newMarker(dedupKey),
  );
  const req = createIncident(session.pageId, body);
  const incident = await session.write(req);
  if (!incident) return;
  await emitIncident(io, 'scheduled', incident, options, { notified: req.notifies, sent: body.incident.components });
  await nextStepsHint(io, incident, session.pageId, options);
}

const OPENS_SOON_MS = 60 * 60_000;

function readStatuses(session: Session): Promise<Component[]> {
  return session.readingFor('a maintenance reads its components’ statuses first', () => listAllComponents(session));
}

/**
 * A component of a window opening within the hour that shows an outage or degraded performance
 * is refused, not hidden: a window puts what it lists under maintenance when it opens (at once,
 * or by auto-start) and operational when it ends, whatever caused the outage, so listing it
 * would hide the outage and then turn it green. For a window that opens now, ID=under_maintenance
 * says that is meant; a later one cannot say it. A later window that does not start itself moves
 * nothing at its start, and its end gives back only what is under maintenance.
 */
function assertNothingHidden(
  page: readonly Component[],
  components: readonly ResolvedComponent[],
  window: MaintenanceWindow,
  source: string,
  autoStart: boolean,
): void {
  if (!window.startsNow && !autoStart) return;
  const byId = new Map(page.map((c) => [c.id, c]));
  const showing = components.flatMap((component) => {
    const current = component.status === undefined ? byId.get(component.id) : undefined;
    const status = current?.status;
    return current && status && status !== 'operational' && status !== 'under_maintenance' ? [current] : [];
  });
  if (showing.length === 0) return;
  const shown = showing.map((c) => `${c.name} (${c.id}) shows ${c.status}`).join(', ');
  // The whole list, as -c replaces a template's or a group's: only the status is added.
  const flagged = new Set(showing.map((c) => c.id));
  const forced = components
    .map((c) => (flagged.has(c.id) ? `${c.id}=under_maintenance` : c.status ? `${c.id}=${c.status}` : c.id))
    .join(' ');
  throw new UsageError(
    window.startsNow
      ? `${source}: ${shown}: a window that opens now would hide that under maintenance, then set it operational when it ends; give -c ${forced} to do so anyway, or leave it out`
      : `${source}: ${shown}: the window would put it under maintenance when it opens (${window.start.toISOString()}, auto-start) and set it operational when it ends, hiding that if it still lasts; leave it out, give --no-auto-start and start the window by hand, or schedule it once it is operational`,
  );
}
