import { REALTIME_STATUSES } from '../../api/constants.js';
import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { RawOptions } from '../../cli/command-kit.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { withSession } from '../../cli/session.js';
import { applyTemplate, type TemplateUse } from '../../cli/template.js';
import { UsageError } from '../../errors.js';
import { emitDuplicate, emitIncident, nextStepsHint } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import { parseOptions } from '../../utils/validate.js';
import { createIncidentOptionsSchema } from './options.js';
import { buildCreateIncidentBody } from './request.js';

/** A template's status must be one an incident can open with; its impact applies (file templates have one). */
const TEMPLATE_USE: TemplateUse = { statuses: REALTIME_STATUSES, impact: true };

export async function runCreateIncident(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(createIncidentOptionsSchema, raw);
  const given = await resolveMessage(io, options);
  await withSession(io, options, async (session) => {
    const fields = await applyTemplate(io, session, options, { ...options, message: given }, TEMPLATE_USE);
    const { title, message } = fields;
    if (title === undefined) throw new UsageError(`--title is required: --template '${options.template}' gives none`);
    const { dedupKey } = options;
    if (dedupKey !== undefined) {
      const open = await findOpenDuplicate(session, dedupKey, ['unresolved']);
      if (open) return emitDuplicate(io, open, dedupKey, options, session.dryRun);
    }
    const components = await resolveComponents(fields.components, session);
    const incidentFields = { ...options, ...fields, title };
    const body = buildCreateIncidentBody(incidentFields, message, components, newMarker(dedupKey));
    const req = createIncident(session.pageId, body);
    const incident = await session.write(req);
    if (!incident) return;
    await emitIncident(io, 'created', incident, options, { notified: req.notifies, sent: body.incident.components });
    await nextStepsHint(io, incident, session.pageId, options);
  });
}
