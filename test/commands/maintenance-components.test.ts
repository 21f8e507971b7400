// A maintenance moves only what it holds: a window that never opened gives nothing back, one
// that opened now gives back what it put under maintenance (and cannot be moved), one started by
// hand puts its components under maintenance, and an incident that only lists a component does
// not keep another's outage on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';
import type { RunCliResult } from '../support/run-cli.js';

const status = (server: FakeStatuspage, id: string) => server.components.find((c) => c.id === id)?.status;
const writes = (server: FakeStatuspage) => server.requests.filter((r) => r.method !== 'GET');
type Run = (args: string[]) => Promise<RunCliResult>;

/** A window on `components` (a later one with `--scheduled WHEN`); its ID. */
async function scheduleOn(run: Run, title: string, components: string[], ...when: string[]): Promise<string> {
  const scheduled = await run(['schedule-maintenance', '-t', title, '-c', ...components, ...when, '-q']);
  assertOk(scheduled);
  return scheduled.stdout.trim();
}

/** Cancels the window, and checks that the DELETE was its only write. */
async function cancelSendingOnlyTheDelete(server: FakeStatuspage, run: Run, id: string): Promise<void> {
  server.requests.length = 0;
  assertOk(await run(['cancel-maintenance', id, '--yes']));
  assert.deepEqual(
    writes(server).map((r) => r.method),
    ['DELETE'],
  );
}

test('completing a window that never opened sends no component back: an outage set meanwhile stays', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['set-component', 'Database=partial_outage']));
    const id = await scheduleOn(run, 'Later', ['Database'], '--scheduled', 'in 5h');
    server.requests.length = 0;
    const result = await run(['resolve-incident', id, '-m', 'Never mind.']);
    assertOk(result);
    assert.deepEqual(onlyBody(server, 'PATCH'), { incident: { status: 'completed', body: 'Never mind.' } });
    assert.equal(status(server, 'cmp000000003'), 'partial_outage');
    assert.match(result.stdout, /Database: partial_outage \(left as it is: the maintenance did not set it\)/);
  });
});

test('cancelling a later window leaves what it never moved; one opened now keeps its hold', async () => {
  await withServer(async ({ server, run }) => {
    // Under maintenance by hand, then a later window on it: cancelling the window sends no PATCH.
    assertOk(await run(['set-component', 'Website=under_maintenance']));
    await cancelSendingOnlyTheDelete(server, run, await scheduleOn(run, 'Later', ['Website'], '--scheduled', 'in 5h'));
    assert.equal(status(server, 'cmp000000002'), 'under_maintenance');

    // A window opened now holds Database; a second, later one on it is cancelled: Database stays.
    const now = await scheduleOn(run, 'Now', ['Database']);
    await cancelSendingOnlyTheDelete(
      server,
      run,
      await scheduleOn(run, 'Second', ['Database'], '--scheduled', 'in 3h'),
    );
    assert.equal(status(server, 'cmp000000003'), 'under_maintenance');

    // The window that opened now cannot be moved: it would hold Database for three hours more.
    server.requests.length = 0;
    assertUsageError(
      await run(['update-incident', now, '--scheduled', 'in 3h']),
      `--scheduled: maintenance ${now} "Now" has opened and holds Database under maintenance; cancel it with cancel-maintenance ${now}`,
    );
    assert.deepEqual(writes(server), []);
    // Its end can move: the start stays.
    assertOk(await run(['update-incident', now, '--duration', '3h']));
    // Cancelled, it gives Database back.
    assertOk(await run(['cancel-maintenance', now, '--yes']));
    assert.equal(status(server, 'cmp000000003'), 'operational');
  });
});

test('a window whose start passed with nobody starting it holds nothing: resolving an incident there gives green', async () => {
  await withServer(async ({ server, run }) => {
    const past = new Date(Date.now() - 10 * 60_000).toISOString();
    server.addIncident({
      name: 'Unstarted',
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: past,
      scheduled_until: new Date(Date.now() + 60 * 60_000).toISOString(),
      components: [{ id: 'cmp000000002' }],
    });
    const outage = (await run(['create-incident', '-t', 'Down', '-c', 'Website=partial_outage', '-q'])).stdout.trim();
    server.requests.length = 0;
    assertOk(await run(['resolve-incident', outage]));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { status: 'resolved', components: { cmp000000002: 'operational' }, component_ids: ['cmp000000002'] },
    });
  });
});

test('an incident created resolved is not green where another open incident still gives an outage', async () => {
  await withServer(async ({ server, run }) => {
    const open = (await run(['create-incident', '-t', 'Outage', '-c', 'API', '-q'])).stdout.trim();
    server.requests.length = 0;
    const result = await run(['create-incident', '-t', 'Earlier blip', '-s', 'resolved', '-c', 'API', 'Website']);
    assertOk(result);
    const body = onlyBody(server, 'POST') as { incident: Record<string, unknown> };
    assert.deepEqual(body.incident.components, { cmp000000001: 'major_outage', cmp000000002: 'operational' });
    assert.equal(status(server, 'cmp000000001'), 'major_outage');
    assert.match(result.stdout, new RegExp(`still affected by ${open} "Outage"`));
  });
});

test('update-incident -s in_progress on a scheduled window puts its operational components under maintenance', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['set-component', 'Website=major_outage']));
    const id = await scheduleOn(run, 'Upgrade', ['API', 'Website'], '--scheduled', 'in 3h');
    server.requests.length = 0;
    assertOk(await run(['update-incident', id, '-s', 'in_progress', '-m', 'Starting early.']));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        status: 'in_progress',
        body: 'Starting early.',
        components: { cmp000000001: 'under_maintenance' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
    assert.equal(status(server, 'cmp000000001'), 'under_maintenance');
    assert.equal(status(server, 'cmp000000002'), 'major_outage', 'an outage is not hidden under maintenance');

    // Straight to verifying starts it too.
    const other = await scheduleOn(run, 'Other', ['Database'], '--scheduled', 'in 3h');
    assertOk(await run(['update-incident', other, '-s', 'verifying']));
    assert.equal(status(server, 'cmp000000003'), 'under_maintenance');
  });
});

test('an incident that only lists a component does not keep the outage another gave it', async () => {
  await withServer(async ({ server, run }) => {
    const outage = (await run(['create-incident', '-t', 'B', '-c', 'API=major_outage', '-q'])).stdout.trim();
    const other = (await run(['create-incident', '-t', 'A', '-c', 'Website=degraded_performance', '-q'])).stdout.trim();
    assertOk(await run(['update-incident', other, '-c', 'API', '-m', 'Also looking at the API.']));
    server.requests.length = 0;
    assertOk(await run(['resolve-incident', outage, '-m', 'B fixed.']));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: {
        status: 'resolved',
        body: 'B fixed.',
        components: { cmp000000001: 'operational' },
        component_ids: ['cmp000000001'],
      },
    });
    assert.equal(status(server, 'cmp000000001'), 'operational');
    assert.equal(status(server, 'cmp000000002'), 'degraded_performance', 'A still gives Website its status');
  });
});
