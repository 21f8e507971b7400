import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeIncident } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

test('resolve without -c reads the incident and sets every affected component operational', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'Down', '-c', 'cmp000000001,cmp000000002', '-i', 'critical', '-q']));
    const [incident] = [...server.incidents.values()];
    assert.ok(incident);
    server.requests.length = 0;
    const result = await run(['resolve-incident', '--incident', incident.id, '-m', 'All good now.']);
    assertOk(result);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [
        `GET /v1/pages/${server.pageId}/incidents/${incident.id}`,
        `GET /v1/pages/${server.pageId}/incidents/unresolved`,
        `GET /v1/pages/${server.pageId}/incidents/active_maintenance`,
        `GET /v1/pages/${server.pageId}/incidents/scheduled`,
        `PATCH /v1/pages/${server.pageId}/incidents/${incident.id}`,
      ],
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        status: 'resolved',
        body: 'All good now.',
        components: { cmp000000001: 'operational', cmp000000002: 'operational' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
    assert.equal(server.incidents.get(incident.id)?.status, 'resolved');
    assert.equal(server.incidents.get(incident.id)?.impact, 'critical', 'resolving keeps the recorded impact');
    assert.ok(server.components.filter((c) => c.id <= 'cmp000000002').every((c) => c.status === 'operational'));
    assert.match(result.stdout, /^Resolved incident:\nIncident ID: /);
    assert.match(result.stdout, /\nStatus: resolved\n/);
  });
});

test('-e and -c: the incident is still read; the named components are restored, the others stay attached', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({
      name: 'Known',
      components: [{ id: 'cmp000000001' }, { id: 'cmp000000002' }],
    });
    const maintenance = server.addIncident({ name: 'Window', status: 'in_progress', impact: 'maintenance' });
    assertOk(await run(['resolve-incident', '--incident', incident.id, '-e', 'incident', '-c', 'cmp000000001']));
    assertOk(await run(['resolve_incident', '-ic', maintenance.id, '--event', 'maintenance', '-c', 'cmp000000003']));
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.body]),
      [
        ['GET', undefined],
        ['GET', undefined],
        ['GET', undefined],
        ['GET', undefined],
        [
          'PATCH',
          {
            incident: {
              status: 'resolved',
              components: { cmp000000001: 'operational' },
              component_ids: ['cmp000000001', 'cmp000000002'],
            },
          },
        ],
        ['GET', undefined],
        ['GET', undefined],
        ['GET', undefined],
        ['GET', undefined],
        [
          'PATCH',
          {
            incident: {
              status: 'completed',
              components: { cmp000000003: 'operational' },
              component_ids: ['cmp000000003'],
            },
          },
        ],
      ],
    );
  });
});

test('without --event, a maintenance is completed and an incident resolved', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(
      await run(['schedule-maintenance', '-t', 'Window', '-c', 'cmp000000002', '--scheduled', '2030-01-02T03:04:05Z']),
    );
    const [maintenance] = [...server.incidents.values()];
    assert.ok(maintenance);
    server.requests.length = 0;
    const result = await run(['resolve-incident', maintenance.id]);
    assertOk(result);
    // A window that never opened moved nothing: completing it gives nothing back.
    assert.deepEqual(onlyBody(server, 'PATCH'), { incident: { status: 'completed' } });
    assert.match(result.stdout, /^Completed maintenance:\nMaintenance ID: /);
  });
});

test('an incident with no components is resolved without a components field', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Bare' });
    assertOk(await run(['resolve-incident', incident.id, '-e', 'incident']));
    assert.deepEqual(onlyBody(server, 'PATCH'), { incident: { status: 'resolved' } });
  });
});

test('bad --event and missing incident are usage errors', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['resolve-incident', 'abc', '-e', 'outage']),
      '--event',
      "'outage'",
      'incident, maintenance',
    );
    assertUsageError(await run(['resolve-incident', '-e', 'incident']), '--incident', 'required');
    assert.equal(server.requests.length, 0);
  });
});

test('a realtime incident with impact maintenance is resolved, not completed: its status decides', async () => {
  await withServer(async ({ server, run }) => {
    const created = await run([
      'create-incident',
      '-t',
      'Failover went wrong',
      '-s',
      'investigating',
      '-i',
      'maintenance',
      '-c',
      'Website',
      '-m',
      'x',
    ]);
    assertOk(created);
    assert.match(created.stdout, /^Created incident:\nIncident ID: inc\d+\n/);
    const [incident] = [...server.incidents.values()];
    assert.ok(incident);
    assert.equal(incident.impact, 'maintenance', 'the API reports the impact it was given');

    const dry = await run(['resolve-incident', incident.id, '--dry-run']);
    assertOk(dry);
    assert.match(dry.stdout, /"status": "resolved"/);
    assert.doesNotMatch(dry.stdout, /completed/);

    const result = await run(['resolve-incident', incident.id, '-m', 'Back on the primary.']);
    assertOk(result);
    assert.equal(server.incidents.get(incident.id)?.status, 'resolved');
    assert.match(result.stdout, /^Resolved incident:\nIncident ID: /);
  });
});

test('a maintenance is recognised by its status or its scheduled time, whatever its impact', async () => {
  await withServer(async ({ server, run }) => {
    const verifying = server.addIncident({ name: 'Checks', status: 'verifying', impact: 'minor' });
    const scheduled = server.addIncident({
      name: 'Window',
      status: 'scheduled',
      impact: 'none',
      scheduled_for: '2030-01-02T03:00:00.000Z',
    });
    for (const id of [verifying.id, scheduled.id]) {
      server.requests.length = 0;
      const result = await run(['resolve-incident', id, '-m', 'Done.']);
      assertOk(result);
      assert.equal((onlyBody(server, 'PATCH') as { incident: { status: string } }).incident.status, 'completed');
      assert.match(result.stdout, /^Completed maintenance:\nMaintenance ID: /);
    }
  });
});

test('an incident already resolved is not resolved again: nothing sent, one line on stderr', async () => {
  await withServer(async ({ server, run }) => {
    const id = (await run(['create-incident', '-t', 'Blip', '-c', 'cmp000000001', '-q'])).stdout.trim();
    assertOk(await run(['resolve-incident', id, '-m', 'Fixed.']));
    const updateCount = () => (server.incidents.get(id) as FakeIncident | undefined)?.incident_updates.length;
    const updates = updateCount();
    server.requests.length = 0;

    const again = await run(['resolve-incident', id, '-m', 'Fixed, really.']);
    assertOk(again);
    assert.equal(again.stderr, `incident ${id} is already resolved; nothing sent\n`);
    assert.match(again.stdout, new RegExp(`^Already resolved incident:\\nIncident ID: ${id}\\n`));
    assert.match(again.stdout, /\nStatus: resolved\n/);
    const quiet = await run(['resolve-incident', id, '-e', 'incident', '-q']);
    assertOk(quiet);
    assert.equal(quiet.stdout, `${id}\n`);
    assert.equal(quiet.stderr, `incident ${id} is already resolved; nothing sent\n`);
    const dry = await run(['resolve-incident', id, '-c', 'cmp000000001', '--dry-run']);
    assertOk(dry);
    assert.doesNotMatch(dry.stdout, /^PATCH/m);
    assert.equal(dry.stderr, `incident ${id} is already resolved; nothing sent\n`);

    assert.deepEqual(new Set(server.requests.map((r) => r.method)), new Set(['GET']));
    assert.equal(updateCount(), updates, 'subscribers get no second update');
  });
});

test('a completed maintenance is not completed again, with or without -e and -c', async () => {
  await withServer(async ({ server, run }) => {
    const done = server.addIncident({ name: 'Window', status: 'completed', components: [{ id: 'cmp000000002' }] });
    const result = await run(['resolve-incident', done.id, '--json']);
    assertOk(result);
    assert.equal(result.stderr, `maintenance ${done.id} is already completed; nothing sent\n`);
    assert.equal(JSON.parse(result.stdout).id, done.id);
    assert.deepEqual(server.mutations(), []);

    const again = await run(['resolve-incident', done.id, '-e', 'maintenance', '-c', 'cmp000000002']);
    assertOk(again);
    assert.equal(again.stderr, `maintenance ${done.id} is already completed; nothing sent\n`);
    assert.deepEqual(server.mutations(), []);
  });
});

test('resolve: an incident ID swallowed by -c is named in the usage error', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['resolve-incident', '-e', 'incident', '-c', 'cmp000000001', 'Website', 'inc000000017']),
      '--incident is required',
      "'inc000000017' was read as one",
      'before -c',
      '--incident (-ic)',
    );
    assert.equal(server.requests.length, 0);
  });
});
