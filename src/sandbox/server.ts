// A Statuspage-compatible REST API (as https://api.statuspage.io/v1) on 127.0.0.1, over one
// PageModel: `statuspage sandbox` serves it, and the test suite drives the CLI against it. It
// checks `Authorization: OAuth <token>` as the API does, validates every request body with the
// zod schemas that type the client (the tests add the official spec through `checkBody`),
// paginates, answers 401 / 404 / 422 with the API's error shapes, and serves the status page
// subscribers would see at `/`. The page's state lives in model.ts and extras.ts; this file is
// HTTP plumbing and routing.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createIncidentBodySchema, updateComponentBodySchema, updateIncidentBodySchema } from '../api/bodies.js';
import type * as z from '../zod.js';
import type { PageExtras, RouteContext } from './extras.js';
import type { IncidentListKind, PageModel, SandboxIncident } from './model.js';
import { renderStatusPage } from './page.js';

/** Page size limit of the list endpoints (components: "at most 100 per page since 2023"). */
export const MAX_PER_PAGE = 100;

export interface SandboxRequest {
  method: string;
  /** Path as received, without the query string, e.g. `/v1/pages/pg0000000001/incidents`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed JSON body; undefined when there was no body or it did not parse. */
  body: unknown;
  /** The status answered (0 until the response is sent, and when it never is). */
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
 * A scripted misbehaviour for one request, for rehearsing (and testing) what the CLI does when
 * the API fails; `method` limits it to requests with that method.
 *  - respond: answer with a canned response, the request unhandled;
 *  - fail-after-handling: handle the request (a POST's incident is stored, a PATCH applied), then
 *    answer with a canned response anyway (a 500 from a proxy or a crash after the commit);
 *  - drop: close the connection without an answer, before or after handling the request, or
 *    halfway through the response body;
 *  - delay: handle the request normally, but only after `ms`.
 */
export type Fault = { method?: string } & (
  | { kind: 'respond'; response: CannedResponse }
  | { kind: 'fail-after-handling'; response: CannedResponse }
  | { kind: 'drop'; when: 'before-handling' | 'after-handling' | 'mid-response' }
  | { kind: 'delay'; ms: number }
);

export interface SandboxServerOptions {
  token: string;
  model: PageModel;
  extras: PageExtras;
  /** Serve HTTPS with this key and certificate instead of HTTP. */
  tls?: { key: string; cert: string } | undefined;
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Checks of a request body beyond the zod schemas (the tests check it against the official spec). */
  checkBody?: ((method: string, specPath: string, body: unknown) => string[]) | undefined;
  /** Sees each request as it arrives; a fault returned is acted out on it. */
  intercept?: ((request: SandboxRequest) => Fault | undefined) | undefined;
  /** A body refused, or a crash: `METHOD path: source: message`. */
  onProblem?: ((line: string) => void) | undefined;
  /** After a request that changed the page (to save it). */
  onChange?: (() => void) | undefined;
  /** Enforce the API's rate limit: at most `requests` per token in any `windowMs`. */
  rateLimit?: { requests: number; windowMs: number } | undefined;
  /** Added to every API request, as a slow API would. */
  latencyMs?: number | undefined;
}

export interface SandboxServer {
  /** The API's base URL: `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** The status page: `http://127.0.0.1:PORT/`. */
  pageUrl: string;
  port: number;
  close(): Promise<void>;
}

/** The limit the API states: one request per second per token, over a 60-second rolling window. */
export const API_RATE_LIMIT = { requests: 60, windowMs: 60_000 };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const NOT_FOUND = { message: 'The requested resource could not be found.' };
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
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

function zodMessages(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`);
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { model, extras, token } = options;
  const pageId = model.pageId;
  const closing = new AbortController();
  const problem = (line: string) => options.onProblem?.(line);
  const recent = new Map<string, number[]>();

  /** Validates a body with zod and the extra checks; reports and throws 422 on failure. */
  function validate<T>(recorded: SandboxRequest, schema: z.ZodMiniType<T>, specMethod: string, specPath: string): T {
    const parsed = schema.safeParse(recorded.body);
    const invalid = parsed.success ? [] : zodMessages(parsed.error);
    const offSpec = (options.checkBody?.(specMethod, specPath, recorded.body) ?? []).map((m) => `spec: ${m}`);
    if (invalid.length > 0 || offSpec.length > 0 || !parsed.success) {
      // The problem log says which check refused; the answer, as the API's does, only what is wrong.
      for (const e of [...invalid.map((m) => `zod: ${m}`), ...offSpec])
        problem(`${recorded.method} ${recorded.path}: ${e}`);
      throw new HttpError(422, { error: [...invalid, ...offSpec] });
    }
    return parsed.data;
  }

  function incidentOr404(id: string): SandboxIncident {
    const incident = model.incident(id);
    if (!incident) throw new HttpError(404, NOT_FOUND);
    return incident;
  }

  function checkComponents(fields: {
    component_ids?: string[] | undefined;
    components?: Record<string, string> | undefined;
  }): void {
    const unknown = model.unknownComponentIds(fields as Parameters<PageModel['unknownComponentIds']>[0]);
    if (unknown.length > 0) throw new HttpError(422, { error: unknown.map((id) => `Component ${id} not found`) });
  }

  function routeContext(recorded: SandboxRequest): RouteContext {
    return {
      method: recorded.method,
      query: recorded.query,
      validate: (schema, specMethod, specPath) => validate(recorded, schema, specMethod, specPath),
      incident: incidentOr404,
      fail: (status, body) => new HttpError(status, body),
      notAllowed: () => new HttpError(405, { error: `Method ${recorded.method} not allowed` }),
      now: () => model.now(),
    };
  }

  function route(recorded: SandboxRequest): { status: number; body: unknown } {
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
      return { status: 200, body: [model.page] };
    }
    if (segments[1] !== pageId) throw new HttpError(404, { error: 'Page not found' });
    const extra = extras.route(routeContext(recorded), segments.slice(2));
    if (extra) return extra;
    const [, , collection, id, ...rest] = segments;
    if (rest.length > 0) throw new HttpError(404, { error: 'Not found' });

    if (collection === undefined) {
      if (method !== 'GET') throw notAllowed();
      return { status: 200, body: model.page };
    }

    if (collection === 'incidents' && id === undefined) {
      if (method === 'GET') {
        const limit = Math.min(positiveInt(query.limit, MAX_PER_PAGE), MAX_PER_PAGE);
        const list = model.listIncidents('all', { q: query.q, page: positiveInt(query.page, 1), perPage: limit });
        return { status: 200, body: list };
      }
      if (method === 'POST') {
        const { incident } = validate(recorded, createIncidentBodySchema, 'POST', '/pages/{page_id}/incidents');
        checkComponents(incident);
        return { status: 201, body: model.createIncident(incident) };
      }
      throw notAllowed();
    }

    if (collection === 'incidents' && id !== undefined && INCIDENT_LISTS.has(id)) {
      if (method !== 'GET') throw notAllowed();
      const perPage = Math.min(positiveInt(query.per_page, MAX_PER_PAGE), MAX_PER_PAGE);
      const list = model.listIncidents(id as IncidentListKind, { page: positiveInt(query.page, 1), perPage });
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
          return { status: 200, body: model.updateIncident(incident, body.incident) };
        }
        case 'DELETE':
          return { status: 200, body: model.deleteIncident(id) };
        default:
          throw notAllowed();
      }
    }

    if (collection === 'components') {
      if (id === undefined) {
        if (method !== 'GET') throw notAllowed();
        const perPage = Math.min(positiveInt(query.per_page, MAX_PER_PAGE), MAX_PER_PAGE);
        return { status: 200, body: model.listComponents(positiveInt(query.page, 1), perPage) };
      }
      const component = model.component(id);
      if (!component) throw new HttpError(404, NOT_FOUND);
      if (method === 'GET') return { status: 200, body: component };
      if (method === 'PATCH' || method === 'PUT') {
        const template = '/pages/{page_id}/components/{component_id}';
        const body = validate(recorded, updateComponentBodySchema, method, template);
        return { status: 200, body: model.updateComponent(component, body.component) };
      }
      throw notAllowed();
    }

    throw new HttpError(404, { error: 'Not found' });
  }

  /** At most `requests` per token in any window: the answer is 429 with the wait, as the API's. */
  function rateLimited(key: string): number | undefined {
    const limit = options.rateLimit;
    if (!limit) return undefined;
    const now = Date.now();
    const seen = (recent.get(key) ?? []).filter((t) => now - t < limit.windowMs);
    if (seen.length >= limit.requests) {
      recent.set(key, seen);
      return Math.max(1, Math.ceil(((seen[0] ?? now) + limit.windowMs - now) / 1000));
    }
    seen.push(now);
    recent.set(key, seen);
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const rawBody = await readBody(req);
    const recorded: SandboxRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      rawBody,
      body: undefined,
      status: 0,
      receivedAt: Date.now(),
    };
    // Windows start and end by themselves, as the real page's do, whenever the page is looked at.
    if (options.model.advance()) options.onChange?.();
    if (recorded.method === 'GET' && (recorded.path === '/' || recorded.path === '/index.html')) {
      const html = renderStatusPage(
        { page: model.page, components: model.components, incidents: model.all() },
        model.now(),
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(html);
    }
    const fault = options.intercept?.(recorded);
    const reply = (status: number, body: unknown, headers?: Record<string, string>, raw?: string) => {
      if (fault?.kind === 'drop' && fault.when === 'after-handling') return void res.destroy();
      const date = new Date(model.now()).toUTCString();
      if (fault?.kind === 'fail-after-handling') {
        const canned = fault.response;
        recorded.status = canned.status;
        return send(res, canned.status, canned.body, { date, ...canned.headers }, canned.rawBody);
      }
      recorded.status = status;
      send(res, status, body, { date, ...headers }, raw, fault?.kind === 'drop' && fault.when === 'mid-response');
    };

    if (fault?.kind === 'respond') {
      const { status, body, headers, rawBody: raw } = fault.response;
      return reply(status, body, headers, raw);
    }
    if (fault?.kind === 'drop' && fault.when === 'before-handling') return void res.destroy();
    const wait = (fault?.kind === 'delay' ? fault.ms : 0) + (options.latencyMs ?? 0);
    if (wait > 0) {
      try {
        await sleep(wait, undefined, { signal: closing.signal });
      } catch {
        return void res.destroy();
      }
    }

    const retryAfter = rateLimited(String(req.headers.authorization ?? ''));
    if (retryAfter !== undefined) {
      return reply(429, { error: 'Rate limit exceeded' }, { 'retry-after': String(retryAfter) });
    }

    if (req.headers.authorization !== `OAuth ${token}`) {
      return reply(401, { error: 'Could not authenticate' });
    }

    if (rawBody.length > 0) {
      const where = `${recorded.method} ${recorded.path}`;
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        problem(
          `${where}: json: Content-Type is ${JSON.stringify(req.headers['content-type'] ?? null)}, not application/json`,
        );
        return reply(415, { error: 'Content-Type must be application/json' });
      }
      try {
        recorded.body = JSON.parse(rawBody);
      } catch (error) {
        problem(`${where}: json: body does not parse: ${(error as Error).message}`);
        return reply(400, { error: 'Malformed JSON in request body' });
      }
    }

    try {
      const { status, body } = route(recorded);
      if (recorded.method !== 'GET' && status < 300) options.onChange?.();
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
      problem(`server crashed on ${req.method} ${req.url}: ${message}`);
      if (!res.headersSent) send(res, 500, { error: `sandbox error: ${message}` });
      else res.destroy();
    });
  };
  const server = options.tls ? createHttpsServer(options.tls, onRequest) : createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: a sandbox is for this machine, and its token is printed for anyone to read.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}/v1`,
    pageUrl: `${scheme}://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
