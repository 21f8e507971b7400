// A fake Statuspage REST API (https://api.statuspage.io/v1) on 127.0.0.1, for driving the CLI
// end to end. It records every request, checks auth like the real API, validates request bodies
// with the project's zod schemas and (when available) the official OpenAPI spec, and keeps
// incidents in memory so create -> update -> resolve round-trips. State lives in
// fake-statuspage-state.ts; this file is HTTP plumbing and routing.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import {
  type Component,
  createIncidentBodySchema,
  type Incident,
  updateComponentBodySchema,
  updateIncidentBodySchema,
} from '../../src/api/schemas.js';
import {
  FakeMore,
  type FakePostmortem,
  type FakeSubscriber,
  type FakeTemplate,
  type RouteContext,
} from './fake-statuspage-more.js';
import { type FakeIncident, FakePageState, type IncidentListKind } from './fake-statuspage-state.js';
import { listenOnLoopback } from './listen.js';
import { validateAgainstSpec } from './spec.js';

export type { FakePostmortem, FakeSubscriber, FakeTemplate } from './fake-statuspage-more.js';
export { defaultComponents, type FakeIncident, makeComponents } from './fake-statuspage-state.js';

export const DEFAULT_TOKEN = 'test-token-abc123';
export const DEFAULT_PAGE_ID = 'pg0000000001';
/** Page size limit of the list endpoints (components: "at most 100 per page since 2023"). */
export const MAX_PER_PAGE = 100;

export interface FakeStatuspageOptions {
  token?: string;
  pageId?: string;
  components?: Component[];
  /** Serve HTTPS with this key and certificate (e.g. from self-signed.ts) instead of HTTP. */
  tls?: { key: string; cert: string };
  /** Run the API's clock (created_at, the Date header) this far ahead of the machine's; negative: behind. */
  clockOffsetMs?: number;
  /** Incident lists show a new incident only this long after it was created (a lagging replica). */
  listLagMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path as received, without the query string, e.g. `/v1/pages/pg0000000001/incidents`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body; undefined when there was no body or it did not parse. */
  body: unknown;
  /** HTTP status the fake answered with (0 until the response is sent, and when it never is). */
  status: number;
  /** When the request arrived (ms since the epoch). */
  receivedAt: number;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of `body` as JSON: an HTML error page, a truncated JSON document. */
  rawBody?: string;
}

/**
 * A scripted misbehaviour for one request (see `injectFault`); `method` limits it to requests
 * with that method, which lets earlier requests of other methods through untouched.
 *  - respond: answer with a canned response, the request unhandled (as failNext does);
 *  - fail-after-handling: handle the request (a POST's incident is stored, a PATCH applied), then
 *    answer with a canned response anyway (a 500 from a proxy or a crash after the commit);
 *  - drop: close the connection without an answer, either before handling the request or after
 *    handling it (a POST's incident is then stored), or halfway through the response body;
 *  - delay: handle the request normally, but only after `ms`.
 */
export type Fault = { method?: string } & (
  | { kind: 'respond'; response: CannedResponse }
  | { kind: 'fail-after-handling'; response: CannedResponse }
  | { kind: 'drop'; when: 'before-handling' | 'after-handling' | 'mid-response' }
  | { kind: 'delay'; ms: number }
);

export interface FakeStatuspage {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1` (the CLI's STATUSPAGE_API_URL). */
  url: string;
  token: string;
  pageId: string;
  requests: RecordedRequest[];
  incidents: Map<string, Incident>;
  components: Component[];
  /** One entry per rejected request body: `METHOD path: source: message` (sources: json, zod, spec). */
  validationErrors: string[];
  /** The recorded requests other than GET/HEAD. */
  mutations(): RecordedRequest[];
  /** Seeds an incident (defaults filled in) and returns the stored object. */
  addIncident(partial?: Partial<Incident>): FakeIncident;
  /** Incident templates, postmortems (by incident ID) and subscribers: fake-statuspage-more.ts. */
  templates: FakeTemplate[];
  postmortems: Map<string, FakePostmortem>;
  subscribers: FakeSubscriber[];
  addTemplate: FakeMore['addTemplate'];
  addSubscribers: FakeMore['addSubscribers'];
  setPostmortem: FakeMore['setPostmortem'];
  /**
   * Answers the next `times` requests (any route, before auth) with a canned response instead,
   * e.g. `{ status: 429, headers: { 'retry-after': '1' }, body: { error: 'Rate limited' } }`.
   */
  failNext(response: CannedResponse, times?: number): void;
  /** Queues a fault for the next `times` requests it applies to (after any queued before it). */
  injectFault(fault: Fault, times?: number): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const INCIDENT_LISTS = new Set<string>(['unresolved', 'scheduled', 'active_maintenance', 'upcoming']);

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  rawBody?: string,
  halfway = false,
): void {
  const text = rawBody ?? (body === undefined ? '' : JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  if (!halfway) {
    res.end(text);
    return;
  }
  // Headers and half the body on the wire, then the connection is gone.
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy());
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A positive integer query parameter, or `fallback` when absent or not a positive integer (as Rails' to_i would). */
function positiveInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

function zodMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`);
}

export async function startFakeStatuspage(options: FakeStatuspageOptions = {}): Promise<FakeStatuspage> {
  const token = options.token ?? DEFAULT_TOKEN;
  const pageId = options.pageId ?? DEFAULT_PAGE_ID;
  const state = new FakePageState(pageId, options.components, options.clockOffsetMs, options.listLagMs);
  const more = new FakeMore(state.components);
  const requests: RecordedRequest[] = [];
  const validationErrors: string[] = [];
  const faults: Fault[] = [];
  const closing = new AbortController();

  function takeFault(method: string): Fault | undefined {
    const index = faults.findIndex((f) => f.method === undefined || f.method.toUpperCase() === method);
    return index === -1 ? undefined : faults.splice(index, 1)[0];
  }

  /** Validates a body with zod and the spec; records and throws 422 on failure. */
  function validate<T>(recorded: RecordedRequest, schema: z.ZodType<T>, specMethod: string, specPath: string): T {
    const parsed = schema.safeParse(recorded.body);
    const errors = [
      ...(parsed.success ? [] : zodMessages(parsed.error).map((m) => `zod: ${m}`)),
      ...validateAgainstSpec(specMethod, specPath, recorded.body).map((m) => `spec: ${m}`),
    ];
    if (errors.length > 0 || !parsed.success) {
      for (const e of errors) validationErrors.push(`${recorded.method} ${recorded.path}: ${e}`);
      throw new HttpError(422, { error: errors });
    }
    return parsed.data;
  }

  function incidentOr404(id: string): FakeIncident {
    const incident = state.incident(id);
    if (!incident) throw new HttpError(404, { message: 'The requested resource could not be found.' });
    return incident;
  }

  function checkComponents(fields: {
    component_ids?: string[] | undefined;
    components?: Record<string, string> | undefined;
  }): void {
    const unknown = state.unknownComponentIds(fields as Parameters<FakePageState['unknownComponentIds']>[0]);
    if (unknown.length > 0) throw new HttpError(422, { error: unknown.map((id) => `Component ${id} not found`) });
  }

  function routeContext(recorded: RecordedRequest): RouteContext {
    return {
      method: recorded.method,
      query: recorded.query,
      validate: (schema, specMethod, specPath) => validate(recorded, schema, specMethod, specPath),
      incident: incidentOr404,
      fail: (status, body) => new HttpError(status, body),
      notAllowed: () => new HttpError(405, { error: `Method ${recorded.method} not allowed` }),
      now: () => state.now(),
    };
  }

  function route(recorded: RecordedRequest): { status: number; body: unknown } {
    const { method, query } = recorded;
    if (!recorded.path.startsWith('/v1/')) throw new HttpError(404, { error: 'Not found' });
    const segments = recorded.path
      .slice('/v1/'.length)
      .split('/')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          throw new HttpError(404, { error: 'Not found' });
        }
      });
    const notAllowed = () => new HttpError(405, { error: `Method ${method} not allowed` });

    if (segments[0] !== 'pages') throw new HttpError(404, { error: 'Not found' });
    if (segments.length === 1) {
      if (method !== 'GET') throw notAllowed();
      return { status: 200, body: [state.page] };
    }
    if (segments[1] !== pageId) throw new HttpError(404, { error: 'Page not found' });
    const extra = more.route(routeContext(recorded), segments.slice(2));
    if (extra) return extra;
    const [, , collection, id, ...rest] = segments;
    if (rest.length > 0) throw new HttpError(404, { error: 'Not found' });

    if (collection === undefined) {
      if (method !== 'GET') throw notAllowed();
      return { status: 200, body: state.page };
    }

    if (collection === 'incidents' && id === undefined) {
      if (method === 'GET') {
        const limit = Math.min(positiveInt(query.limit, MAX_PER_PAGE), MAX_PER_PAGE);
        const list = state.listIncidents('all', { q: query.q, page: positiveInt(query.page, 1), perPage: limit });
        return { status: 200, body: list };
      }
      if (method === 'POST') {
        const { incident } = validate(recorded, createIncidentBodySchema, 'POST', '/pages/{page_id}/incidents');
        checkComponents(incident);
        return { status: 201, body: state.createIncident(incident) };
      }
      throw notAllowed();
    }

    if (collection === 'incidents' && id !== undefined && INCIDENT_LISTS.has(id)) {
      if (method !== 'GET') throw notAllowed();
      const perPage = Math.min(positiveInt(query.per_page, MAX_PER_PAGE), MAX_PER_PAGE);
      const list = state.listIncidents(id as IncidentListKind, { page: positiveInt(query.page, 1), perPage });
      return { status: 200, body: list };
    }

    if (collection === 'incidents' && id !== undefined) {
      const incident = incidentOr404(id);
      switch (method) {
        case 'GET':
          return { status: 200, body: incident };
        case 'PATCH':
        case 'PUT': {
          const template = '/pages/{page_id}/incidents/{incident_id}';
          const body = validate(recorded, updateIncidentBodySchema, method, template);
          checkComponents(body.incident);
          return { status: 200, body: state.updateIncident(incident, body.incident) };
        }
        case 'DELETE':
          return { status: 200, body: state.deleteIncident(id) };
        default:
          throw notAllowed();
      }
    }

    if (collection === 'components') {
      if (id === undefined) {
        if (method !== 'GET') throw notAllowed();
        const perPage = Math.min(positiveInt(query.per_page, MAX_PER_PAGE), MAX_PER_PAGE);
        return { status: 200, body: state.listComponents(positiveInt(query.page, 1), perPage) };
      }
      const component = state.component(id);
      if (!component) throw new HttpError(404, { message: 'The requested resource could not be found.' });
      if (method === 'GET') return { status: 200, body: component };
      if (method === 'PATCH' || method === 'PUT') {
        const template = '/pages/{page_id}/components/{component_id}';
        const body = validate(recorded, updateComponentBodySchema, method, template);
        return { status: 200, body: state.updateComponent(component, body.component) };
      }
      throw notAllowed();
    }

    throw new HttpError(404, { error: 'Not found' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const rawBody = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      rawBody,
      body: undefined,
      status: 0,
      receivedAt: Date.now(),
    };
    requests.push(recorded);
    const fault = takeFault(recorded.method);
    const reply = (status: number, body: unknown, headers?: Record<string, string>, rawBody?: string) => {
      if (fault?.kind === 'drop' && fault.when === 'after-handling') return void res.destroy();
      if (fault?.kind === 'fail-after-handling') {
        const canned = fault.response;
        recorded.status = canned.status;
        const date = new Date(state.now()).toUTCString();
        return send(res, canned.status, canned.body, { date, ...canned.headers }, canned.rawBody);
      }
      recorded.status = status;
      const date = new Date(state.now()).toUTCString();
      send(res, status, body, { date, ...headers }, rawBody, fault?.kind === 'drop' && fault.when === 'mid-response');
    };

    if (fault?.kind === 'respond') {
      const { status, body, headers, rawBody } = fault.response;
      return reply(status, body, headers, rawBody);
    }
    if (fault?.kind === 'drop' && fault.when === 'before-handling') return void res.destroy();
    if (fault?.kind === 'delay') {
      try {
        await sleep(fault.ms, undefined, { signal: closing.signal });
      } catch {
        return void res.destroy();
      }
    }

    if (req.headers.authorization !== `OAuth ${token}`) {
      return reply(401, { error: 'Could not authenticate' });
    }

    if (rawBody.length > 0) {
      const where = `${recorded.method} ${recorded.path}`;
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        validationErrors.push(
          `${where}: json: Content-Type is ${JSON.stringify(req.headers['content-type'] ?? null)}, not application/json`,
        );
        return reply(415, { error: 'Content-Type must be application/json' });
      }
      try {
        recorded.body = JSON.parse(rawBody);
      } catch (error) {
        validationErrors.push(`${where}: json: body does not parse: ${(error as Error).message}`);
        return reply(400, { error: 'Malformed JSON in request body' });
      }
    }

    try {
      const { status, body } = route(recorded);
      // Serialise now: the stored objects keep changing after the response.
      return reply(status, body === undefined ? undefined : JSON.parse(JSON.stringify(body)));
    } catch (error) {
      if (error instanceof HttpError) return reply(error.status, error.body);
      throw error;
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      validationErrors.push(`fake server crashed on ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) send(res, 500, { error: `fake server error: ${message}` });
      else res.destroy();
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  const port = await listenOnLoopback(server);

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
    token,
    pageId,
    requests,
    incidents: state.incidents,
    components: state.components,
    validationErrors,
    mutations: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    addIncident: (partial) => state.addIncident(partial),
    templates: more.templates,
    postmortems: more.postmortems,
    subscribers: more.subscribers,
    addTemplate: (partial) => more.addTemplate(partial),
    addSubscribers: (count) => more.addSubscribers(count),
    setPostmortem: (incident, partial) => more.setPostmortem(incident, partial),
    failNext: (response, times = 1) => {
      for (let i = 0; i < times; i++) faults.push({ kind: 'respond', response });
    },
    injectFault: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
