// Resolving puts components back, but never green while another open incident or a maintenance
// in progress still affects them; update-incident -s resolved|completed does exactly the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeIncident, FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, onlyBody, withServer } from '../support/harness.js';

const status = (server: FakeStatuspage, id: string) => server.components.find((c) => c.id === id)?.status;

test('two incidents on one component: resolving one leaves it at the status the other gave it', async () => {
  await withServer(async ({ server, run }) => {
    const checkout = await run(['create-incident', '-t', 'Checkout errors', '-c', 'API=partial_outage', '-q']);
    const outage = await run(['create-incident', '-t', 'API down', '-c', 'API=major_outage', 'Database', '-q']);
    const [checkoutId, outageId] = [checkout.stdout.trim(), outage.stdout.trim()];
    assert.equal(status(server, 'cmp000000001'), 'major_outage');
    server.requests.length = 0;

    const result = await run(['resolve-incident', outageId, '-m', 'The API is back.']);
    assertOk(result);
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        status: 'resolved',
        body: 'The API is back.',
        components: { cmp000000001: 'partial_outage', cmp000000003: 'operational' },
        component_ids: ['cmp000000001', 'cmp000000003'],
      },
    });
    assert.equal(status(server, 'cmp000000001'), 'partial_outage', 'not green while Checkout errors is open');
    assert.equal(status(server, 'cmp000000003'), 'operational');
    assert.match(
      result.stdout,
      new RegExp(
        `\\nComponents:\\n  API: major_outage → partial_outage \\(still affected by ${checkoutId} "Checkout errors"\\)\\n  Database: major_outage → operational\\n$`,
      ),
    );
    assert.equal(result.stderr, '');

    const last = await run(['resolve-incident', checkoutId, '-q']);
    assertOk(last);
    assert.equal(last.stdout, `${checkoutId}\n`);
    assert.equal(last.stderr, '');
    assert.equal(status(server, 'cmp000000001'), 'operational', 'the last incident brings it back');
  });
});

test('a maintenance in progress counts as under_maintenance; the worst status wins; --json says why on stderr', async () => {
  await withServer(async ({ server, run }) => {
    server.addIncident({ name: 'DB upgrade', status: 'in_progress', components: [{ id: 'cmp000000003' }] });
    const minor = server.addIncident({
      name: 'Slow queries',
      components: [{ id: 'cmp000000003' }],
      incident_updates: [
        {
          id: 'upd9',
          status: 'investigating',
          body: 'Slow.',
          created_at: new Date().toISOString(),
          affected_components: [
            { code: 'cmp000000003', name: 'Database', old_status: 'operational', new_status: 'degraded_performance' },
          ],
        },
      ],
    } as Partial<FakeIncident>);
    const outage = await run(['create-incident', '-t', 'DB down', '-c', 'Database', '-q']);
    const id = outage.stdout.trim();

    const result = await run(['resolve-incident', id, '--json']);
    assertOk(result);
    assert.deepEqual((onlyBody(server, 'PATCH') as { incident: { components: unknown } }).incident.components, {
      cmp000000003: 'degraded_performance',
    });
    assert.equal(JSON.parse(result.stdout).id, id);
    assert.equal(result.stderr, `Database stays degraded_performance: still affected by ${minor.id} "Slow queries"\n`);

    // With only the maintenance left open, Database stays under maintenance.
    server.requests.length = 0;
    const second = await run(['resolve-incident', minor.id, '-q']);
    assertOk(second);
    assert.deepEqual((onlyBody(server, 'PATCH') as { incident: { components: unknown } }).incident.components, {
      cmp000000003: 'under_maintenance',
    });
    assert.match(second.stderr, /^Database stays under_maintenance: still affected by inc\d+ "DB upgrade"\n$/);
  });
});

test('a partial resolve (-c) lists the components it leaves non-operational', async () => {
  await withServer(async ({ server, run }) => {
    const id = (await run(['create-incident', '-t', 'Outage', '-c', 'API', 'Database', '-q'])).stdout.trim();
    const result = await run(['resolve-incident', id, '-c', 'API']);
    assertOk(result);
    assert.equal(status(server, 'cmp000000001'), 'operational');
    assert.equal(status(server, 'cmp000000003'), 'major_outage');
    assert.match(
      result.stdout,
      /\nComponents:\n {2}API: major_outage → operational\n {2}Database: major_outage \(not restored: -c named only API\)\n$/,
    );
    const quiet = await run(['resolve-incident', id, '-c', 'API', '-q']);
    assert.match(quiet.stderr, /^incident inc\d+ is already resolved; nothing sent\n$/);
  });
});

test('update-incident -s resolved restores components exactly as resolve-incident does', async () => {
  await withServer(async ({ server, run }) => {
    const other = (
      await run(['create-incident', '-t', 'Checkout errors', '-c', 'API=degraded_performance', '-q'])
    ).stdout.trim();
    const id = (await run(['create-incident', '-t', 'Outage', '-c', 'API', 'Website', '-q'])).stdout.trim();
    server.requests.length = 0;
    const result = await run(['update-incident', id, '-s', 'resolved', '-m', 'Fixed.']);
    assertOk(result);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`),
      [`GET ${id}`, 'GET unresolved', 'GET active_maintenance', 'GET scheduled', `PATCH ${id}`],
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        status: 'resolved',
        body: 'Fixed.',
        components: { cmp000000001: 'degraded_performance', cmp000000002: 'operational' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
    assert.equal(status(server, 'cmp000000002'), 'operational');
    assert.equal(status(server, 'cmp000000001'), 'degraded_performance');
    assert.match(result.stdout, /^Resolved incident:\n/);
    assert.match(
      result.stdout,
      new RegExp(`  API: major_outage → degraded_performance \\(still affected by ${other} "Checkout errors"\\)\\n`),
    );

    server.requests.length = 0;
    const again = await run(['update-incident', id, '-s', 'resolved', '-m', 'Fixed again.']);
    assertOk(again);
    assert.equal(again.stderr, `incident ${id} is already resolved; nothing sent\n`);
    assert.deepEqual(server.mutations(), [], 'subscribers are not told twice');
  });
});

test('update-incident -s completed completes a maintenance and restores its components', async () => {
  await withServer(async ({ server, run }) => {
    const window = server.addIncident({ name: 'Upgrade', status: 'in_progress', components: [{ id: 'cmp000000002' }] });
    server.components.find((c) => c.id === 'cmp000000002')!.status = 'under_maintenance';
    const result = await run(['update-incident', window.id, '-s', 'completed']);
    assertOk(result);
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { status: 'completed', components: { cmp000000002: 'operational' }, component_ids: ['cmp000000002'] },
    });
    assert.match(result.stdout, /^Completed maintenance:\nMaintenance ID: /);
    assert.match(result.stdout, /\n {2}Website: under_maintenance → operational\n$/);
  });
});
