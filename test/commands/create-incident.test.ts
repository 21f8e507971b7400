import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, onlyBody, withoutMarker, withServer } from '../support/harness.js';

test('the documented create example runs verbatim and sends exactly the given fields', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare([
      'create-incident',
      `--token=${server.token}`,
      `--page=${server.pageId}`,
      '-s',
      'investigating',
      '-i',
      'major',
      '-cs',
      'major_outage',
      '-c',
      'cmp000000001',
      '-t',
      'Critical server error',
      '-m',
      'Our jenkins is down right now, but we are working on it. Sorry, we will update asap!',
    ]);
    assertOk(result);
    assert.equal(server.requests.length, 1, 'one request, no lookups');
    const request = server.requests[0];
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/v1/pages/${server.pageId}/incidents`);
    assert.equal(request?.headers.authorization, `OAuth ${server.token}`);
    assert.equal(request?.headers['content-type'], 'application/json');
    assert.match(String(request?.headers['user-agent']), /^statuspage-cli\/\d+\.\d+\.\d+/);
    assert.deepEqual(withoutMarker(request?.body), {
      incident: {
        name: 'Critical server error',
        status: 'investigating',
        impact_override: 'major',
        body: 'Our jenkins is down right now, but we are working on it. Sorry, we will update asap!',
        components: { cmp000000001: 'major_outage' },
        component_ids: ['cmp000000001'],
      },
    });
    const [created] = [...server.incidents.values()];
    assert.ok(created);
    assert.equal(
      result.stdout,
      [
        'Created incident:',
        `Incident ID: ${created.id}`,
        `Created at: ${created.created_at}`,
        'Name: Critical server error',
        'Status: investigating',
        'Impact: major',
        `URL: ${created.shortlink}`,
        'Components:',
        '  API: operational → major_outage',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
  });
});

test('the create_incident alias and long flag forms work', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create_incident', '--title', 'Slow API', '--status', 'identified', '--impact', 'minor']));
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: { name: 'Slow API', status: 'identified', impact_override: 'minor' },
    });
  });
});

test('only the title is required; nothing else is invented', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'Something is off']));
    assert.deepEqual(onlyBody(server, 'POST'), { incident: { name: 'Something is off' } });
  });
});

test('-c without -cs marks components major_outage; space, comma and ID=STATUS forms combine', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run([
      'create-incident',
      '-t',
      'Outage',
      '-c',
      'cmp000000001',
      'cmp000000002,cmp000000003=degraded_performance',
    ]);
    assertOk(result);
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'Outage',
        components: {
          cmp000000001: 'major_outage',
          cmp000000002: 'major_outage',
          cmp000000003: 'degraded_performance',
        },
        component_ids: ['cmp000000001', 'cmp000000002', 'cmp000000003'],
      },
    });
  });
});

test('-cs applies to every component without its own status', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(
      await run([
        'create-incident',
        '-t',
        'Partial',
        '-c',
        'cmp000000001',
        'cmp000000002=major_outage',
        '-cs',
        'partial_outage',
      ]),
    );
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'Partial',
        components: { cmp000000001: 'partial_outage', cmp000000002: 'major_outage' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
  });
});

test('an incident created resolved leaves its components operational; an outage status with it is refused', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'Retro', '-s', 'resolved', '-c', 'cmp000000001', '-m', 'Was down.']));
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'Retro',
        status: 'resolved',
        body: 'Was down.',
        components: { cmp000000001: 'operational' },
        component_ids: ['cmp000000001'],
      },
    });
    server.requests.length = 0;
    assertUsageError(
      await run(['create-incident', '-t', 'Retro', '-s', 'resolved', '-c', 'API=major_outage']),
      '--status resolved would leave API major_outage',
    );
    assertUsageError(
      await run(['create-incident', '-t', 'Retro', '-s', 'resolved', '-c', 'API', '-cs', 'partial_outage']),
      '--status resolved would leave API partial_outage',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('--message keeps newlines and special characters', async () => {
  const message = 'Line one\nLine "two" with \\ backslash\n\n- a *markdown* list 🚒';
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'Multi-line', '-m', message]));
    assert.deepEqual(onlyBody(server, 'POST'), { incident: { name: 'Multi-line', body: message } });
  });
});

test('--no-notify creates the incident without notifying subscribers', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'Quiet one', '--no-notify']));
    assert.deepEqual(onlyBody(server, 'POST'), { incident: { name: 'Quiet one', deliver_notifications: false } });
  });
});

test('--json prints the API object and -q only the ID', async () => {
  await withServer(async ({ server, run }) => {
    const json = await run(['create-incident', '-t', 'JSON', '--json']);
    assertOk(json);
    const parsed = JSON.parse(json.stdout) as { id: string; name: string };
    assert.equal(parsed.name, 'JSON');
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(server.incidents.get(parsed.id))));

    const quiet = await run(['create-incident', '-t', 'Quiet', '-q']);
    assertOk(quiet);
    assert.match(quiet.stdout, /^[a-z0-9]{12}\n$/);
    assert.ok(server.incidents.has(quiet.stdout.trim()));
  });
});

test('output in a pipe carries no ANSI colour codes', async () => {
  await withServer(async ({ run }) => {
    const result = await run(['create-incident', '-t', 'Plain'], { env: { FORCE_COLOR: '3' } });
    assertOk(result);
    assert.doesNotMatch(result.stdout + result.stderr, /\u001b\[/);
  });
});

test('title and message lengths are checked against the API limits before sending', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['create-incident', '-t', 'x'.repeat(256)]), '--title', '255');
    assertUsageError(await run(['create-incident', '-t', 'ok', '-m', 'y'.repeat(25_001)]), '--message', '25000');
    assertOk(await run(['create-incident', '-t', 'x'.repeat(255), '-m', 'y'.repeat(25_000)]));
    assert.equal(server.requests.length, 1);
  });
});

test('a realtime incident cannot be created with a maintenance status', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['create-incident', '-t', 'x', '-s', 'scheduled']),
      '--status',
      "'scheduled'",
      'investigating',
    );
    assert.equal(server.requests.length, 0);
  });
});
