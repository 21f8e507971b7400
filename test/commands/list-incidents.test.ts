import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Incident } from '../../src/api/schemas.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

const at = (minutes: number) => new Date(Date.UTC(2030, 0, 2, 3, minutes)).toISOString();

test('by default: unresolved incidents, newest first, as tab-separated lines in a pipe', async () => {
  await withServer(async ({ server, run }) => {
    const older = server.addIncident({ name: 'Slow API', status: 'identified', impact: 'minor', created_at: at(1) });
    const newer = server.addIncident({
      name: 'Logins fail',
      status: 'investigating',
      impact: 'critical',
      created_at: at(2),
    });
    server.addIncident({ name: 'Old news', status: 'resolved', created_at: at(3) });
    server.addIncident({ name: 'Window', status: 'scheduled', scheduled_for: at(60), created_at: at(4) });
    const result = await run(['list-incidents']);
    assertOk(result);
    assert.equal(
      result.stdout,
      [
        `${newer.id}\tLogins fail\tinvestigating\tcritical\t2030-01-02 03:02\t${newer.shortlink}\t`,
        `${older.id}\tSlow API\tidentified\tminor\t2030-01-02 03:01\t${older.shortlink}\t`,
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
    assert.deepEqual(
      server.requests.map((r) => `${r.path} ${JSON.stringify(r.query)}`),
      [`/v1/pages/${server.pageId}/incidents/unresolved {"page":"1","per_page":"100"}`],
    );
  });
});

test('the components each incident lists come last, by name: the columns before them keep their places', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({
      name: 'Mail and API',
      status: 'identified',
      impact: 'major',
      created_at: at(5),
      components: [{ id: 'cmp000000004' }, { id: 'cmp000000001' }],
    });
    const maintenance = server.addIncident({
      name: 'DB upgrade',
      status: 'scheduled',
      scheduled_for: at(60),
      created_at: at(6),
      components: [{ id: 'cmp000000003' }],
    });
    const open = await run(['list-incidents']);
    assertOk(open);
    assert.equal(
      open.stdout,
      `${incident.id}\tMail and API\tidentified\tmajor\t2030-01-02 03:05\t${incident.shortlink}\tEmail Delivery, API\n`,
    );
    const scheduled = await run(['list-incidents', '--scheduled']);
    assertOk(scheduled);
    assert.deepEqual(scheduled.stdout.trimEnd().split('\t'), [
      maintenance.id,
      'DB upgrade',
      'scheduled',
      'maintenance',
      '2030-01-02 04:00',
      '2030-01-02 03:06',
      maintenance.shortlink,
      'Database',
    ]);
  });
});

test('--scheduled and --active-maintenance read their own lists and show the start', async () => {
  await withServer(async ({ server, run }) => {
    const later = server.addIncident({ name: 'DB upgrade', status: 'scheduled', scheduled_for: at(120) });
    const sooner = server.addIncident({ name: 'Kernel patch', status: 'scheduled', scheduled_for: at(60) });
    const running = server.addIncident({ name: 'Migration', status: 'in_progress', scheduled_for: at(0) });
    server.addIncident({ name: 'Outage', status: 'investigating' });

    const scheduled = await run(['incidents', '--scheduled', '-q']);
    assertOk(scheduled);
    assert.equal(scheduled.stdout, `${sooner.id}\n${later.id}\n`);

    const active = await run(['list-incidents', '--active-maintenance']);
    assertOk(active);
    const [line, ...rest] = active.stdout.split('\n');
    assert.deepEqual(rest, ['']);
    assert.deepEqual(line?.split('\t').slice(0, 5), [
      running.id,
      'Migration',
      'in_progress',
      'maintenance',
      '2030-01-02 03:00',
    ]);
    assert.deepEqual(
      server.requests.map((r) => r.path.split('/').at(-1)),
      ['scheduled', 'active_maintenance'],
    );
  });
});

test('--all pages through every incident up to --limit (default 25), asking for no more than it shows', async () => {
  await withServer(async ({ server, run }) => {
    const created: Incident[] = [];
    for (let i = 0; i < 230; i++) {
      created.push(
        server.addIncident({ name: `Incident ${i}`, status: i % 2 ? 'resolved' : 'completed', created_at: at(i) }),
      );
    }
    const newestFirst = created.map((i) => i.id).reverse();

    const byDefault = await run(['list-incidents', '--all', '-q']);
    assertOk(byDefault);
    assert.deepEqual(byDefault.stdout.trimEnd().split('\n'), newestFirst.slice(0, 25));
    assert.deepEqual(
      server.requests.map((r) => r.query),
      [{ limit: '25', page: '1' }],
    );

    server.requests.length = 0;
    const many = await run(['list-incidents', '--all', '--limit', '210', '--json']);
    assertOk(many);
    const parsed = JSON.parse(many.stdout) as Incident[];
    assert.deepEqual(
      parsed.map((i) => i.id),
      newestFirst.slice(0, 210),
    );
    assert.deepEqual(
      server.requests.map((r) => r.query),
      [
        { limit: '100', page: '1' },
        { limit: '100', page: '2' },
        { limit: '100', page: '3' },
      ],
    );

    server.requests.length = 0;
    const everything = await run(['list-incidents', '--all', '--limit', '1000', '-q']);
    assertOk(everything);
    assert.equal(everything.stdout.trimEnd().split('\n').length, 230);
    assert.equal(server.requests.length, 3, 'a short page ends the list');
  });
});

test('--limit caps the other lists too; nothing to list prints nothing, or [] with --json', async () => {
  await withServer(async ({ server, run }) => {
    for (let i = 0; i < 3; i++) server.addIncident({ name: `Open ${i}`, status: 'monitoring', created_at: at(i) });
    const capped = await run(['list-incidents', '--limit', '2', '-q']);
    assertOk(capped);
    assert.equal(capped.stdout.trimEnd().split('\n').length, 2);

    const none = await run(['list-incidents', '--active-maintenance']);
    assertOk(none);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, '');
    assert.deepEqual(JSON.parse((await run(['list-incidents', '--scheduled', '--json'])).stdout), []);
  });
});

test('conflicting or bad flags are usage errors before any request', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['list-incidents', '--all', '--scheduled']),
      '--scheduled and --all',
      'cannot be used together',
    );
    assertUsageError(
      await run(['list-incidents', '--active-maintenance', '--scheduled']),
      '--scheduled and --active-maintenance',
    );
    assertUsageError(await run(['list-incidents', '--all', '--limit', '0']), '--limit', "'0'", '1 to 1000');
    assertUsageError(await run(['list-incidents', '--limit', 'lots']), '--limit', "'lots'", 'whole number');
    assertUsageError(await run(['list-incidents', '--limit', '1001']), '--limit', "'1001'", 'at most 1000');
    assertUsageError(await run(['list-incidents', '--limit', '']), '--limit', "''", 'whole number');
    assertUsageError(await run(['list-incidents', '--dry-run']), "unknown option '--dry-run'");
    assert.equal(server.requests.length, 0);
  });
});

test('on a terminal: a table with headers, times in the local zone and UTC; an empty list says so on stderr', {
  skip: ttyUnavailable,
}, async () => {
  await withServer(async ({ server }) => {
    const env = {
      STATUSPAGE_API_URL: server.url,
      STATUSPAGE_TOKEN: server.token,
      STATUSPAGE_PAGE_ID: server.pageId,
      TZ: 'Europe/Berlin',
    };
    const empty = await runCliInTty(['list-incidents', '--no-color'], env);
    assert.equal(empty.code, 0, empty.output);
    assert.equal(empty.output, 'No unresolved incidents.\n');

    const incident = server.addIncident({
      name: 'Logins fail',
      status: 'investigating',
      impact: 'critical',
      created_at: at(2),
      components: [{ id: 'cmp000000001' }, { id: 'cmp000000004' }],
    });
    const table = await runCliInTty(['list-incidents'], env);
    assert.equal(table.code, 0, table.output);
    assert.match(table.output, /\u001b\[31minvestigating\u001b\[39m/, 'status coloured on a terminal');
    assert.equal(
      table.output.replace(/\u001b\[[0-9;]*m/g, ''),
      [
        'ID            NAME         STATUS         IMPACT    CREATED                               SHORTLINK                COMPONENTS',
        `${incident.id}  Logins fail  investigating  critical  Wed 2030-01-02 04:02 CET (03:02 UTC)  ${incident.shortlink}  API, Email Delivery`,
        '',
      ].join('\n'),
    );
  });
});
