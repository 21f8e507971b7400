import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClient, type Attempts } from '../../src/api/client.js';
import { type ApiRequest, createIncident, updateIncident } from '../../src/api/endpoints.js';
import { ApiError } from '../../src/api/errors.js';
import { NetworkError } from '../../src/api/network-errors.js';
import type { AttemptOptions } from '../../src/api/transport.js';
import { CliError, ExitCode } from '../../src/errors.js';

/** Each attempt takes the next step: a JSON value to answer with, or an error to throw. */
type Step = unknown;

function scripted(steps: Step[], { remainingMs = 30_000, maxRetries = 3 } = {}) {
  const sent: string[] = [];
  const reserves: number[] = [];
  const waits: number[] = [];
  const notices: string[] = [];
  const transport: Attempts = {
    async send<T>(req: ApiRequest<T>, attempt: AttemptOptions = {}): Promise<T> {
      sent.push(`${req.method} ${req.path}`);
      reserves.push(attempt.reserveMs ?? 0);
      if (steps.length === 0) throw new Error(`unexpected request ${req.method} ${req.path}`);
      const step = steps.shift();
      if (step instanceof Error) throw step;
      return req.parse(step);
    },
    remainingMs: () => remainingMs,
    close: async () => {},
  };
  const client = new ApiClient(transport, {
    maxRetries,
    notify: (line) => notices.push(line),
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, sent, reserves, waits, notices, left: () => steps.length };
}

const PAGE = 'pg0000000001';
const REQUEST_ID = '0b5c3f5e-3a1b-4c1e-9f59-2a8e1d9c7b10';
const marker = (requestId: string) => ({ statuspage_cli: { request_id: requestId } });
const create = createIncident(PAGE, {
  incident: { name: 'API errors', status: 'investigating', metadata: marker(REQUEST_ID) },
});
const patch = updateIncident(PAGE, 'inc000000001', { incident: { status: 'identified' } });
const post = updateIncident(PAGE, 'inc000000001', { incident: { status: 'identified', body: 'Found it.' } });
const POST = `POST /pages/${PAGE}/incidents`;
const PATCH = `PATCH /pages/${PAGE}/incidents/inc000000001`;
const LOOKUP = `GET /pages/${PAGE}/incidents/unresolved`;
const READ = `GET /pages/${PAGE}/incidents/inc000000001`;
/** The incident the create made: it carries the create's request ID. */
const created = (id: string, requestId = REQUEST_ID) => ({
  id,
  name: 'API errors',
  status: 'investigating',
  created_at: new Date().toISOString(),
  metadata: marker(requestId),
});
/** The incident with (or without) the update `post` sends, posted just now. */
const withUpdate = (posted: boolean) => ({
  id: 'inc000000001',
  name: 'API errors',
  status: 'identified',
  incident_updates: posted
    ? [{ id: 'upd2', status: 'identified', body: 'Found it.', created_at: new Date().toISOString() }]
    : [{ id: 'upd1', status: 'investigating', body: 'Looking.', created_at: '2020-01-01T00:00:00Z' }],
});
/** Five looks at an empty list: the create is looked for over the whole recovery window. */
const NOT_THERE = [[], [], [], [], []];
const http = (status: number, retryAfter?: string) => new ApiError(status, 'boom', 'POST', '/x', retryAfter);
const reset = () => new NetworkError('connection to h was closed before a complete response', 'reset');

async function rejection(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof CliError, String(error));
    return error;
  }
  assert.fail('expected a rejection');
}

test('a rate-limited request waits as told and is sent again', async () => {
  const s = scripted([http(429, '2'), http(420), created('inc1')]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, POST, POST]);
  assert.deepEqual(s.waits, [2000, 2000]);
  assert.deepEqual(s.notices, ['rate limited, retrying in 2 s (1/3)', 'rate limited, retrying in 2 s (2/3)']);
});

test('retries stop at --max-retries with the rate-limit exit code', async () => {
  const s = scripted([http(429, '0'), http(429, '0'), http(429, '0'), http(429, '0'), created('never')]);
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.rateLimited);
  assert.match(error.message, /HTTP 429 Too Many Requests: boom; still rate limited after 3 retries$/);
  assert.equal(s.sent.length, 4);
});

test('a wait that would pass the deadline is not made', async () => {
  const s = scripted([http(429, '60')], { remainingMs: 10_000 });
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.rateLimited);
  assert.match(error.message, /not retried: the API asks to wait 60 s, past --timeout \(10 s left\)$/);
  assert.deepEqual(s.waits, []);
});

test('a deadline that passes during the wait before a retry reports why it was retried', async () => {
  const stalled = new NetworkError('could not connect to api in time (--timeout); nothing was sent', 'connect-timeout');
  const unsent = new NetworkError('--timeout (2 s) passed before POST could be sent; nothing was sent', 'not-sent');
  const s = scripted([stalled, unsent]);
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.network);
  assert.equal(
    error.message,
    'could not connect to api in time (--timeout); nothing was sent; not retried: --timeout passed while waiting to retry',
  );
  assert.equal(s.waits.length, 1);
});

test('an idempotent request retries a 503 and a reset; a 500 is final', async () => {
  const s = scripted([http(503), reset(), created('inc000000001')]);
  assert.equal((await s.client.send(patch)).id, 'inc000000001');
  assert.equal(s.sent.length, 3);
  assert.deepEqual(s.reserves, [0, 0, 0], 'only creates keep time back');
  const t = scripted([http(500)]);
  assert.equal((await rejection(t.client.send(patch))).exitCode, ExitCode.apiError);
  assert.equal(t.sent.length, 1);
});

test('a create reset mid-response is found on the page by its request ID and not sent again', async () => {
  const s = scripted([reset(), [created('inc0', 'another-request'), created('inc1')]]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.ok(s.reserves[0]! > 0, 'the create keeps time back for the check');
  assert.match(
    s.notices.at(-1) ?? '',
    /^recovered: incident inc1 'API errors' was created at .* not creating it again$/,
  );
});

test('a create answered 500 is looked for over the recovery window, then sent once more', async () => {
  const s = scripted([http(500), ...NOT_THERE, created('inc1')]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, LOOKUP, LOOKUP, LOOKUP, LOOKUP, LOOKUP, POST]);
  assert.deepEqual(s.waits.slice(0, 4), [1000, 2000, 4000, 3000], 'looks again after 1, 3, 7 and 10 s');
  assert.equal(
    s.notices[1],
    "not there yet; looking again for up to 10 s, as the API's lists can lag behind its writes",
  );
});

test('a create that shows up in a lagging list on a later look is recovered, not repeated', async () => {
  const s = scripted([http(500), [], [], [created('inc1')]]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, LOOKUP, LOOKUP, LOOKUP]);
});

test('a same-named incident made since the create, but without a request ID, is neither claimed nor ignored', async () => {
  const unmarked = { ...created('inc7'), metadata: {} };
  const s = scripted([http(500), ...NOT_THERE.map(() => [unmarked])]);
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.network);
  assert.match(
    error.message,
    /whether the create was applied is unknown \(inc7 'API errors' was created since this command started but carries no request ID/,
  );
  assert.equal(s.sent.filter((r) => r === POST).length, 1, 'not resent');
});

test('a create is never sent a third time after unknown outcomes', async () => {
  const s = scripted([http(500), ...NOT_THERE, http(502), ...NOT_THERE, created('never')]);
  const error = await rejection(s.client.send(create));
  assert.equal(s.sent.filter((r) => r === POST).length, 2);
  assert.match(error.message, /the incident was not created; it was already sent twice, so it is not sent again$/);
  assert.equal(s.left(), 1);
});

test('a create that timed out is looked for but never resent', async () => {
  const timeout = new NetworkError('no response from h after 7.5 s', 'timeout');
  // What is left of the deadline (here 1 s) is spent looking: once now, once more at its end.
  const s = scripted([timeout, [], []], { remainingMs: 1000 });
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.network);
  assert.deepEqual(s.sent, [POST, LOOKUP, LOOKUP]);
  assert.deepEqual(s.waits, [800]);
  assert.match(error.message, /the API may still create it: check the page before running the command again$/);
  const found = scripted([timeout, [created('inc9')]]);
  assert.equal((await found.client.send(create)).id, 'inc9');
});

test('when the check itself fails, the create is not resent and the outcome is unknown (exit 7)', async () => {
  const s = scripted([http(503), new ApiError(403, 'nope', 'GET', '/l')]);
  const error = await rejection(s.client.send(create));
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.equal(error.exitCode, ExitCode.network);
  assert.match(
    error.message,
    /whether the create was applied is unknown \(the check failed: GET \/l: HTTP 403 Forbidden: nope\)/,
  );
});

test('--max-retries 0 still checks an unconfirmed create, but does not resend it', async () => {
  const s = scripted([http(500), ...NOT_THERE], { maxRetries: 0 });
  const error = await rejection(s.client.send(create));
  assert.equal(s.sent.filter((r) => r === POST).length, 1);
  assert.match(error.message, /not retried \(--max-retries 0\)$/);
});

test('a create without a request ID is never resent after an unknown outcome', async () => {
  const bare = createIncident(PAGE, { incident: { name: 'API errors' } });
  const s = scripted([http(500)]);
  const error = await rejection(s.client.send(bare));
  assert.deepEqual(s.sent, [POST]);
  assert.match(error.message, /the request may have been applied; check before sending it again$/);
});

test('an update that posts a message is looked for once after a 500: posted → done, not → sent once more', async () => {
  const done = scripted([http(500), withUpdate(true)]);
  assert.equal((await done.client.send(post)).id, 'inc000000001');
  assert.deepEqual(done.sent, [PATCH, READ]);
  assert.match(
    done.notices.at(-1) ?? '',
    /^recovered: the update to incident inc000000001 was posted at .*; not posting it again$/,
  );

  const again = scripted([reset(), withUpdate(false), withUpdate(true)]);
  assert.equal((await again.client.send(post)).id, 'inc000000001');
  assert.deepEqual(again.sent, [PATCH, READ, PATCH]);
  assert.deepEqual(again.notices.slice(0, 2), [
    'connection to h was closed before a complete response: the update was not confirmed; checking whether the update was posted',
    'the update is not on the incident',
  ]);
});

test('an update whose message the API shows with another status is not taken for it', async () => {
  const other = withUpdate(true);
  other.incident_updates[0]!.status = 'monitoring';
  const s = scripted([http(502), other, withUpdate(true)]);
  await s.client.send(post);
  assert.deepEqual(s.sent, [PATCH, READ, PATCH]);
});

test('a request marked not idempotent is never resent after an ambiguous failure, whatever its method', async () => {
  const raw = { ...updateIncident(PAGE, 'inc000000001', { incident: { name: 'x' } }), idempotent: false };
  const s = scripted([http(503)]);
  const error = await rejection(s.client.send(raw));
  assert.deepEqual(s.sent, [PATCH]);
  assert.match(error.message, /the request may have been applied; check before sending it again$/);
  const limited = scripted([http(429, '0'), created('inc000000001')]);
  assert.equal((await limited.client.send(raw)).id, 'inc000000001', 'a rate limit is still retried: nothing was done');
});
