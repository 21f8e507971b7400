// The fake Statuspage the tests drive the CLI against: the sandbox's own server
// (src/sandbox/server.ts), started in-process, with what only tests need around it. It records
// every request, checks each body against the official OpenAPI spec as well as the project's zod
// schemas (when the spec is beside the repository: see spec.ts), and acts out scripted faults.
import type { Component, Incident } from '../../src/api/schemas.js';
import { PageExtras } from '../../src/sandbox/extras.js';
import { PageModel } from '../../src/sandbox/model.js';
import { type CannedResponse, type Fault, type SandboxRequest, startSandboxServer } from '../../src/sandbox/server.js';
import { validateAgainstSpec } from './spec.js';

export type {
  SandboxPostmortem as FakePostmortem,
  SandboxSubscriber as FakeSubscriber,
  SandboxTemplate as FakeTemplate,
} from '../../src/sandbox/extras.js';
export { defaultComponents, makeComponents, type SandboxIncident as FakeIncident } from '../../src/sandbox/model.js';
export type { CannedResponse, Fault } from '../../src/sandbox/server.js';
export { MAX_PER_PAGE } from '../../src/sandbox/server.js';
export type RecordedRequest = SandboxRequest;

import type { SandboxIncident as FakeIncident } from '../../src/sandbox/model.js';

export const DEFAULT_TOKEN = 'test-token-abc123';
export const DEFAULT_PAGE_ID = 'pg0000000001';

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
  /** Enforce a rate limit, as `statuspage sandbox --rate-limit` does (with a smaller window, for a test). */
  rateLimit?: { requests: number; windowMs: number };
}

export interface FakeStatuspage {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1` (the CLI's STATUSPAGE_API_URL). */
  url: string;
  /** The status page: `http://127.0.0.1:PORT/`. */
  pageUrl: string;
  token: string;
  pageId: string;
  requests: RecordedRequest[];
  incidents: Map<string, Incident>;
  components: Component[];
  /** The page model itself (what subscribers would have been notified of: `model.notifications`). */
  model: PageModel;
  /** One entry per rejected request body: `METHOD path: source: message` (sources: json, zod, spec). */
  validationErrors: string[];
  /** The recorded requests other than GET/HEAD. */
  mutations(): RecordedRequest[];
  /** Seeds an incident (defaults filled in) and returns the stored object. */
  addIncident(partial?: Partial<Incident>): FakeIncident;
  /** Incident templates, postmortems (by incident ID) and subscribers: src/sandbox/extras.ts. */
  templates: PageExtras['templates'];
  postmortems: PageExtras['postmortems'];
  subscribers: PageExtras['subscribers'];
  addTemplate: PageExtras['addTemplate'];
  addSubscribers: PageExtras['addSubscribers'];
  setPostmortem: PageExtras['setPostmortem'];
  /**
   * Answers the next `times` requests (any route, before auth) with a canned response instead,
   * e.g. `{ status: 429, headers: { 'retry-after': '1' }, body: { error: 'Rate limited' } }`.
   */
  failNext(response: CannedResponse, times?: number): void;
  /** Queues a fault for the next `times` requests it applies to (after any queued before it). */
  injectFault(fault: Fault, times?: number): void;
  /**
   * What GET /pages/{page}/subscribers/count counts besides the subscribers listed: a number by
   * type (extras' subscriberCounts; none by default), or `{ status: 403 }` to refuse the count as
   * the API refuses a token that may not read subscribers. Set it to change it.
   */
  subscriberCount: SubscriberCountAnswer;
  close(): Promise<void>;
}

/** Counts by type (the spec's SubscriberCountByType), or an error status the count is refused with. */
export type SubscriberCountAnswer = Partial<Record<SubscriberType, number>> | { status: number };
type SubscriberType = 'email' | 'sms' | 'webhook' | 'slack' | 'teams' | 'integration_partner';

export async function startFakeStatuspage(options: FakeStatuspageOptions = {}): Promise<FakeStatuspage> {
  const token = options.token ?? DEFAULT_TOKEN;
  const pageId = options.pageId ?? DEFAULT_PAGE_ID;
  const model = new PageModel({
    pageId,
    components: options.components,
    clockOffsetMs: options.clockOffsetMs,
    listLagMs: options.listLagMs,
  });
  const extras = new PageExtras(model);
  const requests: RecordedRequest[] = [];
  const validationErrors: string[] = [];
  const faults: Fault[] = [];
  let countRefusedWith: number | undefined;

  const server = await startSandboxServer({
    token,
    model,
    extras,
    tls: options.tls,
    rateLimit: options.rateLimit,
    checkBody: validateAgainstSpec,
    onProblem: (line) => validationErrors.push(line),
    intercept: (recorded) => {
      requests.push(recorded);
      if (countRefusedWith !== undefined && recorded.method === 'GET' && recorded.path.endsWith('/subscribers/count')) {
        const body = { error: 'You do not have access to the subscribers of this page' };
        return { kind: 'respond', response: { status: countRefusedWith, body } };
      }
      const index = faults.findIndex((f) => f.method === undefined || f.method.toUpperCase() === recorded.method);
      return index === -1 ? undefined : faults.splice(index, 1)[0];
    },
  });

  return {
    url: server.url,
    pageUrl: server.pageUrl,
    token,
    pageId,
    requests,
    incidents: model.incidents,
    components: model.components,
    model,
    validationErrors,
    mutations: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    addIncident: (partial) => model.addIncident(partial),
    templates: extras.templates,
    postmortems: extras.postmortems,
    subscribers: extras.subscribers,
    addTemplate: (partial) => extras.addTemplate(partial),
    addSubscribers: (count) => extras.addSubscribers(count),
    setPostmortem: (incident, partial) => extras.setPostmortem(incident, partial),
    failNext: (response, times = 1) => {
      for (let i = 0; i < times; i++) faults.push({ kind: 'respond', response });
    },
    injectFault: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    get subscriberCount(): SubscriberCountAnswer {
      return countRefusedWith !== undefined ? { status: countRefusedWith } : { ...extras.subscriberCounts };
    },
    set subscriberCount(answer: SubscriberCountAnswer) {
      for (const type of Object.keys(extras.subscriberCounts)) delete extras.subscriberCounts[type];
      if ('status' in answer) countRefusedWith = answer.status;
      else {
        countRefusedWith = undefined;
        Object.assign(extras.subscriberCounts, answer);
      }
    },
    close: () => server.close(),
  };
}
