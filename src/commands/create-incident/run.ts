import { createIncident } from '../../api/endpoints.js';
import { newMarker } from '../../api/marker.js';
import type { RawOptions } from '../../cli/command-kit.js';
import { findOpenDuplicate } from '../../cli/dedup.js';
import { resolveMessage } from '../../cli/message.js';
import { prepareRestoration } from '../../cli/resolution.js';
import { resolveComponents } from '../../cli/resolve-components.js';
import { type Session, withSession } from '../../cli/session.js';
import { applyTemplate, fillTemplate, type TemplateFields } from '../../cli/template.js';
import { UsageError } from '../../errors.js';
import { emitDuplicate, emitIncident, nextStepsHint } from '../../output/emit-incident.js';
import type { Io } from '../../output/io.js';
import { type Asking, parseOptions } from '../../utils/validate.js';
import {
  type CreateIncidentGiven,
  type CreateIncidentOptions,
  createIncidentOptionsSchema,
  TEMPLATE_USE,
} from './options.js';
import { assertResolvedLeavesOperational, buildCreateIncidentBody } from './request.js';
import { askForIncident } from './wizard.js';

export async function runCreateIncident(
  io: Io,
  parsed: Asking<CreateIncidentOptions, CreateIncidentGiven>,
): Promise<void> {
  if (parsed.asking) return createAtTerminal(io, parsed.given, parsed.raw);
  const { options } = parsed;
  const given = await resolveMessage(io, options);
  await withSession(io, options, async (session) => {
    const fields = await applyTemplate(io, session, options, { ...options, message: given }, TEMPLATE_USE);
    if (fields.title === undefined) {
      throw new UsageError(`--title is required: --template '${options.template}' gives none`);
    }
    if (await duplicateShown(session, options)) return;
    await create(session, options, fields);
  });
}

async function createAtTerminal(io: Io, given: CreateIncidentGiven, raw: RawOptions): Promise<void> {
  const message = await resolveMessage(io, given);
  await withSession(io, given, async (session) => {
    // An incident that is open already is shown before a single question.
    if (await duplicateShown(session, given)) return;
    const { answers, template } = await askForIncident(session, raw, given, message);
    // The answers pass the schema as flags do, and the template fills the rest as it does for flags.
    const options = parseOptions(createIncidentOptionsSchema, { ...raw, ...answers });
    // The questions took time: someone may have opened the incident meanwhile.
    if (await duplicateShown(session, options)) return;
    const typed = { ...options, message: answers.message ?? message };
    await create(session, options, template ? fillTemplate(template, options, typed, TEMPLATE_USE) : typed);
  });
}

/** --dedup-key: an open incident that has it is printed, and nothing is sent. */
async function duplicateShown(session: Session, options: CreateIncidentGiven): Promise<boolean> {
  const { dedupKey } = options;
  if (dedupKey === undefined) return false;
  const open = await findOpenDuplicate(session, dedupKey, ['unresolved']);
  if (open) await emitDuplicate(session.io, open, dedupKey, options, session.dryRun);
  return open !== undefined;
}

async function create(session: Session, options: CreateIncidentOptions, fields: TemplateFields): Promise<void> {
  const { io } = session;
  const { title, message } = fields;
  if (title === undefined) throw new UsageError('--title is required');
  const incident = { ...options, ...fields, title };
  assertResolvedLeavesOperational(incident, fields.components);
  const named = await resolveComponents(fields.components, session);
  // Created resolved, it gives its components back as resolving would: not green while another
  // open incident or maintenance still affects them.
  const bare = named.filter((c) => c.status === undefined);
  const kept =
    incident.status === 'resolved' && bare.length > 0
      ? await prepareRestoration(session, { id: '', name: title, status: 'resolved' }, bare)
      : undefined;
  const components = kept
    ? named.map((c) => (c.status === undefined ? { id: c.id, status: kept.statuses[c.id] ?? 'operational' } : c))
    : named;
  const body = buildCreateIncidentBody(incident, message, components, newMarker(options.dedupKey));
  const req = createIncident(session.pageId, body);
  const created = await session.write(req);
  if (!created) return;
  await emitIncident(io, 'created', created, options, {
    notified: req.notifies,
    sent: body.incident.components,
    ...(kept ? { stays: kept.stays } : {}),
  });
  await nextStepsHint(io, created, session.pageId, options);
}
