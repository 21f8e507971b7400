import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('-e and -c given: one PATCH, no read; the event picks resolved or completed', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Known' });
    const maintenance = server.addIncident({ name: 'Window', status: 'in_progress', impact: 'maintenance' });
    assertOk(await run(['resolve-incident', '--incident', incident.id, '-e', 'incident', '-c', 'cmp000000001']));
    assertOk(await run(['resolve_incident', '-ic', maintenance.id, '--event', 'maintenance', '-c', 'cmp000000003']));
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.body]),
      [
        [
          'PATCH',
          {
            incident: {
              status: 'resolved',
              components: { cmp000000001: 'operational' },
              component_ids: ['cmp000000001'],
            },
          },
        ],
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
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { status: 'completed', components: { cmp000000002: 'operational' }, component_ids: ['cmp000000002'] },
    });
    assert.match(result.stdout, /^Resolved incident:\nMaintenance ID: /);
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
