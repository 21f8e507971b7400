import { getIncident, updateIncident } from '../../api/endpoints.js';
import type { Incident } from '../../api/schemas.js';
import type { RawOptions } from '../../cli/action.js';
import { incidentFromArgs } from '../../cli/incident-arg.js';
import { resolveMessage } from '../../cli/message.js';
import { COMMON_FLAG_NAMES } from '../../cli/option-schemas.js';
import { assertStatusFits, isClosed, kindOf, prepareRestoration, type Restoration } from '../../cli/resolution.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/with-session.js';
import { emitIncident } from '../../output/emit-incident.js';
import { printMessage } from '../../output/io.js';
import { notifiesSubscribers } from '../../output/notify-note.js';
import { parseOptions } from '../../utils/validate.js';
import { updateIncidentOptionsSchema } from './options.js';
import { buildUpdateIncidentBody, checkUpdateOptions, RESOLVING_STATUSES } from './request.js';

export async function runUpdateIncident(raw: RawOptions, args: string[]): Promise<void> {
  const incidentId = incidentFromArgs(raw.incident, args, raw.components);
  const options = parseOptions(updateIncidentOptionsSchema, { ...raw, incident: incidentId }, COMMON_FLAG_NAMES);
  const message = await resolveMessage(options);
  checkUpdateOptions(options, message);
  const resolving = options.status !== undefined && RESOLVING_STATUSES.has(options.status);
  await withSession(options, async (session) => {
    const components = await resolveComponents(options.components, session);
    // component_ids replaces the incident's list of affected components, so the ones it already
    // lists are read first and sent along; a resolving status reads it to restore them. A plain
    // update stays one PATCH.
    let current: Incident | undefined;
    if (components.length > 0 || resolving) {
      const why = resolving
        ? `--status ${options.status}: restoring components reads the incident first`
        : "--components: adding components reads the incident's own first";
      current = await session.readingFor(why, () => session.read(getIncident(session.pageId, options.incident)));
      assertStatusFits(options.status, current);
    }
    let restoration: Restoration | undefined;
    if (resolving && current) {
      if (isClosed(current)) {
        printMessage(`${kindOf(current)} ${options.incident} is already ${current.status}; nothing sent`);
        await emitIncident('resolved', current, options);
        return;
      }
      const given = components.map((c) => {
        const status = c.status ?? options.componentStatus;
        return status === undefined ? { id: c.id } : { id: c.id, status };
      });
      restoration = await prepareRestoration(session, current, given);
    }
    const attached = current?.components ?? [];
    const body = buildUpdateIncidentBody(options, message, components, attached, restoration);
    const incident = await session.write(updateIncident(session.pageId, options.incident, body));
    if (!incident) return;
    await emitIncident(resolving ? 'resolved' : 'updated', incident, options, {
      notified: notifiesSubscribers(body.incident, false),
      ...(current ? { before: current } : {}),
      ...(restoration ? { stays: restoration.stays } : {}),
    });
  });
}
