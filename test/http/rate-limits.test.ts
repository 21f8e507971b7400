// Rate limits (420/429) and transient failures: retried within --max-retries and --timeout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeIncident } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError } from '../support/harness.js';
import { withLeakCheckedServer } from '../support/no-leak.js';

const RATE_LIMITED = { error: 'Rate limit exceeded' };

test('429 with Retry-After: 1, then success: two requests, a second apart, and a notice while waiting', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    server.failNext({ status: 429, headers: { 'retry-after': '1' }, body: RATE_LIMITED });
    const result = await run(['create-incident', '-t', 'API errors', '-c', 'cmp000000001', '-q']);
    assertOk(result);
    assert.equal(server.requests.length, 2);
    const [first, second] = server.requests;
    assert.ok(
      second!.receivedAt - first!.receivedAt >= 990,
      `waited only ${second!.receivedAt - first!.receivedAt} ms`,
    );
    assert.equal(result.stderr, 'rate limited, retrying in 1 s (1/3)\n');
    assert.equal(server.incidents.size, 1);
    assert.equal(result.stdout.trim(), [...server.incidents.keys()][0]);
  });
});

test('420 with Retry-After: 1 on an update is retried the same way', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Calm down', status: 'investigating' });
    server.failNext({ status: 420, headers: { 'retry-after': '1' }, body: { error: 'Enhance your calm' } });
    const result = await run(['update-incident', incident.id, '-s', 'identified', '-m', 'Found it.', '--verbose']);
    assertOk(result);
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    assert.deepEqual(
      patches.map((r) => r.status),
      [420, 200],
    );
    assert.ok(patches[1]!.receivedAt - patches[0]!.receivedAt >= 990);
    assert.match(result.stderr, /^rate limited, retrying in 1 s \(1\/3\)$/m);
    assert.match(result.stderr, /^< 420 PATCH http:\S+ \(\d+ ms\) retry-after: 1$/m);
    assert.match(
      result.stderr,
      new RegExp(
        `^\\* retry 1/3 of PATCH /pages/${server.pageId}/incidents/${incident.id} in 1000 ms \\(Retry-After: 1\\)$`,
        'm',
      ),
    );
    assert.equal(server.incidents.get(incident.id)?.status, 'identified');
  });
});

test('without Retry-After the wait is a jittered backoff around 1 s', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    server.failNext({ status: 429, body: RATE_LIMITED });
    const result = await run(['create-incident', '-t', 'Backoff', '-q']);
    assertOk(result);
    assert.match(result.stderr, /^rate limited, retrying in (0\.[89]|1|1\.[0-3]) s \(1\/3\)\n$/);
    const [first, second] = server.requests;
    assert.ok(second!.receivedAt - first!.receivedAt >= 740);
  });
});

test('still rate limited after --max-retries: exit 6, the API’s message, no incident', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    server.failNext({ status: 429, headers: { 'retry-after': '0' }, body: RATE_LIMITED }, 5);
    const result = await run(['create-incident', '-t', 'Never', '--max-retries', '2']);
    assert.equal(result.code, 6);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      [
        'rate limited, retrying in 0 s (1/2)',
        'rate limited, retrying in 0 s (2/2)',
        `error: POST /pages/${server.pageId}/incidents: HTTP 429 Too Many Requests: Rate limit exceeded; still rate limited after 2 retries`,
        '',
      ].join('\n'),
    );
    assert.equal(server.requests.length, 3);
    assert.equal(server.incidents.size, 0);
  });
});

test('a Retry-After beyond --timeout is not waited for', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    server.failNext({ status: 429, headers: { 'retry-after': '120' }, body: RATE_LIMITED });
    const result = await run(['create-incident', '-t', 'Later', '--timeout', '10']);
    assert.equal(result.code, 6, result.stderr);
    assert.ok(result.durationMs < 8000, `took ${result.durationMs} ms`);
    assert.match(
      result.stderr,
      /^error: .*HTTP 429 .*; not retried: the API asks to wait 120 s, past --timeout \(\d+(\.\d)? s left\)\n$/,
    );
    assert.equal(server.requests.length, 1);
  });
});

test('503 on an update with a message, then success: the update is looked for, then applied once', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Flaky', status: 'investigating' });
    server.injectFault({
      method: 'PATCH',
      kind: 'respond',
      response: { status: 503, body: { error: 'Service Unavailable' } },
    });
    const result = await run(['update-incident', incident.id, '-s', 'monitoring', '-m', 'A fix is out.', '-q']);
    assertOk(result);
    assert.equal(result.stdout, `${incident.id}\n`);
    assert.match(
      result.stderr,
      /^HTTP 503 Service Unavailable: the update was not confirmed; checking whether the update was posted\nthe update is not on the incident\nHTTP 503 Service Unavailable, retrying in (0\.[89]|1|1\.[0-3]) s \(1\/3\)\n$/,
    );
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.status}`),
      ['PATCH 503', 'GET 200', 'PATCH 200'],
    );
    const stored = server.incidents.get(incident.id) as FakeIncident;
    assert.equal(stored.status, 'monitoring');
    assert.equal(stored.incident_updates.filter((u) => u.body === 'A fix is out.').length, 1);
  });
});

test('a read whose connection drops is retried', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Dropped read', status: 'identified' });
    server.injectFault({ method: 'GET', kind: 'drop', when: 'before-handling' });
    const result = await run(['resolve-incident', incident.id, '-m', 'Fixed.', '-q']);
    assertOk(result);
    assert.match(
      result.stderr,
      /^connection to 127\.0\.0\.1:\d+ was closed before a complete response, retrying in .* \(1\/3\)\n$/,
    );
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET', 'GET', 'PATCH'],
    );
    assert.equal(server.incidents.get(incident.id)?.status, 'resolved');
  });
});

test('a 500 on an update is not retried (exit 1)', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Broken' });
    server.failNext({ status: 500, body: { error: 'Internal error' } });
    const result = await run(['update-incident', incident.id, '-s', 'identified']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      `error: PATCH /pages/${server.pageId}/incidents/${incident.id}: HTTP 500 Internal Server Error: Internal error\n`,
    );
    assert.equal(server.requests.length, 1);
  });
});

test('--max-retries takes a whole number from 0 to 10', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    assertUsageError(
      await run(['create-incident', '-t', 'x', '--max-retries', 'many']),
      '--max-retries',
      "'many'",
      'whole number',
    );
    assertUsageError(
      await run(['create-incident', '-t', 'x', '--max-retries', '11']),
      '--max-retries',
      "'11'",
      'at most 10',
    );
    assertUsageError(await run(['create-incident', '-t', 'x', '--max-retries', '1.5']), '--max-retries', "'1.5'");
    assert.equal(server.requests.length, 0);
  });
});
