// The last look before a broadcast. At a terminal, a write that posts to an incident's subscribers
// is shown on stderr as they will read it, with how many of them will be notified, and is sent only
// after a y at `Send? [y/N] `; Enter or anything else sends nothing (exit 2). Session.write calls
// this for every such write, so no command has its own; scripts, --yes, --dry-run and a profile with
// `confirm: false` never get here.
//
// It reads what the request does not say, in this order: the page (its name); the incident, for an
// update whose command did not read it (its name, status and components); the page's components,
// when the write sets one the incident read does not list (their names and statuses now); and the
// subscriber count, when the write notifies. A count that cannot be read (a token that may not,
// say) is shown as unavailable rather than stopping the write.
import { isMaintenance, isMaintenanceStatus } from '../api/constants.js';
import { type ApiRequest, getIncident, getPage, getSubscriberCount } from '../api/endpoints.js';
import type { Component, Incident, IncidentFields, SubscriberCount } from '../api/schemas.js';
import { CliError, ExitCode, ExitStatus } from '../errors.js';
import { type PreviewView, renderPreview } from '../output/preview.js';
import { formatWindow, localZone } from '../utils/time.js';
import { inputEnded } from './prompts.js';
import { listAllComponents } from './read-all.js';
import type { Session } from './session.js';

export const SEND_QUESTION = 'Send? [y/N] ';
export const DECLINED = 'declined; nothing sent';

export async function lastLook(session: Session, req: ApiRequest<unknown>): Promise<void> {
  session.io.err(renderPreview(await gatherPreview(session, req)));
  // `-m -` typed at the terminal ends its input with Ctrl-D: the message is on screen above, and
  // the answer cannot be read; a broadcast nobody confirmed is not sent.
  if (inputEnded(session.io)) {
    throw new ExitStatus(
      ExitCode.usage,
      'nothing sent: standard input has ended (-m - read it), so Send? cannot be answered; run it again with --yes, or with --message-file',
    );
  }
  if (!(await session.prompts.confirm(SEND_QUESTION))) throw new ExitStatus(ExitCode.usage, DECLINED);
}

/** The incident fields a create or update body carries, or undefined for any other body. */
function incidentFields(body: unknown): Partial<IncidentFields> | undefined {
  const incident = (body as { incident?: unknown } | undefined)?.incident;
  return incident !== null && typeof incident === 'object' ? (incident as Partial<IncidentFields>) : undefined;
}

async function gatherPreview(session: Session, req: ApiRequest<unknown>): Promise<PreviewView> {
  const page = await session.read(getPage(session.pageId));
  const fields = incidentFields(req.body);
  const { incidentId } = req.preview ?? {};
  let before = req.preview?.before;
  if (!before && incidentId !== undefined) before = await session.read(getIncident(session.pageId, incidentId));
  const components = fields ? await componentChanges(session, fields, before) : [];
  const audience: PreviewView['audience'] = req.notifies
    ? { notified: true, count: await subscriberCount(session) }
    : { notified: false };
  if (!fields) {
    // Not an incident's body (a postmortem, `statuspage api`): the request, and what the command said of it.
    const view: PreviewView = {
      page,
      kind: before && isMaintenance(before) ? 'maintenance' : 'incident',
      name: before ? { from: before.name } : {},
      status: {},
      components,
      request: `${req.method} ${req.path}`,
      audience,
    };
    if (incidentId !== undefined) view.incidentId = incidentId;
    if (req.preview?.message !== undefined) view.message = req.preview.message;
    return view;
  }
  const view: PreviewView = {
    page,
    kind: kindOf(fields, before),
    name: { ...(before ? { from: before.name } : {}), ...(fields.name ? { to: fields.name } : {}) },
    status: { ...(before ? { from: before.status } : {}), ...(fields.status ? { to: fields.status } : {}) },
    components,
    audience,
  };
  if (incidentId !== undefined) view.incidentId = incidentId;
  const message = fields.body ?? req.preview?.message;
  if (message !== undefined) view.message = message;
  const start = fields.scheduled_for ?? before?.scheduled_for;
  if (start) {
    const end = fields.scheduled_until ?? before?.scheduled_until;
    view.window = formatWindow(start, end, zoneOf(session));
  }
  return view;
}

function kindOf(fields: Partial<IncidentFields>, before: Incident | undefined): PreviewView['kind'] {
  if (before) return isMaintenance(before) ? 'maintenance' : 'incident';
  const maintenance =
    Boolean(fields.scheduled_for) || (fields.status !== undefined && isMaintenanceStatus(fields.status));
  return maintenance ? 'maintenance' : 'incident';
}

/** Each component the write names: its status now → the one sent (none: attached as it is). */
async function componentChanges(
  session: Session,
  fields: Partial<IncidentFields>,
  before: Incident | undefined,
): Promise<PreviewView['components']> {
  const sets: Record<string, string> = { ...(fields.components ?? {}) };
  const listed = new Map<string, { name?: string | undefined; status?: string | null | undefined }>(
    (before?.components ?? []).map((c) => [c.id, c]),
  );
  // component_ids repeats the ones the incident lists already: those the write leaves alone are no news.
  const ids = [...new Set([...Object.keys(sets), ...(fields.component_ids ?? []).filter((id) => !listed.has(id))])];
  if (ids.length === 0) return [];
  let known = listed;
  if (ids.some((id) => !listed.has(id))) {
    const all: Component[] = await listAllComponents(session);
    known = new Map(all.map((c) => [c.id, c]));
  }
  return ids.map((id) => {
    const component = known.get(id);
    const from = component?.status ?? undefined;
    const to = sets[id];
    return { name: component?.name ?? id, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  });
}

async function subscriberCount(session: Session): Promise<SubscriberCount | undefined> {
  try {
    return await session.read(getSubscriberCount(session.pageId));
  } catch (error) {
    if (error instanceof CliError) return undefined;
    throw error;
  }
}

/** Commands with --tz keep it in their options; times show in that zone, else the local one. */
function zoneOf(session: Session): string {
  const { tz } = session.options as { tz?: unknown };
  return typeof tz === 'string' ? tz : localZone(session.io.env);
}
