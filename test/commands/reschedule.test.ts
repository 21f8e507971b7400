// update-incident --scheduled / --until / --duration: moving a maintenance that has not started.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastSegmentCalls as calls, weeklyDb } from '../support/fixtures.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';
import { runWithIo, serverEnv } from '../support/run-io.js';

test('--scheduled alone moves the window and keeps its length: one GET, then a PATCH of both ends', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const result = await run([
      'update-incident',
      window.id,
      '--scheduled',
      '2030-01-12 02:00',
      '--tz',
      'Europe/Berlin',
    ]);
    assertOk(result);
    assert.deepEqual(calls(server), [`GET ${window.id}`, `PATCH ${window.id}`]);
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { scheduled_for: '2030-01-12T01:00:00.000Z', scheduled_until: '2030-01-12T03:00:00.000Z' },
    });
    const moved = server.incidents.get(window.id);
    assert.ok(moved);
    assert.equal(
      result.stdout,
      [
        'Rescheduled maintenance:',
        `Maintenance ID: ${window.id}`,
        `Created at: ${moved.created_at}`,
        `Updated at: ${moved.updated_at}`,
        'Name: weekly DB',
        'Scheduled for (UTC): 2030-01-12T01:00:00.000Z',
        'Scheduled until (UTC): 2030-01-12T03:00:00.000Z',
        'Status: scheduled',
        'Impact: maintenance',
        `URL: ${moved.shortlink}`,
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
  });
});

test('--duration alone counts from the current start; --until alone moves the end; only the end is sent', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    assertOk(await run(['update-incident', window.id, '--duration', '3h30m', '-q']));
    assertOk(await run(['update-incident', window.id, '--until', '2030-01-10T06:00:00+01:00', '-q']));
    assert.deepEqual(
      server.mutations().map((r) => r.body),
      [
        { incident: { scheduled_until: '2030-01-10T04:30:00.000Z' } },
        { incident: { scheduled_until: '2030-01-10T05:00:00.000Z' } },
      ],
    );
    assert.equal(server.incidents.get(window.id)?.scheduled_for, '2030-01-10T01:00:00.000Z', 'the start stays');
  });
});

test('--scheduled with --until or --duration sets both ends; -m and --title go in the same PATCH', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const moved = await run([
      'update-incident',
      window.id,
      '--scheduled',
      '2030-01-17T01:00:00Z',
      '--duration',
      '90m',
      '-m',
      'Moved to the 17th.',
      '-t',
      'weekly DB (moved)',
      '--json',
    ]);
    assertOk(moved);
    assertOk(
      await run(['update-incident', window.id, '--scheduled', '2030-01-18T01:00:00Z', '--until', '2030-01-18T05:00Z']),
    );
    assert.deepEqual(
      server.mutations().map((r) => r.body),
      [
        {
          incident: {
            name: 'weekly DB (moved)',
            body: 'Moved to the 17th.',
            scheduled_for: '2030-01-17T01:00:00.000Z',
            scheduled_until: '2030-01-17T02:30:00.000Z',
          },
        },
        { incident: { scheduled_for: '2030-01-18T01:00:00.000Z', scheduled_until: '2030-01-18T05:00:00.000Z' } },
      ],
    );
    const json = JSON.parse(moved.stdout) as { scheduled_for: string; scheduled_until: string };
    assert.deepEqual(
      [json.scheduled_for, json.scheduled_until],
      ['2030-01-17T01:00:00.000Z', '2030-01-17T02:30:00.000Z'],
    );
  });
});

test('an incident, or a window that has started or ended, is refused after the read; nothing is written', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Outage', status: 'investigating' });
    assertUsageError(
      await run(['update-incident', incident.id, '--scheduled', '2030-01-12T01:00:00Z']),
      `--scheduled: ${incident.id} "Outage" is an incident, not a maintenance`,
      'schedule-maintenance',
    );
    for (const status of ['in_progress', 'verifying']) {
      const started = weeklyDb(server, status);
      assertUsageError(
        await run(['update-incident', started.id, '--until', '2030-01-10T05:00:00Z']),
        `--until: maintenance ${started.id} "weekly DB" is already ${status}, so its window can no longer be moved`,
        `update-incident ${started.id} -m`,
        `resolve-incident ${started.id}`,
      );
    }
    const done = weeklyDb(server, 'completed');
    assertUsageError(
      await run(['update-incident', done.id, '--duration', '2h']),
      `--duration: maintenance ${done.id} "weekly DB" is already completed; schedule a new window with schedule-maintenance`,
    );
    assert.deepEqual(server.mutations(), []);
    assert.equal(server.requests.length, 4, 'one GET each');
  });
});

test('times are checked before any request; ends that depend on the window right after the read', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const before: Array<[string[], ...string[]]> = [
      [['--duration', '2'], "--duration '2'", 'give a unit'],
      [['--scheduled', '2020-01-01T00:00:00Z'], "--scheduled '2020-01-01T00:00:00Z' is in the past"],
      [['--scheduled', 'someday'], "--scheduled 'someday'", 'ISO 8601', "'in 2h'", "'now'"],
      [['--until', '2030-01-10T05:00'], "--until '2030-01-10T05:00': no zone given"],
      [['--until', '+1h', '--duration', '2h'], '--until and --duration cannot be used together'],
      [['--tz', 'Nowhere/City', '--duration', '2h'], "--tz: 'Nowhere/City' is not a time zone"],
      [['--scheduled', 'in 2h', '-s', 'in_progress'], '--status in_progress cannot be combined with --scheduled'],
      [['--until', '+3h', '-s', 'completed'], '--status completed cannot be combined'],
    ];
    for (const [flags, ...fragments] of before) {
      assertUsageError(await run(['update-incident', window.id, ...flags]), ...fragments);
    }
    assert.equal(server.requests.length, 0);
    assertUsageError(
      await run(['update-incident', window.id, '--until', '2030-01-10T00:30:00Z']),
      "--until '2030-01-10T00:30:00Z' is not after the start (2030-01-10T01:00:00.000Z)",
    );
    assertUsageError(
      await run(['update-incident', window.id, '--scheduled', '9999-12-31T23:00:00Z']),
      "--scheduled '9999-12-31T23:00:00Z' with the window's length (2h) ends after the year 9999",
    );
    assert.deepEqual(server.mutations(), []);
    assertOk(await run(['update-incident', window.id, '--duration', '2h', '-s', 'scheduled', '-q']));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident: { status: 'scheduled', scheduled_until: '2030-01-10T03:00:00.000Z' },
    });
  });
});

test('--dry-run reads the window, then prints the PATCH it would send', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const result = await run(['update-incident', window.id, '--scheduled', '2030-01-12T01:00:00Z', '--dry-run']);
    assertOk(result);
    assert.deepEqual(calls(server), [`GET ${window.id}`]);
    const [requestLine, ...headers] = result.stdout.slice(0, result.stdout.indexOf('\n\n')).split('\n');
    assert.equal(requestLine, `PATCH ${server.url}/pages/${server.pageId}/incidents/${window.id}`);
    assert.ok(headers.includes('Authorization: OAuth ***'), headers.join('\n'));
    assert.deepEqual(JSON.parse(result.stdout.slice(result.stdout.indexOf('\n{') + 1)), {
      incident: { scheduled_for: '2030-01-12T01:00:00.000Z', scheduled_until: '2030-01-12T03:00:00.000Z' },
    });
  });
});

test('a reschedule on a terminal shows the new window in the zone and in UTC', async () => {
  await withServer(async ({ server }) => {
    const window = weeklyDb(server);
    const result = await runWithIo(['update-incident', window.id, '--scheduled', '2030-01-12 02:00'], {
      env: serverEnv(server, { TZ: 'Europe/Berlin', NO_COLOR: '1' }),
      stdoutIsTTY: true,
    });
    assertOk(result);
    assert.match(result.stdout, /^Rescheduled maintenance \(subscribers not notified\):\n/);
    assert.match(result.stdout, /\nScheduled for: Sat 2030-01-12 02:00 CET \(01:00 UTC\)\n/);
    assert.match(result.stdout, /\nScheduled until: Sat 2030-01-12 04:00 CET \(03:00 UTC\)\n/);
  });
});
