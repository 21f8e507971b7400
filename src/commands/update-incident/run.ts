import { INCIDENT_STATUSES } from '../../api/constants.js';
import { getIncident, updateIncident } from '../../api/endpoints.js';
import type { Incident } from '../../api/schemas.js';
import { assertMovable } from '../../cli/maintenance-state.js';
import { resolveMessage } from '../../cli/message.js';
import { pickIncident } from '../../cli/pick-incident.js';
import { assertStatusFits, isClosed, kindOf, prepareRestoration, type Restoration } from '../../cli/resolution.js';
import { type ResolvedComponent, resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/session.js';
import { applyTemplate, type TemplateUse } from '../../cli/template.js';
import { UsageError } from '../../errors.js';
import { emitIncident } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import { localZone } from '../../utils/time.js';
import type { UpdateIncidentGiven, UpdateIncidentOptions } from './options.js';
import { buildUpdateIncidentBody, RESOLVING_STATUSES } from './request.js';
import { movedWindow, planMove, type WindowFields } from './reschedule.js';

/** A template may set any status an update can (the incident's kind is checked once it is read), and impact. */
const TEMPLATE_USE: TemplateUse = { statuses: INCIDENT_STATUSES, impact: true };

export async function runUpdateIncident(io: Io, parsed: UpdateIncidentGiven): Promise<void> {
  // A moved window's times are checked now; how they apply depends on the window, read below.
  const move = planMove(parsed, { now: io.now(), zone: parsed.tz ?? localZone(io.env) });
  const message = await resolveMessage(io, parsed);
  await withSession(io, parsed, async (session) => {
    // The template first: a placeholder left unfilled must not cost a pick.
    const fields = await applyTemplate(io, session, parsed, { ...parsed, message }, TEMPLATE_USE);
    // The flags' "nothing to update" counted the template as something: it must fill something.
    if (
      parsed.template !== undefined &&
      !move &&
      [fields.title, fields.status, fields.impact, fields.message].every((v) => v === undefined) &&
      fields.components.length === 0
    ) {
      throw new UsageError(
        `--template '${parsed.template}' gives no title, status, impact, message or components, so there is nothing to update; give one of --status, --message, --impact, --title, --components`,
      );
    }
    const statusSource = parsed.status === undefined ? `--template '${parsed.template}'` : '--status';
    if (move && fields.status !== undefined && fields.status !== 'scheduled') {
      throw new UsageError(
        `--template '${parsed.template}' sets status ${fields.status}, which cannot be combined with ${move.flag}: a window is moved only while it is scheduled; give --status scheduled`,
      );
    }
    const resolving = fields.status !== undefined && RESOLVING_STATUSES.has(fields.status);
    const picked =
      parsed.incident === undefined
        ? await pickIncident(session, {
            lists: move ? ['scheduled'] : ['unresolved'],
            question: move ? 'Maintenance to move' : 'Incident to update',
            nothing: move ? 'no scheduled maintenance to move' : 'no unresolved incident to update',
          })
        : undefined;
    const options: UpdateIncidentOptions = {
      ...parsed,
      ...fields,
      incident: parsed.incident ?? (picked as Incident).id,
    };
    const components = await resolveComponents(fields.components, session);
    // component_ids replaces the incident's list of affected components, so the ones it already
    // lists are read first and sent along; a resolving status reads it to restore them; a moved
    // window reads it to learn its kind, status and current window. A plain update stays one PATCH.
    let current: Incident | undefined;
    const starting = fields.status === 'in_progress' || fields.status === 'verifying';
    if (components.length > 0 || resolving || move || starting) {
      const why = resolving
        ? `--status ${options.status}: restoring components reads the incident first`
        : starting
          ? `--status ${fields.status}: starting a window reads its components first`
          : move && components.length === 0
            ? `${move.flag}: moving a window reads the maintenance first`
            : "--components: adding components reads the incident's own first";
      // A picked incident was read a moment ago, with the list it was picked from.
      current =
        picked ?? (await session.readingFor(why, () => session.read(getIncident(session.pageId, options.incident))));
      assertStatusFits(options.status, current, statusSource);
    }
    let window: WindowFields = {};
    if (move && current) {
      assertMovable(current, move.flag);
      window = movedWindow(move, current, io.now());
    }
    let restoration: Restoration | undefined;
    if (resolving && current) {
      if (isClosed(current)) {
        io.err(`${kindOf(current)} ${options.incident} is already ${current.status}; nothing sent`);
        await emitIncident(io, 'closed', current, options);
        return;
      }
      const given = components.map((c) => {
        const status = c.status ?? options.componentStatus;
        return status === undefined ? { id: c.id } : { id: c.id, status };
      });
      // -c narrows what is restored to what it names. A template's components do not (it is
      // written for many incidents, and this one's others must not stay red), but a status it
      // or -cs gives them stands.
      const narrow = parsed.components.length > 0;
      const stated = narrow ? given : given.filter((c) => c.status !== undefined);
      restoration = await prepareRestoration(session, current, stated, { narrow });
    }
    const attached = current?.components ?? [];
    const sent = starting && current ? withStartedComponents(current, components) : components;
    const body = buildUpdateIncidentBody(options, fields.message, sent, attached, restoration, window);
    const req = updateIncident(session.pageId, options.incident, body, current ?? picked);
    const incident = await session.write(req);
    if (!incident) return;
    await emitIncident(io, resolving ? 'resolved' : move ? 'rescheduled' : 'updated', incident, options, {
      notified: req.notifies,
      ...(current ? { before: current } : {}),
      ...(restoration ? { stays: restoration.stays } : {}),
    });
  });
}

/**
 * A window started by hand (in_progress, or straight to verifying) puts its components under
 * maintenance, as Statuspage does when it starts one by itself: the operational ones it lists,
 * besides any -c names. One showing an outage keeps it: under_maintenance would hide the outage.
 */
function withStartedComponents(current: Incident, components: readonly ResolvedComponent[]): ResolvedComponent[] {
  if (current.status !== 'scheduled') return [...components];
  const named = new Set(components.map((c) => c.id));
  const held = (current.components ?? [])
    .filter((c) => !named.has(c.id) && c.status === 'operational')
    .map((c): ResolvedComponent => ({ id: c.id, status: 'under_maintenance' }));
  return [...components, ...held];
}
