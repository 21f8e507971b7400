// An incident and a maintenance close differently (resolved / completed): a flag that contradicts
// what the incident is must be refused once the incident has been read, never sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

test('resolve-incident --event contradicting the incident is a usage error after the read; nothing is written', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'API down', components: [{ id: 'cmp000000001' }] });
    const maintenance = server.addIncident({ name: 'Upgrade', status: 'in_progress' });
    assertUsageError(
      await run(['resolve-incident', incident.id, '-e', 'maintenance']),
      `--event maintenance: ${incident.id} "API down" is an incident, not a maintenance; leave out --event, or use --event incident`,
    );
    assertUsageError(
      await run(['resolve-incident', maintenance.id, '--event', 'incident', '-m', 'Done.']),
      `--event incident: ${maintenance.id} "Upgrade" is a maintenance, not an incident`,
    );
    assert.deepEqual(server.mutations(), []);
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET', 'GET'],
      'only the incident itself was read',
    );
    assertOk(await run(['resolve-incident', incident.id, '-e', 'incident', '-q']));
  });
});

test('update-incident: a status of the other kind is refused whenever the incident is read', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'API down', components: [{ id: 'cmp000000001' }] });
    const maintenance = server.addIncident({ name: 'Upgrade', status: 'in_progress' });
    assertUsageError(
      await run(['update-incident', incident.id, '-s', 'completed', '-m', 'Done.']),
      `--status 'completed' is not a status of ${incident.id} "API down", which is an incident; use one of: investigating, identified, monitoring, resolved`,
    );
    assertUsageError(
      await run(['update-incident', maintenance.id, '-s', 'monitoring', '-c', 'Website']),
      `--status 'monitoring' is not a status of ${maintenance.id} "Upgrade", which is a maintenance; use one of: scheduled, in_progress, verifying, completed`,
    );
    assertUsageError(await run(['update-incident', maintenance.id, '-s', 'resolved']), "--status 'resolved'");
    assert.deepEqual(server.mutations(), []);

    // A plain update stays one PATCH: nothing is read, so nothing can be checked. (A window's
    // in_progress and verifying read it, to put its components under maintenance.)
    server.requests.length = 0;
    assertOk(await run(['update-incident', incident.id, '-s', 'identified', '-m', 'Found it.', '-q']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PATCH'],
    );
  });
});

test('the same component twice with different statuses is a usage error; the same twice is one', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['create-incident', '-t', 'x', '-c', 'API=degraded_performance', 'cmp000000001']),
      "--components 'API' (degraded_performance) and 'cmp000000001' (no status given) both name 'API' (cmp000000001); give it once, with one status",
    );
    assertUsageError(
      await run(['create-incident', '-t', 'x', '-c', 'cmp000000001=major_outage,cmp000000001=partial_outage']),
      'both name cmp000000001',
    );
    assert.deepEqual(server.mutations(), []);
    assertOk(await run(['create-incident', '-t', 'x', '-c', 'API=partial_outage', 'api=partial_outage', '-q']));
    const [post] = server.mutations();
    assert.deepEqual((post!.body as { incident: { component_ids: string[] } }).incident.component_ids, [
      'cmp000000001',
    ]);
  });
});
