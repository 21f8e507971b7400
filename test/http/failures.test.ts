// Slow, unreachable and misbehaving servers: one line on stderr each, and the documented exit code.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { listenOnLoopback } from '../support/listen.js';
import { assertNoTokenLeak, withLeakCheckedServer } from '../support/no-leak.js';
import { runCli } from '../support/run-cli.js';

const TOKEN = 'test-token-abc123';

/** The last line of stderr, which must be the only error line. */
function errorLine(stderr: string): string {
  const errors = stderr.split('\n').filter((line) => line.startsWith('error:'));
  assert.equal(errors.length, 1, `exactly one error line expected:\n${stderr}`);
  assert.ok(stderr.endsWith(`${errors[0]}\n`), `the error comes last:\n${stderr}`);
  return errors[0] ?? '';
}

/** A port on 127.0.0.1 with nothing listening (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a server slower than --timeout: exit 7 within the timeout plus a second', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Slow' });
    server.injectFault({ method: 'PATCH', kind: 'delay', ms: 15_000 });
    const result = await run(['update-incident', incident.id, '-s', 'identified', '--timeout', '2']);
    assert.equal(result.code, 7);
    // The clock starts once the CLI is up; process start-up on a busy machine is not the CLI's to bound.
    const sinceRequest = Date.now() - server.requests[0]!.receivedAt;
    assert.ok(sinceRequest < 3000, `exited ${sinceRequest} ms after its request arrived`);
    assert.ok(result.durationMs < 6000, `took ${result.durationMs} ms in all`);
    assert.match(result.stderr, /^error: timed out after 2 s waiting for 127\.0\.0\.1:\d+ \(--timeout\)\n$/);
    assert.equal(server.requests.length, 1);
  });
});

test('--timeout bounds the retries too', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Busy' });
    server.failNext({ status: 503, headers: { 'retry-after': '1' }, body: { error: 'busy' } }, 11);
    const result = await run([
      'update-incident',
      incident.id,
      '-s',
      'identified',
      '--timeout',
      '3',
      '--max-retries',
      '10',
    ]);
    assert.equal(result.code, 1);
    const sinceRequest = Date.now() - server.requests[0]!.receivedAt;
    assert.ok(sinceRequest < 4000, `exited ${sinceRequest} ms after its first request arrived`);
    assert.match(
      errorLine(result.stderr),
      /HTTP 503 Service Unavailable: busy; not retried: the API asks to wait 1 s, past --timeout \(\S+ s left\)$/,
    );
    // A second apart within 3 s: at most three attempts, however slowly the CLI started.
    const attempts = server.requests.length;
    assert.ok(attempts >= 1 && attempts <= 3, `${attempts} requests`);
    assert.equal(
      result.stderr.split('\n').filter((l) => l.startsWith('HTTP 503 Service Unavailable, retrying in 1 s')).length,
      attempts - 1,
    );
  });
});

test('connection refused: retried, then exit 7 naming the host', async () => {
  const port = await closedPort();
  const result = await runCli(
    ['update-incident', 'inc000000001', '-s', 'identified', '--max-retries', '1', '--verbose'],
    {
      env: {
        STATUSPAGE_API_URL: `http://127.0.0.1:${port}/v1`,
        STATUSPAGE_TOKEN: TOKEN,
        STATUSPAGE_PAGE_ID: 'pg0000000001',
      },
    },
  );
  assertNoTokenLeak(result, TOKEN);
  assert.equal(result.code, 7);
  assert.match(
    result.stderr,
    new RegExp(`^connection to 127\\.0\\.0\\.1:${port} refused, retrying in \\S+ s \\(1/1\\)$`, 'm'),
  );
  assert.equal(errorLine(result.stderr), `error: connection to 127.0.0.1:${port} refused; gave up after 1 retry`);
});

test('a create refused before sending is retried too: nothing can have been created', async () => {
  const port = await closedPort();
  const result = await runCli(['create-incident', '-t', 'x', '--max-retries', '1', '--verbose'], {
    env: {
      STATUSPAGE_API_URL: `http://127.0.0.1:${port}/v1`,
      STATUSPAGE_TOKEN: TOKEN,
      STATUSPAGE_PAGE_ID: 'pg0000000001',
    },
  });
  assertNoTokenLeak(result, TOKEN);
  assert.equal(result.code, 7);
  assert.match(result.stderr, /refused, retrying in \S+ s \(1\/1\)\n/);
  assert.doesNotMatch(result.stderr, /checking whether/);
});

test('an HTML 502 from a proxy: the status and a short excerpt, no markup (exit 1)', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Behind a proxy' });
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{font:12px}</style></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center>${'<!-- padding -->'.repeat(50)}</body></html>`;
    server.failNext({ status: 502, headers: { 'content-type': 'text/html' }, rawBody: html }, 2);
    const result = await run(['update-incident', incident.id, '-s', 'identified', '--max-retries', '1']);
    assert.equal(result.code, 1);
    const line = errorLine(result.stderr);
    assert.equal(
      line,
      `error: PATCH /pages/${server.pageId}/incidents/${incident.id}: HTTP 502 Bad Gateway: 502 Bad Gateway 502 Bad Gateway nginx/1.25.3; gave up after 1 retry`,
    );
    assert.equal(server.requests.length, 2);
  });
});

test('malformed JSON in a 200: exit 1 with an excerpt', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Garbled' });
    server.failNext({ status: 200, rawBody: '{"id": "inc000000001", "name": "Garbled", "stat' });
    const result = await run(['update-incident', incident.id, '-s', 'identified', '--verbose']);
    assert.equal(result.code, 1);
    assert.equal(
      errorLine(result.stderr),
      `error: PATCH /pages/${server.pageId}/incidents/${incident.id}: HTTP 200 but the response is not JSON ({"id": "inc000000001", "name": "Garbled", "stat)`,
    );
    assert.equal(server.requests.length, 1, 'a 2xx is never resent');
  });
});

test('exit codes: 401/403 → 4, 404 → 5', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const forbidden = await run(['update-incident', 'inc000000404', '-s', 'identified'], {
      env: { STATUSPAGE_TOKEN: 'not-the-token' },
    });
    assert.equal(forbidden.code, 4);
    server.failNext({ status: 403, body: { message: 'You are not allowed' } });
    const denied = await run(['update-incident', 'inc000000404', '-s', 'identified']);
    assert.equal(denied.code, 4);
    assert.match(errorLine(denied.stderr), /HTTP 403 Forbidden: You are not allowed$/);
    const missing = await run(['update-incident', 'inc000000404', '-s', 'identified']);
    assert.equal(missing.code, 5);
    assert.equal(
      missing.stderr,
      `error: PATCH /pages/${server.pageId}/incidents/inc000000404: HTTP 404 Not Found: no incident or maintenance 'inc000000404' on page ${server.pageId} (statuspage list-incidents --all lists them)\n`,
    );
  });
});

test('--verbose shows every attempt, its timing and the retry decision, with the token masked', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    server.failNext({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'slow down' } });
    const result = await run(['create-incident', '-t', 'Verbose', '-q', '--verbose', `--token=${server.token}`]);
    assert.equal(result.code, 0, result.stderr);
    const url = `${server.url}/pages/${server.pageId}/incidents`;
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.filter((l) => l === `> POST ${url}`).length, 2);
    assert.equal(lines.filter((l) => l === '> authorization: OAuth ***').length, 2);
    assert.ok(
      lines.some((l) => new RegExp(`^< 429 POST ${url} \\(\\d+ ms\\) retry-after: 0$`).test(l)),
      result.stderr,
    );
    assert.ok(
      lines.includes(`* retry 1/3 of POST /pages/${server.pageId}/incidents in 0 ms (Retry-After: 0)`),
      result.stderr,
    );
    assert.ok(
      lines.some((l) => new RegExp(`^< 201 POST ${url} \\(\\d+ ms\\)$`).test(l)),
      result.stderr,
    );
  });
});
