// The forms --scheduled and --until take besides ISO 8601 instants: "in 2h" / "+90m" from now,
// and a local "YYYY-MM-DD HH:MM" in --tz or the local zone; and the times a terminal shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatInstant } from '../../src/utils/time.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';
import { clockAt, runWithIo, serverEnv } from '../support/run-io.js';

type Body = { incident: Record<string, unknown> };
const window = (body: unknown) => {
  const { scheduled_for, scheduled_until } = (body as Body).incident;
  return [scheduled_for, scheduled_until];
};
/** The first of December 2026, noon UTC: the day these tests are set on. */
const now = clockAt('2026-12-01T12:00:00Z');

test('--scheduled "2026-12-10 02:00" --tz Europe/Berlin sends 01:00 UTC, and the result shows it', async () => {
  await withServer(async ({ server }) => {
    const args = [
      'schedule-maintenance',
      '-t',
      'weekly DB',
      '--scheduled',
      '2026-12-10 02:00',
      '--tz',
      'Europe/Berlin',
    ];
    const result = await runWithIo([...args, '--duration', '2h'], { env: serverEnv(server), now });
    assertOk(result);
    assert.deepEqual(window(onlyBody(server, 'POST')), ['2026-12-10T01:00:00.000Z', '2026-12-10T03:00:00.000Z']);
    const created = [...server.incidents.values()][0];
    assert.ok(created);
    assert.equal(
      result.stdout,
      [
        'Scheduled maintenance:',
        `Maintenance ID: ${created.id}`,
        `Created at: ${created.created_at}`,
        'Name: weekly DB',
        'Scheduled for (UTC): 2026-12-10T01:00:00.000Z',
        'Scheduled until (UTC): 2026-12-10T03:00:00.000Z',
        'Status: scheduled',
        'Impact: maintenance',
        `URL: ${created.shortlink}`,
        '',
      ].join('\n'),
      'a pipe gets the API’s UTC strings, as before',
    );
    assert.equal(result.stderr, '');
  });
});

test('a local time without --tz is read in $TZ (the local zone); --tz wins over it', async () => {
  await withServer(async ({ server }) => {
    const env = serverEnv(server, { TZ: 'America/New_York' });
    const at = ['--scheduled', '2026-12-10 02:00', '--until', '2026-12-10 03:30', '-q'];
    assertOk(await runWithIo(['schedule-maintenance', '-t', 'A', ...at], { env, now }));
    assertOk(await runWithIo(['schedule-maintenance', '-t', 'B', ...at, '--tz', 'asia/tokyo'], { env, now }));
    const [a, b] = server.mutations().map((r) => window(r.body));
    assert.deepEqual(a, ['2026-12-10T07:00:00.000Z', '2026-12-10T08:30:00.000Z']);
    assert.deepEqual(b, ['2026-12-09T17:00:00.000Z', '2026-12-09T18:30:00.000Z'], 'the zone name in any case');
  });
});

test('"in 2h" and "+90m" count from now, for --scheduled and for --until alike', async () => {
  await withServer(async ({ server }) => {
    const env = serverEnv(server);
    const clock = () => Date.parse('2026-12-01T12:00:00Z');
    assertOk(await runWithIo(['schedule-maintenance', '-t', 'A', '--scheduled', 'in 2h', '-q'], { env, now: clock }));
    assertOk(
      await runWithIo(['schedule-maintenance', '-t', 'B', '--scheduled', '+90m', '--until', 'in 4h', '-q'], {
        env,
        now: clock,
      }),
    );
    const [a, b] = server.mutations().map((r) => window(r.body));
    assert.deepEqual(a, ['2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z'], 'the default hour');
    assert.deepEqual(b, ['2026-12-01T13:30:00.000Z', '2026-12-01T16:00:00.000Z']);
  });
});

test('bad times and zones are usage errors naming the flag, and nothing is sent', async () => {
  await withServer(async ({ server }) => {
    const env = serverEnv(server);
    const run = (...flags: string[]) => runWithIo(['schedule-maintenance', '-t', 'x', ...flags], { env, now });
    const berlin = ['--tz', 'Europe/Berlin'];
    assertUsageError(
      await run('--scheduled', '2026-12-10 02:00', '--tz', 'Mars/Olympus'),
      "--tz: 'Mars/Olympus' is not a time zone; use an IANA name such as Europe/Berlin",
    );
    assertUsageError(await run('--tz', '+02:00'), "--tz: '+02:00' is not a time zone");
    assertUsageError(
      await run('--scheduled', '2027-03-28 02:30', ...berlin),
      "--scheduled '2027-03-28 02:30': no such time in Europe/Berlin: clocks go forward from 02:00 to 03:00",
    );
    assertUsageError(
      await run('--scheduled', '2027-10-31 02:30', ...berlin),
      "--scheduled '2027-10-31 02:30': ambiguous in Europe/Berlin",
      'give the offset: 2027-10-31T02:30+02:00 (CEST) or 2027-10-31T02:30+01:00 (CET)',
    );
    assertUsageError(
      await run('--scheduled', '2026-12-10 02:00', '--until', '2026-12-10 01:30', ...berlin),
      "--until '2026-12-10 01:30' (2026-12-10T00:30:00.000Z) is not after the start (2026-12-10T01:00:00.000Z)",
    );
    assertUsageError(
      await run('--scheduled', '2026-11-30 23:00', ...berlin),
      "--scheduled '2026-11-30 23:00' (2026-11-30T22:00:00.000Z) is in the past (now is 2026-12-01T12:00:",
    );
    assertUsageError(await run('--scheduled', 'in 2'), "--scheduled 'in 2': give a unit: 2h, 90m");
    assertUsageError(
      await run('--scheduled', 'next thursday', ...berlin),
      "--scheduled 'next thursday': expected an ISO 8601 instant with a zone (2030-01-02T03:04:05Z, 2030-01-02T05:04:05+02:00), a local time read in Europe/Berlin ('2030-01-02 03:04'; --tz names another zone), or a time from now ('in 2h', '+90m'), or 'now' (in a minute)",
    );
    assertUsageError(
      await run('--scheduled', 'in 1h', '--until', 'now'),
      "--until 'now': expected an ISO 8601 instant",
    );
    assert.equal(server.requests.length, 0);
  });
});

test('--scheduled now keeps its meaning: a minute from now, the components under maintenance at once', async () => {
  await withServer(async ({ server }) => {
    const clock = () => Date.parse('2026-12-01T12:00:00Z');
    const result = await runWithIo(['schedule-maintenance', '-t', 'Now', '--scheduled', 'now', '-c', 'API', '-q'], {
      env: serverEnv(server),
      now: clock,
    });
    assertOk(result);
    const body = onlyBody(server, 'POST') as Body;
    assert.deepEqual(window(body), ['2026-12-01T12:01:00.000Z', '2026-12-01T13:01:00.000Z']);
    assert.deepEqual(body.incident.components, { cmp000000001: 'under_maintenance' });
  });
});

test('on a terminal the result shows each time in the zone (--tz, else local) with UTC beside it', async () => {
  await withServer(async ({ server }) => {
    const args = ['schedule-maintenance', '-t', 'weekly DB', '--scheduled', '2026-12-10 02:00', '--duration', '2h'];
    const tty = { stdoutIsTTY: true, now };
    const local = await runWithIo(args, { ...tty, env: serverEnv(server, { TZ: 'Europe/Berlin', NO_COLOR: '1' }) });
    assertOk(local);
    const created = [...server.incidents.values()][0];
    assert.ok(created?.created_at);
    assert.equal(
      local.stdout,
      [
        'Scheduled maintenance (subscribers notified):',
        `Maintenance ID: ${created.id}`,
        `Created at: ${formatInstant(created.created_at, 'Europe/Berlin')}`,
        'Name: weekly DB',
        'Scheduled for: Thu 2026-12-10 02:00 CET (01:00 UTC)',
        'Scheduled until: Thu 2026-12-10 04:00 CET (03:00 UTC)',
        'Status: scheduled',
        'Impact: maintenance',
        `URL: ${created.shortlink}`,
        '',
      ].join('\n'),
    );
    const elsewhere = await runWithIo([...args, '--tz', 'America/New_York'], {
      ...tty,
      env: serverEnv(server, { TZ: 'Europe/Berlin', NO_COLOR: '1' }),
    });
    assertOk(elsewhere);
    assert.match(elsewhere.stdout, /\nScheduled for: Thu 2026-12-10 02:00 EST \(07:00 UTC\)\n/);
    assert.match(elsewhere.stdout, /\nScheduled until: Thu 2026-12-10 04:00 EST \(09:00 UTC\)\n/);
  });
});
