// One function per Statuspage endpoint the CLI uses. Each returns a description of the
// request (not a promise), so the same value can be sent, printed by --dry-run, or inspected.
import * as z from '../zod.js';
import { markerOf } from './marker.js';
import {
  type Component,
  type CreateIncidentBody,
  componentSchema,
  type EditIncidentUpdateBody,
  type Incident,
  type IncidentTemplate,
  type IncidentUpdate,
  incidentSchema,
  incidentTemplateSchema,
  incidentUpdateSchema,
  type Page,
  type Postmortem,
  type PostmortemDraftBody,
  type PostmortemPublishBody,
  pageSchema,
  postmortemSchema,
  type SubscriberCount,
  subscriberCountSchema,
  type UpdateComponentBody,
  type UpdateIncidentBody,
} from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequest<T> {
  method: HttpMethod;
  /** Path below the API base URL, already percent-encoded. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Validates and types the JSON response; `response` tells what else the transport saw. */
  parse: (json: unknown, response?: ResponseInfo) => T;
  /**
   * Set on writes that acting on twice would repeat a broadcast (a create, an update that posts
   * a message): what the write leaves on the page, to look for when its outcome is unknown.
   */
  trace?: WriteTrace;
  /** For a write: the line to print if the command is interrupted while it is in flight. */
  interrupted?: string;
  /** What a 404 means here, in place of the API's generic "could not be found": `no incident 'x' on page p`. */
  notFound?: string;
  /**
   * true (`statuspage api`): the exit code follows the HTTP status even when the outcome of a
   * write is unknown. Otherwise such a write exits 7, as the README's table says.
   */
  exitByStatus?: boolean;
  /**
   * false: never sent again after an ambiguous failure, whatever its method says (a write whose
   * effect the CLI cannot look for, as `statuspage api` sends). Default: by method.
   */
  idempotent?: boolean;
  /**
   * For a write: whether it reaches subscribers. The API notifies unless deliver_notifications is
   * false, and only when an update is posted: always on create, on a change only with a message
   * or a new status.
   */
  notifies?: boolean;
  /**
   * Set on writes that post to an incident's subscribers, whether or not this one notifies them (a
   * create; an update with a message or a status): a terminal gets a last look at what they will
   * read before it is sent (cli/last-look.ts), from the body and what the command read before.
   */
  preview?: BroadcastPreview;
}

export interface BroadcastPreview {
  /** The incident an update changes; none for a create. */
  incidentId?: string;
  /** That incident as the command read it before the write, if it did: its name, status, components. */
  before?: Incident;
  /** What subscribers will read, where the body does not carry it (a postmortem's draft, say). */
  message?: string;
}

/** What a request's answer carried besides its body. */
export interface ResponseInfo {
  /** The Date header: the server's clock when it answered. */
  date?: string | undefined;
}

/**
 * - create: the incident carries the create's unique request ID in its metadata (api/marker.ts);
 * - update: the incident gains an update with this body (and status, when one was sent).
 */
export type WriteTrace =
  | { kind: 'create'; pageId: string; name: string; status: string; requestId: string }
  | { kind: 'update'; pageId: string; incidentId: string; body: string; status?: string };

const seg = encodeURIComponent;
const parser =
  <T>(schema: z.ZodMiniType<T>) =>
  (json: unknown): T =>
    schema.parse(json);

export function createIncident(pageId: string, body: CreateIncidentBody): ApiRequest<Incident> {
  const { name, status, scheduled_for } = body.incident;
  const requestId = body.incident.metadata === undefined ? undefined : markerOf(body.incident)?.request_id;
  const req: ApiRequest<Incident> = {
    method: 'POST',
    path: `/pages/${seg(pageId)}/incidents`,
    body,
    parse: parser(incidentSchema),
    interrupted: 'interrupted after the create was sent; it may exist: statuspage list-incidents',
    notifies: body.incident.deliver_notifications !== false,
    preview: {},
  };
  // Without a request ID the incident cannot be told apart from another: it is never resent blindly.
  if (requestId !== undefined) {
    const createdAs = status ?? (scheduled_for ? 'scheduled' : 'investigating');
    req.trace = { kind: 'create', pageId, name, status: createdAs, requestId };
  }
  return req;
}

/** `before`: the incident as the command read it, for the last look at a terminal (its old name and statuses). */
export function updateIncident(
  pageId: string,
  incidentId: string,
  body: UpdateIncidentBody,
  before?: Incident,
): ApiRequest<Incident> {
  const req: ApiRequest<Incident> = {
    method: 'PATCH',
    path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}`,
    notFound: noIncident(pageId, incidentId),
    body,
    parse: parser(incidentSchema),
    interrupted: `interrupted after the update to ${incidentId} was sent; it may have been applied: statuspage list-incidents`,
    notifies:
      body.incident.deliver_notifications !== false &&
      (body.incident.body !== undefined || body.incident.status !== undefined),
  };
  const { body: message, status } = body.incident;
  if (message !== undefined || status !== undefined) req.preview = { incidentId, ...(before ? { before } : {}) };
  // Sending the same fields twice is harmless, except a message: it would be posted, and mailed, twice.
  if (message !== undefined) {
    req.trace = { kind: 'update', pageId, incidentId, body: message, ...(status ? { status } : {}) };
  }
  return req;
}

/**
 * Deletes an incident for good. Safe to resend (a second one only 404s), so it carries no trace;
 * subscribers are not told.
 */
export function deleteIncident(pageId: string, incidentId: string): ApiRequest<Incident> {
  return {
    method: 'DELETE',
    path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}`,
    notFound: noIncident(pageId, incidentId),
    parse: parser(incidentSchema),
    interrupted: `interrupted after the delete of ${incidentId} was sent; it may be gone: statuspage list-incidents --scheduled`,
    notifies: false,
  };
}

const noIncident = (pageId: string, incidentId: string) =>
  `no incident or maintenance '${incidentId}' on page ${pageId} (statuspage list-incidents --all lists them)`;

export function getIncident(pageId: string, incidentId: string): ApiRequest<Incident> {
  return {
    method: 'GET',
    path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}`,
    parse: parser(incidentSchema),
    notFound: noIncident(pageId, incidentId),
  };
}

/** One page of a list the API pages with `page` and `per_page` (at most 100). */
function listPage<T>(path: string, page: number, perPage: number, item: z.ZodMiniType<T>): ApiRequest<T[]> {
  return {
    method: 'GET',
    path,
    query: { page: String(page), per_page: String(perPage) },
    parse: parser(z.array(item)),
  };
}

export type IncidentListKind = 'unresolved' | 'scheduled' | 'active_maintenance' | 'upcoming';
export const INCIDENTS_PER_PAGE = 100;

/** One page (up to 100) of one list. */
export function listIncidents(pageId: string, kind: IncidentListKind, page = 1): ApiRequest<Incident[]> {
  return listPage(`/pages/${seg(pageId)}/incidents/${kind}`, page, INCIDENTS_PER_PAGE, incidentSchema);
}

/** The full list, newest first; `q` filters, `limit` is at most 100. */
export function searchIncidents(
  pageId: string,
  query: { q?: string; limit?: number; page?: number },
): ApiRequest<Incident[]> {
  const q: Record<string, string> = {};
  if (query.q !== undefined) q.q = query.q;
  if (query.limit !== undefined) q.limit = String(query.limit);
  if (query.page !== undefined) q.page = String(query.page);
  return { method: 'GET', path: `/pages/${seg(pageId)}/incidents`, query: q, parse: parser(z.array(incidentSchema)) };
}

export const COMPONENTS_PER_PAGE = 100;

export function listComponents(pageId: string, page: number): ApiRequest<Component[]> {
  return listPage(`/pages/${seg(pageId)}/components`, page, COMPONENTS_PER_PAGE, componentSchema);
}

/**
 * A component's own status, outside any incident. Sending it twice is harmless and it notifies no
 * incident subscribers, so it carries no trace.
 */
export function updateComponent(
  pageId: string,
  componentId: string,
  body: UpdateComponentBody,
  name = componentId,
): ApiRequest<Component> {
  return {
    method: 'PATCH',
    path: `/pages/${seg(pageId)}/components/${seg(componentId)}`,
    notFound: `no component '${componentId}' on page ${pageId} (statuspage list-components lists them)`,
    body,
    parse: parser(componentSchema),
    interrupted: `interrupted while setting ${name} to ${body.component.status}; it may have been applied: statuspage list-components`,
    notifies: false,
  };
}

export function getPage(pageId: string): ApiRequest<Page> {
  return { method: 'GET', path: `/pages/${seg(pageId)}`, parse: parser(pageSchema) };
}

/** How many subscribers of each kind the page has (active ones: the API's default state). */
export function getSubscriberCount(pageId: string): ApiRequest<SubscriberCount> {
  return { method: 'GET', path: `/pages/${seg(pageId)}/subscribers/count`, parse: parser(subscriberCountSchema) };
}

export function listPages(): ApiRequest<Page[]> {
  return { method: 'GET', path: '/pages', parse: parser(z.array(pageSchema)) };
}

export const TEMPLATES_PER_PAGE = 100;

export function listTemplates(pageId: string, page: number): ApiRequest<IncidentTemplate[]> {
  return listPage(`/pages/${seg(pageId)}/incident_templates`, page, TEMPLATES_PER_PAGE, incidentTemplateSchema);
}

/**
 * Rewrites an update already posted. Sending the same text twice leaves the same text, so it is
 * safe to resend and carries no trace; it reaches subscribers only when deliver_notifications is
 * true, and then a terminal gets the last look at `shown`, the text they will read.
 */
export function editIncidentUpdate(
  pageId: string,
  incidentId: string,
  updateId: string,
  body: EditIncidentUpdateBody,
  { before, shown }: { before?: Incident; shown?: string } = {},
): ApiRequest<IncidentUpdate> {
  const notifies = body.incident_update.deliver_notifications === true;
  const preview: BroadcastPreview = {
    incidentId,
    ...(before ? { before } : {}),
    ...(shown === undefined ? {} : { message: shown }),
  };
  return {
    method: 'PATCH',
    path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}/incident_updates/${seg(updateId)}`,
    body,
    parse: parser(incidentUpdateSchema),
    interrupted: `interrupted after the edit of update ${updateId} of ${incidentId} was sent; it may have been applied, which running it again does no harm to`,
    notifies,
    ...(notifies ? { preview } : {}),
  };
}

const postmortemPath = (pageId: string, incidentId: string) =>
  `/pages/${seg(pageId)}/incidents/${seg(incidentId)}/postmortem`;

export function getPostmortem(pageId: string, incidentId: string): ApiRequest<Postmortem> {
  return { method: 'GET', path: postmortemPath(pageId, incidentId), parse: parser(postmortemSchema) };
}

/** Saves the draft; nothing is shown on the page or sent to anyone until it is published. */
export function savePostmortemDraft(
  pageId: string,
  incidentId: string,
  body: PostmortemDraftBody,
): ApiRequest<Postmortem> {
  return {
    method: 'PUT',
    path: postmortemPath(pageId, incidentId),
    body,
    parse: parser(postmortemSchema),
    interrupted: `interrupted after the postmortem draft of ${incidentId} was sent; it may have been saved: statuspage postmortem show ${incidentId} --draft`,
    notifies: false,
  };
}

/**
 * A publish that notifies would mail the subscribers again if it were resent, so after an
 * ambiguous failure it never is; one that notifies nobody is safe to repeat.
 */
export function publishPostmortem(
  pageId: string,
  incidentId: string,
  body: PostmortemPublishBody,
): ApiRequest<Postmortem> {
  const notifies = body.postmortem.notify_subscribers === true || body.postmortem.notify_twitter === true;
  return {
    method: 'PUT',
    path: `${postmortemPath(pageId, incidentId)}/publish`,
    body,
    parse: parser(postmortemSchema),
    interrupted: `interrupted after the postmortem of ${incidentId} was sent for publishing; it may be published: statuspage postmortem show ${incidentId}`,
    notifies,
    idempotent: !notifies,
  };
}

export function revertPostmortem(pageId: string, incidentId: string): ApiRequest<Postmortem> {
  return {
    method: 'PUT',
    path: `${postmortemPath(pageId, incidentId)}/revert`,
    parse: parser(postmortemSchema),
    interrupted: `interrupted after the revert of the postmortem of ${incidentId} was sent; it may be a draft again: statuspage postmortem show ${incidentId}`,
    notifies: false,
  };
}
