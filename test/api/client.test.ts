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
const create = createIncident(PAGE, { incident: { name: 'API errors', status: 'investigating' } });
const patch = updateIncident(PAGE, 'inc000000001', { incident: { status: 'identified' } });
const POST = `POST /pages/${PAGE}/incidents`;
const LOOKUP = `GET /pages/${PAGE}/incidents/unresolved`;
const created = (id: string) => ({
  id,
  name: 'API errors',
  status: 'investigating',
  created_at: new Date().toISOString(),
});
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

test('an idempotent request retries a 503 and a reset; a 500 is final', async () => {
  const s = scripted([http(503), reset(), created('inc000000001')]);
  assert.equal((await s.client.send(patch)).id, 'inc000000001');
  assert.equal(s.sent.length, 3);
  assert.deepEqual(s.reserves, [0, 0, 0], 'only creates keep time back');
  const t = scripted([http(500)]);
  assert.equal((await rejection(t.client.send(patch))).exitCode, ExitCode.apiError);
  assert.equal(t.sent.length, 1);
});

test('a create reset mid-response is found on the page and not sent again', async () => {
  const s = scripted([reset(), [created('inc1')]]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.ok(s.reserves[0]! > 0, 'the create keeps time back for the check');
  assert.match(
    s.notices.at(-1) ?? '',
    /^recovered: incident inc1 'API errors' was created at .* not creating it again$/,
  );
});

test('a create answered 500 and not on the page is sent once more', async () => {
  const s = scripted([http(500), [], created('inc1')]);
  assert.equal((await s.client.send(create)).id, 'inc1');
  assert.deepEqual(s.sent, [POST, LOOKUP, POST]);
});

test('a create is never sent a third time after unknown outcomes', async () => {
  const s = scripted([http(500), [], http(502), [], created('never')]);
  const error = await rejection(s.client.send(create));
  assert.deepEqual(s.sent, [POST, LOOKUP, POST, LOOKUP]);
  assert.match(error.message, /it was already sent twice, so it is not sent again$/);
  assert.equal(s.left(), 1);
});

test('a create that timed out is looked for but never resent', async () => {
  const timeout = new NetworkError('no response from h after 7.5 s', 'timeout');
  const s = scripted([timeout, []]);
  const error = await rejection(s.client.send(create));
  assert.equal(error.exitCode, ExitCode.network);
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.match(error.message, /the API may still create it: check the page before running the command again$/);
  const found = scripted([timeout, [created('inc9')]]);
  assert.equal((await found.client.send(create)).id, 'inc9');
});

test('when the check itself fails, the create is not resent and the user is told to look', async () => {
  const s = scripted([http(503), new ApiError(403, 'nope', 'GET', '/l')]);
  const error = await rejection(s.client.send(create));
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.equal(error.exitCode, ExitCode.apiError);
  assert.match(
    error.message,
    /whether the incident was created is unknown \(the check failed: GET \/l: HTTP 403 Forbidden: nope\)/,
  );
});

test('--max-retries 0 still checks an unconfirmed create, but does not resend it', async () => {
  const s = scripted([http(500), []], { maxRetries: 0 });
  const error = await rejection(s.client.send(create));
  assert.deepEqual(s.sent, [POST, LOOKUP]);
  assert.match(error.message, /not retried \(--max-retries 0\)$/);
});
