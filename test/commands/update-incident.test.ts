import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

test('the documented update example runs verbatim (as update-incident)', async () => {
  await withServer(async ({ server, runBare }) => {
    const existing = server.addIncident({ name: 'Jenkins is overloaded', status: 'investigating', impact: 'major' });
    const result = await runBare([
      'update-incident',
      `--token=${server.token}`,
      `--page=${server.pageId}`,
      `--incident=${existing.id}`,
      '-s',
      'identified',
      '-m',
      'We found the root cause, and we are working on a hotfix.',
    ]);
    assertOk(result);
    const patch = server.requests[0];
    assert.equal(patch?.method, 'PATCH');
    assert.equal(patch?.path, `/v1/pages/${server.pageId}/incidents/${existing.id}`);
    assert.deepEqual(patch?.body, {
      incident: { status: 'identified', body: 'We found the root cause, and we are working on a hotfix.' },
    });
    const updated = server.incidents.get(existing.id);
    assert.ok(updated);
    assert.equal(
      result.stdout,
      [
        'Updated incident:',
        `Incident ID: ${existing.id}`,
        `Created at: ${updated.created_at}`,
        `Updated at: ${updated.updated_at}`,
        'Name: Jenkins is overloaded',
        'Status: identified',
        `Impact: ${updated.impact}`,
        `URL: ${updated.shortlink}`,
        '',
      ].join('\n'),
    );
  });
});

test('-ic and a positional ID both name the incident', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Two ways' });
    assertOk(await run(['update-incident', '-ic', incident.id, '-s', 'monitoring']));
    assertOk(await run(['update_incident', incident.id, '-s', 'resolved']));
    assert.deepEqual(
      server.mutations().map((r) => r.body),
      [{ incident: { status: 'monitoring' } }, { incident: { status: 'resolved' } }],
    );
    assertUsageError(
      await run(['update-incident', incident.id, '--incident', 'other', '-s', 'monitoring']),
      'different incidents',
    );
  });
});

test('-c without a status attaches components without changing them', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Attach' });
    assertOk(await run(['update-incident', '--incident', incident.id, '-c', 'cmp000000001,cmp000000002']));
    assert.deepEqual(onlyBody(server, 'PATCH'), { incident: { component_ids: ['cmp000000001', 'cmp000000002'] } });
  });
});

test('-c keeps the components the incident already affects: it reads the incident, then sends the union', async () => {
  await withServer(async ({ server, run }) => {
    const id = (
      await run(['create-incident', '-t', 'DB down', '-c', 'Database', '-m', 'investigating', '-q'])
    ).stdout.trim();
    assert.ok(server.incidents.has(id));
    server.requests.length = 0;
    assertOk(await run(['update-incident', id, '-c', 'API', '-m', 'API affected too']));
    const incidentPath = `/v1/pages/${server.pageId}/incidents/${id}`;
    assert.deepEqual(
      server.requests
        .filter((r) => r.path !== `/v1/pages/${server.pageId}/components`)
        .map((r) => `${r.method} ${r.path}`),
      [`GET ${incidentPath}`, `PATCH ${incidentPath}`],
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { body: 'API affected too', component_ids: ['cmp000000003', 'cmp000000001'] },
    });
    const status = (cid: string) => server.components.find((c) => c.id === cid)?.status;
    assert.equal(status('cmp000000001'), 'operational', 'API is attached, its status left alone');
    assert.equal(status('cmp000000003'), 'major_outage');

    assertOk(await run(['resolve-incident', id, '-m', 'All fixed.']));
    const resolved = server.incidents.get(id);
    assert.equal(resolved?.status, 'resolved');
    assert.deepEqual(
      resolved?.components?.map((c) => c.id),
      ['cmp000000003', 'cmp000000001'],
    );
    assert.equal(status('cmp000000003'), 'operational', 'resolving restores the component the update kept');
  });
});

test('-c with a status changes only that component; the others stay listed, unchanged', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Two', components: [{ id: 'cmp000000002' }, { id: 'cmp000000004' }] });
    assertOk(await run(['update-incident', incident.id, '-c', 'cmp000000001=partial_outage', 'cmp000000004']));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        components: { cmp000000001: 'partial_outage' },
        component_ids: ['cmp000000002', 'cmp000000004', 'cmp000000001'],
      },
    });
    assert.deepEqual(
      server.incidents.get(incident.id)?.components?.map((c) => c.id),
      ['cmp000000002', 'cmp000000004', 'cmp000000001'],
    );
  });
});

test('an update without -c is one request; with -c and --dry-run only the read goes out', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Once', components: [{ id: 'cmp000000002' }] });
    assertOk(await run(['update-incident', incident.id, '-s', 'identified', '-m', 'Found it.']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PATCH'],
    );
    server.requests.length = 0;
    const dry = await run(['update-incident', incident.id, '-c', 'cmp000000003', '--dry-run']);
    assertOk(dry);
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET'],
    );
    const body = JSON.parse(dry.stdout.slice(dry.stdout.indexOf('\n{') + 1));
    assert.deepEqual(body, { incident: { component_ids: ['cmp000000002', 'cmp000000003'] } });
  });
});

test('-c with --dry-run and no token says the incident must be read, and sends nothing', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(
      ['update-incident', 'inc000000001', '-p', server.pageId, '-c', 'cmp000000001', '--dry-run'],
      {
        env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
      },
    );
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /^error: --components: adding components reads the incident.*even with --dry-run: no API token/,
    );
    assert.equal(server.requests.length, 0);
  });
});

test('-c with -cs changes the components; ID=STATUS overrides per component', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Change' });
    assertOk(
      await run([
        'update-incident',
        '--incident',
        incident.id,
        '-c',
        'cmp000000001',
        'cmp000000002=major_outage',
        '-cs',
        'degraded_performance',
        '-i',
        'minor',
        '-t',
        'Renamed',
      ]),
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        name: 'Renamed',
        impact_override: 'minor',
        components: { cmp000000001: 'degraded_performance', cmp000000002: 'major_outage' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
    assert.equal(server.components.find((c) => c.id === 'cmp000000001')?.status, 'degraded_performance');
  });
});

test('maintenance statuses are accepted on update', async () => {
  await withServer(async ({ server, run }) => {
    const maintenance = server.addIncident({ name: 'Window', status: 'scheduled', impact: 'maintenance' });
    assertOk(await run(['update-incident', maintenance.id, '-s', 'in_progress']));
    assert.deepEqual(onlyBody(server, 'PATCH'), { incident: { status: 'in_progress' } });
  });
});

test('an update that changes nothing, or lacks an incident, is refused before sending', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['update-incident', '--incident', 'abc123']), 'nothing to update');
    assertUsageError(await run(['update-incident', '--incident', 'abc123', '--no-notify']), 'nothing to update');
    assertUsageError(await run(['update-incident', '-s', 'identified']), '--incident', 'required');
    assertUsageError(
      await run(['update-incident', '--incident', 'abc123', '-cs', 'major_outage']),
      '--component-status',
      '--components',
    );
    assertUsageError(
      await run(['update-incident', '--incident', 'abc/../123', '-s', 'identified']),
      '--incident',
      'abc/../123',
    );
    assertUsageError(
      await run(['update-incident', '--incident', 'abc', '-s', 'fixed']),
      '--status',
      "'fixed'",
      'investigating',
      'completed',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('an unknown incident is a not-found error with the API’s message (exit 5)', async () => {
  await withServer(async ({ run }) => {
    const result = await run(['update-incident', '--incident', 'nope00000000', '-s', 'identified']);
    assert.equal(result.code, 5);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /^error: PATCH \/pages\/pg0000000001\/incidents\/nope00000000: HTTP 404 Not Found: .+\n$/,
    );
  });
});

test('an incident ID swallowed by -c is named in the usage error, with the way out', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run(['update-incident', '-c', 'API', 'inc000000017', '-m', 'x']);
    assertUsageError(
      result,
      '--incident is required',
      "-c takes every word after it as a component, so 'inc000000017' was read as one",
      'put the incident ID before -c',
      '--incident',
      '-ic',
    );
    assertOk(await run(['update-incident', server.addIncident().id, '-c', 'API', '-m', 'x']));
    assert.equal(server.mutations().length, 1);
  });
});
