// Asking for what is missing, in this process: an incident to update or resolve, a maintenance's
// title and start. A script, CI and --no-input keep the usage error a missing value always was,
// before any request; at a terminal the person is asked, and the answers go through the same
// checks as flags. The real terminal, through tmux, is in test/tmux/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atTerminal } from '../support/at-terminal.js';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

const TERMINAL = { stdin: true, stderr: true } as const;
/** The clock the terminal runs on: "in 2h" is 02:00 exactly. */
const NOW = Date.parse('2030-01-01T00:00:00Z');
const AT_NOW = { now: () => NOW };
const DOWN = '\u001b[B';
const calls = (server: FakeStatuspage) =>
  server.requests.map((r) => `${r.method} ${r.path.replace('/v1/pages/pg0000000001', '')}`);

test('without a terminal, in CI or with --no-input a missing ID or title is the usage error it was; nothing is read', async () => {
  await withServer(async ({ server, run }) => {
    server.addIncident({ name: 'Open one' });
    for (const options of [
      {},
      { tty: TERMINAL, env: { CI: '1' } },
      { tty: TERMINAL, env: { STATUSPAGE_NO_INPUT: '1' } },
    ]) {
      assertUsageError(await run(['update-incident', '-m', 'x'], options), '--incident is required');
      assertUsageError(await run(['resolve-incident'], options), '--incident is required');
      assertUsageError(await run(['schedule-maintenance', '-c', 'API'], options), '--title is required');
    }
    assertUsageError(
      await run(['update-incident', '-m', 'x', '--no-input'], { tty: TERMINAL }),
      '--incident is required',
    );
    assertUsageError(await run(['schedule-maintenance', '--no-input'], { tty: TERMINAL }), '--title is required');
    assert.deepEqual(server.requests, []);
  });
});

test('at a terminal, a bad flag is still an error before anything is asked or read', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['update-incident', '-s', 'fixed'], { tty: TERMINAL }), '--status', "'fixed'");
    assertUsageError(await run(['resolve-incident', '-e', 'outage'], { tty: TERMINAL }), '--event');
    assertUsageError(await run(['schedule-maintenance', '--duration', '2'], { tty: TERMINAL }), '--duration', 'unit');
    assertUsageError(await run(['schedule-maintenance', '-t', 'x', '--until', 'soon'], { tty: TERMINAL }), '--until');
    assert.deepEqual(server.requests, []);
  });
});

test('nothing open to pick from: a usage error that says so, after the lists are read', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['resolve-incident', '-m', 'Fixed.'], { tty: TERMINAL }),
      'no unresolved incident or maintenance in progress to resolve; give its ID as an argument or with --incident',
    );
    assert.deepEqual(calls(server), ['GET /incidents/unresolved', 'GET /incidents/active_maintenance']);
    server.requests.length = 0;
    assertUsageError(
      await run(['update-incident', '--duration', '3h'], { tty: TERMINAL }),
      'no scheduled maintenance to move',
    );
    assert.deepEqual(calls(server), ['GET /incidents/scheduled']);
    assert.deepEqual(server.mutations(), []);
  });
});

test('resolve at a terminal without an ID: the open incidents and maintenance, newest first; the one picked is resolved', async () => {
  await withServer(async ({ server }) => {
    const older = server.addIncident({ name: 'Checkout errors', created_at: '2029-12-31T20:00:00.000Z' });
    const newer = server.addIncident({ name: 'Mail is slow', created_at: '2029-12-31T23:00:00.000Z' });
    server.addIncident({
      name: 'DB upgrade',
      status: 'in_progress',
      scheduled_for: '2029-12-31T23:30:00.000Z',
      scheduled_until: '2030-01-01T02:00:00.000Z',
    });
    const result = await atTerminal(
      server,
      ['resolve-incident', '-m', 'Fixed.', '--yes'],
      [[/Incident or maintenance to resolve/, `${DOWN}${DOWN}\r`]],
      AT_NOW,
    );
    assertOk(result);
    const list = result.stderr;
    const order = ['DB upgrade', 'Mail is slow', 'Checkout errors'].map((name) => list.indexOf(name));
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      `newest first:\n${list}`,
    );
    assert.match(list, new RegExp(`Mail is slow {5}investigating  1h \\(${newer.id}\\)\n`));
    assert.match(list, /Checkout errors {2}investigating {2}4h\n/);
    assert.match(list, /DB upgrade {7}in_progress {4}30m \(inc000000003\)\n/);
    assert.equal(server.incidents.get(older.id)?.status, 'resolved');
    assert.equal(server.incidents.get(newer.id)?.status, 'investigating');
    // The lists stand for the read resolving makes first: no GET of the incident itself (and with
    // no components to restore, no other open incident needs reading).
    assert.deepEqual(calls(server), [
      'GET /incidents/unresolved',
      'GET /incidents/active_maintenance',
      `PATCH /incidents/${older.id}`,
    ]);
  });
});

test('schedule-maintenance at a terminal asks for title, start, length, components and message; the answers are checked as flags', async () => {
  await withServer(async ({ server }) => {
    const result = await atTerminal(
      server,
      ['schedule-maintenance', '--no-notify'],
      [
        [/Title/, '\r'],
        [/must not be empty/, 'DB upgrade\r'],
        [/Start: now, in 2h, \+90m, YYYY-MM-DD HH:MM \(UTC\) or ISO 8601/, 'yesterday\r'],
        [/--scheduled 'yesterday'/, '\u0015in 2h\r'],
        [/Duration/, '\r'],
        [/Components under maintenance/, 'data\t\r'],
        [/Message to subscribers/, 'Upgrading the database.\r'],
        [/Send\? \[y\/N\] /, 'y\n'],
      ],
      AT_NOW,
    );
    assertOk(result);
    const body = onlyBody(server, 'POST') as { incident: Record<string, unknown> };
    assert.deepEqual(body, {
      incident: {
        name: 'DB upgrade',
        status: 'scheduled',
        impact_override: 'maintenance',
        scheduled_for: '2030-01-01T02:00:00.000Z',
        scheduled_until: '2030-01-01T03:00:00.000Z',
        scheduled_remind_prior: false,
        scheduled_auto_in_progress: true,
        auto_transition_to_maintenance_state: true,
        scheduled_auto_completed: false,
        auto_transition_to_operational_state: true,
        deliver_notifications: false,
        body: 'Upgrading the database.',
        component_ids: ['cmp000000003'],
      },
    });
  });
});
