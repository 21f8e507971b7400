import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, withoutMarker, withServer } from '../support/harness.js';
import { runCli } from '../support/run-cli.js';

test('--dry-run prints the exact request with the token masked, and sends nothing', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run([
      'create-incident',
      '-t',
      'API errors',
      '-s',
      'investigating',
      '-i',
      'major',
      '-c',
      'cmp000000001',
      '-m',
      'Looking.',
      '--dry-run',
    ]);
    assertOk(result);
    assert.equal(server.requests.length, 0);
    const [requestLine, ...rest] = result.stdout.split('\n');
    assert.equal(requestLine, `POST ${server.url}/pages/${server.pageId}/incidents`);
    assert.ok(rest.includes('Authorization: OAuth ***'));
    assert.ok(rest.includes('Content-Type: application/json'));
    assert.ok(!result.stdout.includes(server.token));
    const json = result.stdout.slice(result.stdout.indexOf('\n{') + 1);
    assert.deepEqual(withoutMarker(JSON.parse(json)), {
      incident: {
        name: 'API errors',
        status: 'investigating',
        impact_override: 'major',
        body: 'Looking.',
        components: { cmp000000001: 'major_outage' },
        component_ids: ['cmp000000001'],
      },
    });
  });
});

test('--dry-run needs no token and no network (the README run command), and says there is no token', async () => {
  const result = await runCli(
    ['create-incident', '--dry-run', '-p', 'pg0000000001', '-t', 'API errors', '-i', 'major', '-c', 'cmp000000001'],
    { env: { STATUSPAGE_API_URL: 'http://127.0.0.1:9/v1', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' } },
  );
  assertOk(result);
  assert.match(result.stdout, /^POST http:\/\/127\.0\.0\.1:9\/v1\/pages\/pg0000000001\/incidents\n/);
  assert.match(result.stdout, /\nAuthorization: OAuth \(no token found: flag, STATUSPAGE_TOKEN or keychain\)\n/);
  const withToken = await runCli(['update-incident', 'inc000000001', '-s', 'monitoring', '--dry-run'], {
    env: { STATUSPAGE_PAGE_ID: 'pg0000000001', STATUSPAGE_TOKEN: 'tok-123456789' },
  });
  assert.match(withToken.stdout, /\nAuthorization: OAuth \*\*\*\n/);
});

test('--dry-run --json prints the request as one JSON document', async () => {
  const result = await runCli([
    'update-incident',
    'inc000000001',
    '-s',
    'monitoring',
    '--dry-run',
    '--json',
    '-p',
    'pg0000000001',
    '--token',
    'tok-123456789',
  ]);
  assertOk(result);
  assert.deepEqual(JSON.parse(result.stdout), {
    dry_run: true,
    method: 'PATCH',
    url: 'https://api.statuspage.io/v1/pages/pg0000000001/incidents/inc000000001',
    headers: {
      Authorization: 'OAuth ***',
      Accept: 'application/json',
      'User-Agent': JSON.parse(result.stdout).headers['User-Agent'],
      'Content-Type': 'application/json',
    },
    body: { incident: { status: 'monitoring' } },
  });
});

test('--dry-run of schedule and resolve sends no write; resolve may read', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Read me' });
    assertOk(await run(['schedule-maintenance', '-t', 'W', '--dry-run']));
    const resolve = await run(['resolve-incident', incident.id, '--dry-run']);
    assertOk(resolve);
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET'],
    );
    assert.match(resolve.stdout, /^PATCH .*\n/);
    assert.match(resolve.stdout, /"status": "resolved"/);
  });
});

test('--dry-run of resolve without a token says why it needs one', async () => {
  const result = await runCli(['resolve-incident', 'inc000000001', '-p', 'pg0000000001', '--dry-run'], {
    env: { STATUSPAGE_API_URL: 'http://127.0.0.1:9/v1', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
  });
  assert.equal(result.code, 4);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^error: resolving reads the incident first, even with --dry-run: no API token: /);
});
