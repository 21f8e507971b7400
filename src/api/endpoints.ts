// One function per Statuspage endpoint the CLI uses. Each returns a description of the
// request (not a promise), so the same value can be sent, printed by --dry-run, or inspected.
import * as z from 'zod';
import {
  type Component,
  type CreateIncidentBody,
  componentSchema,
  type Incident,
  incidentSchema,
  type Page,
  pageSchema,
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
  /** Set on creates: what to look for when the API may have acted without confirming it. */
  creates?: CreatedIncidentHint;
}

/** What a request's answer carried besides its body. */
export interface ResponseInfo {
  /** The Date header: the server's clock when it answered. */
  date?: string;
}

/**
 * The incident a POST would create, as api/create-recovery.ts looks for it: everything the
 * create sends that the API shows again on the incident.
 */
export interface CreatedIncidentHint {
  pageId: string;
  name: string;
  /** The status it is created with (the API's default when the body names none). */
  status: string;
  /** The message, the body of the incident's first update; undefined when none was sent. */
  body?: string;
  /** impact_override, when one was sent. */
  impact?: string;
  /** Every component the create names, attached or with a status. */
  componentIds: string[];
  scheduledFor?: string;
  scheduledUntil?: string;
}

const seg = encodeURIComponent;
const parser =
  <T>(schema: z.ZodType<T>) =>
  (json: unknown): T =>
    schema.parse(json);

export function createIncident(pageId: string, body: CreateIncidentBody): ApiRequest<Incident> {
  const { name, status, scheduled_for, scheduled_until, impact_override, components, component_ids } = body.incident;
  return {
    method: 'POST',
    path: `/pages/${seg(pageId)}/incidents`,
    body,
    parse: parser(incidentSchema),
    creates: {
      pageId,
      name,
      status: status ?? (scheduled_for ? 'scheduled' : 'investigating'),
      body: body.incident.body,
      impact: impact_override,
      componentIds: [...new Set([...(component_ids ?? []), ...Object.keys(components ?? {})])],
      scheduledFor: scheduled_for,
      scheduledUntil: scheduled_until,
    },
  };
}

export function updateIncident(pageId: string, incidentId: string, body: UpdateIncidentBody): ApiRequest<Incident> {
  return {
    method: 'PATCH',
    path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}`,
    body,
    parse: parser(incidentSchema),
  };
}

export function getIncident(pageId: string, incidentId: string): ApiRequest<Incident> {
  return { method: 'GET', path: `/pages/${seg(pageId)}/incidents/${seg(incidentId)}`, parse: parser(incidentSchema) };
}

export type IncidentListKind = 'unresolved' | 'scheduled' | 'active_maintenance' | 'upcoming';
export const INCIDENTS_PER_PAGE = 100;

/** One page (up to 100) of one list. */
export function listIncidents(pageId: string, kind: IncidentListKind, page = 1): ApiRequest<Incident[]> {
  return {
    method: 'GET',
    path: `/pages/${seg(pageId)}/incidents/${kind}`,
    query: { page: String(page), per_page: String(INCIDENTS_PER_PAGE) },
    parse: parser(z.array(incidentSchema)),
  };
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
  return {
    method: 'GET',
    path: `/pages/${seg(pageId)}/components`,
    query: { page: String(page), per_page: String(COMPONENTS_PER_PAGE) },
    parse: parser(z.array(componentSchema)),
  };
}

export function listPages(): ApiRequest<Page[]> {
  return { method: 'GET', path: '/pages', parse: parser(z.array(pageSchema)) };
}
