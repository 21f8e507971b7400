import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

type Body = { incident: Record<string, unknown> };

test('the documented maintenance example runs verbatim: starts in a minute, lasts an hour', async () => {
  await withServer(async ({ server, runBare }) => {
    const before = Date.now();
    const result = await runBare([
      'schedule-maintenance',
      `--token=${server.token}`,
      `--page=${server.pageId}`,
      '--components=cmp000000001',
      '-t',
      'weekly maintenance',
      '--message=Jenkins will be under maintenance',
    ]);
    const after = Date.now();
    assertOk(result);
    const body = onlyBody(server, 'POST') as Body;
    const { scheduled_for, scheduled_until, ...rest } = body.incident;
    assert.deepEqual(rest, {
      name: 'weekly maintenance',
      status: 'scheduled',
      impact_override: 'maintenance',
      scheduled_remind_prior: true,
      scheduled_auto_in_progress: true,
      auto_transition_to_maintenance_state: true,
      scheduled_auto_completed: false,
      auto_transition_to_operational_state: true,
      deliver_notifications: true,
      body: 'Jenkins will be under maintenance',
      components: { cmp000000001: 'under_maintenance' },
      component_ids: ['cmp000000001'],
    });
    const start = Date.parse(String(scheduled_for));
    assert.ok(start >= before + 60_000 && start <= after + 60_000, 'now means one minute from now');
    assert.equal(Date.parse(String(scheduled_until)) - start, 3_600_000, 'default length is one hour');
    const created = [...server.incidents.values()][0];
    assert.ok(created);
    assert.equal(
      result.stdout,
      [
        'Scheduled maintenance:',
        `Maintenance ID: ${created.id}`,
        `Created at: ${created.created_at}`,
        'Name: weekly maintenance',
        `Scheduled for (UTC): ${created.scheduled_for}`,
        `Scheduled until (UTC): ${created.scheduled_until}`,
        'Status: scheduled',
        'Impact: maintenance',
        `URL: ${created.shortlink}`,
        'Components:',
        '  API: operational → under_maintenance',
        '',
      ].join('\n'),
    );
  });
});

test('--scheduled takes ISO 8601 instants with Z, fractions or offsets; --until and --duration set the end', async () => {
  await withServer(async ({ server, run }) => {
    const cases: Array<[string[], string, string]> = [
      [['--scheduled', '2030-01-02T03:04:05Z'], '2030-01-02T03:04:05.000Z', '2030-01-02T04:04:05.000Z'],
      [
        ['--scheduled', '2030-01-02T03:04:05.250Z', '--duration', '90m'],
        '2030-01-02T03:04:05.250Z',
        '2030-01-02T04:34:05.250Z',
      ],
      [
        ['--scheduled', '2030-01-02T05:04:05+02:00', '--until', '2030-01-02T06:00:00Z'],
        '2030-01-02T03:04:05.000Z',
        '2030-01-02T06:00:00.000Z',
      ],
      [
        ['--scheduled', '2030-01-02T03:04:05-0530', '--duration', '2h'],
        '2030-01-02T08:34:05.000Z',
        '2030-01-02T10:34:05.000Z',
      ],
      [
        ['--scheduled', '2030-01-02T03:04:05Z', '--duration', '1h30m'],
        '2030-01-02T03:04:05.000Z',
        '2030-01-02T04:34:05.000Z',
      ],
    ];
    for (const [flags, start, end] of cases) {
      assertOk(await run(['schedule-maintenance', '-t', 'Window', ...flags]));
      const body = server.requests.at(-1)?.body as Body;
      assert.equal(body.incident.scheduled_for, start, flags.join(' '));
      assert.equal(body.incident.scheduled_until, end, flags.join(' '));
    }
  });
});

test('the boolean flags map to the API fields', async () => {
  await withServer(async ({ server, run }) => {
    const at = ['--scheduled', '2030-01-02T03:04:05Z'];
    assertOk(
      await run([
        'schedule-maintenance',
        '-t',
        'A',
        ...at,
        '--no-remind',
        '--no-auto-start',
        '--auto-complete',
        '--no-notify',
      ]),
    );
    assertOk(await run(['schedule-maintenance', '-t', 'B', ...at, '--no-auto-complete']));
    const [a, b] = server.mutations().map((r) => (r.body as Body).incident);
    assert.deepEqual(
      {
        remind: a?.scheduled_remind_prior,
        inProgress: a?.scheduled_auto_in_progress,
        maintenanceState: a?.auto_transition_to_maintenance_state,
        completed: a?.scheduled_auto_completed,
        operational: a?.auto_transition_to_operational_state,
        notify: a?.deliver_notifications,
      },
      { remind: false, inProgress: false, maintenanceState: false, completed: true, operational: true, notify: false },
    );
    assert.equal(b?.scheduled_auto_completed, false);
    assert.equal(b?.auto_transition_to_operational_state, false);
    assert.equal(b?.scheduled_remind_prior, true, 'a notified window reminds by default');
    // A reminder is a notification: --no-notify turns it off, and --remind beside it is refused.
    assertOk(await run(['schedule-maintenance', '-t', 'C', ...at, '--no-notify']));
    const c = (server.mutations().at(-1)?.body as Body | undefined)?.incident;
    assert.equal(c?.scheduled_remind_prior, false);
    assert.equal(c?.deliver_notifications, false);
    const sent = server.mutations().length;
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'D', ...at, '--no-notify', '--remind']),
      '--remind and --no-notify',
    );
    assert.equal(server.mutations().length, sent);
  });
});

test('bad windows are usage errors and send nothing', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--scheduled', '2020-01-01T00:00:00Z']),
      '--scheduled',
      'in the past',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--scheduled', 'tomorrow']),
      '--scheduled',
      "'tomorrow'",
      'ISO 8601',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--scheduled', '2030-01-02T03:04:05']),
      '--scheduled',
      'zone',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--scheduled', '2030-02-30T03:04:05Z']),
      '--scheduled',
    );
    assertUsageError(
      await run([
        'schedule-maintenance',
        '-t',
        'x',
        '--scheduled',
        '2030-01-02T03:04:05Z',
        '--until',
        '2030-01-02T03:00:00Z',
      ]),
      '--until',
      'not after the start',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--duration', 'forever']),
      '--duration',
      "'forever'",
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--duration', '1h', '--until', '2030-01-02T03:00:00Z']),
      '--until',
      '--duration',
    );
    assertUsageError(await run(['schedule-maintenance', '-c', 'cmp000000001']), '--title', 'required');
    assert.equal(server.requests.length, 0);
  });
});

test('a later window names its components without changing them until it opens', async () => {
  await withServer(async ({ server, run }) => {
    const api = server.components.find((c) => c.id === 'cmp000000001');
    assert.ok(api);
    api.status = 'major_outage';
    const at = ['--scheduled', '2030-01-02T03:04:05Z'];
    assertOk(await run(['schedule-maintenance', '-t', 'Later', ...at, '-c', 'cmp000000001', 'cmp000000002']));
    const body = onlyBody(server, 'POST') as Body;
    assert.equal(body.incident.components, undefined, 'no status is set before the window opens');
    assert.deepEqual(body.incident.component_ids, ['cmp000000001', 'cmp000000002']);
    assert.equal(body.incident.auto_transition_to_maintenance_state, true, 'auto-start marks them at the start');
    assert.equal(
      server.components.find((c) => c.id === 'cmp000000001')?.status,
      'major_outage',
      'the outage stays visible',
    );
  });
});

test('-c NAME=STATUS: only under_maintenance, and only for a window that opens now; nothing is sent otherwise', async () => {
  await withServer(async ({ server, run }) => {
    const later = ['--scheduled', '2030-01-02T03:04:05Z'];
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'Later', ...later, '-c', 'Website=under_maintenance']),
      "--components 'Website=under_maintenance'",
      'the window opens at 2030-01-02T03:04:05.000Z',
      "leave out '=under_maintenance'",
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'Now', '-c', 'Website=major_outage']),
      "--components 'Website=major_outage'",
      'under_maintenance only',
    );
    assert.equal(server.requests.length, 0, 'refused before the component names are even looked up');
    assertOk(await run(['schedule-maintenance', '-t', 'Now', '-c', 'Website=under_maintenance', '-q']));
    assert.deepEqual((onlyBody(server, 'POST') as Body).incident.components, { cmp000000002: 'under_maintenance' });
  });
});

test('--duration needs a unit, and the window must end by the year 9999: readable usage errors', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--duration', '2']),
      "--duration '2'",
      'give a unit: 2h, 90m',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--duration', '0']),
      "--duration '0'",
      'give a unit',
    );
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--duration', '0h']),
      "--duration '0h'",
      'longer than 0',
    );
    for (const huge of ['100000000d', '99999999999999999999h']) {
      const result = await run(['schedule-maintenance', '-t', 'x', '--duration', huge]);
      assertUsageError(result, `--duration '${huge}'`);
      assert.doesNotMatch(result.stderr, /undefined|unexpected/);
    }
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'x', '--scheduled', '9999-12-31T23:30:00Z', '--duration', '2h']),
      "--duration '2h' ends after the year 9999",
    );
    assertUsageError(
      await run([
        'schedule-maintenance',
        '-t',
        'x',
        '--scheduled',
        '2030-01-02T03:04:05Z',
        '--duration',
        '1d',
        '--until',
        '2030-01-03T00:00:00Z',
      ]),
      '--until and --duration cannot be used together',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('a window that opens now refuses a component showing an outage, which it would hide and then turn green; ID=under_maintenance says it is meant', async () => {
  await withServer(async ({ server, run }) => {
    const api = server.components.find((c) => c.id === 'cmp000000001');
    assert.ok(api);
    api.status = 'major_outage';
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'Fix now', '-c', 'cmp000000001', 'Website', '-q']),
      '--components: API (cmp000000001) shows major_outage: a window that opens now would hide that under maintenance, then set it operational when it ends; give -c cmp000000001=under_maintenance cmp000000002 to do so anyway, or leave it out',
    );
    assert.deepEqual(server.mutations(), []);
    const reads = server.requests.filter((r) => r.method === 'GET').map((r) => r.path.replace(/^.*\//, ''));
    assert.deepEqual(reads, ['components'], 'one read serves the statuses and the name');
    assertOk(await run(['schedule-maintenance', '-t', 'Website now', '-c', 'Website', '-q']));
    assert.deepEqual((onlyBody(server, 'POST') as Body).incident.components, { cmp000000002: 'under_maintenance' });
    assertOk(await run(['schedule-maintenance', '-t', 'Anyway', '-c', 'cmp000000001=under_maintenance', '-q']));
    assert.equal(api.status, 'under_maintenance');
  });
});

test('a window opening within the hour is checked too, and a group given by its ID stands for its components', async () => {
  await withServer(async ({ server, run }) => {
    const [group, database] = [server.components[3], server.components[2]];
    assert.ok(group && database);
    Object.assign(group, { name: 'Core', group: true });
    Object.assign(database, { status: 'partial_outage', group_id: group.id });
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'Soon', '-c', 'cmp000000003', '--scheduled', 'in 30m', '-q']),
      'Database (cmp000000003) shows partial_outage: the window would put it under maintenance when it opens',
      'leave it out, give --no-auto-start and start the window by hand, or schedule it once it is operational',
    );
    // A window that does not start itself moves nothing when it opens.
    assertOk(
      await run([
        'schedule-maintenance',
        '-t',
        'By hand',
        '-c',
        'cmp000000003',
        '--scheduled',
        'in 30m',
        '--no-auto-start',
        '--dry-run',
      ]),
    );
    // The advice keeps the whole list: -c replaces a group's (or a template's) components.
    assertUsageError(
      await run(['schedule-maintenance', '-t', 'Now', '-c', group.id, 'API', '-q']),
      'Database (cmp000000003) shows partial_outage',
      'give -c cmp000000003=under_maintenance cmp000000001 to do so anyway',
    );
    assert.deepEqual(server.mutations(), []);
    // Planned work further out is named as it is, in one request.
    server.requests.length = 0;
    assertOk(await run(['schedule-maintenance', '-t', 'Later', '-c', 'cmp000000003', '--scheduled', 'in 3h', '-q']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['POST'],
    );
  });
});
