import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Component } from '../../src/api/schemas.js';
import { formatInstant } from '../../src/utils/time.js';
import { defaultComponents, makeComponents } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An instant `offsetMs` from now, on a whole minute, so the formatted time is exact. */
const fromNow = (offsetMs: number) => new Date(Math.floor((Date.now() + offsetMs) / MINUTE) * MINUTE).toISOString();
const utc = (iso: string) => formatInstant(iso, 'UTC');

/** Core (a group: API, Database), CDN Edge, Website. */
function groupedComponents(): Component[] {
  const components = makeComponents(5);
  const names = ['Core', 'API', 'Database', 'CDN Edge', 'Website'];
  components.forEach((c, i) => {
    c.name = names[i] ?? c.name;
  });
  const [core, api, database] = components as [Component, Component, Component];
  core.group = true;
  api.group_id = core.id;
  database.group_id = core.id;
  return components;
}

const READS = (pageId: string) => [
  `GET /v1/pages/${pageId} {}`,
  `GET /v1/pages/${pageId}/components {"page":"1","per_page":"100"}`,
  `GET /v1/pages/${pageId}/incidents/unresolved {"page":"1","per_page":"100"}`,
  `GET /v1/pages/${pageId}/incidents/active_maintenance {"page":"1","per_page":"100"}`,
  `GET /v1/pages/${pageId}/incidents/scheduled {"page":"1","per_page":"100"}`,
];

test('all clear: one line per section, five reads, exit 0 with and without --exit-status', async () => {
  await withServer(async ({ server, run }) => {
    server.addIncident({ name: 'Old news', status: 'resolved' });
    const result = await run(['status']);
    assertOk(result);
    assert.equal(
      result.stdout,
      [
        'Fake Status (pg0000000001)',
        '',
        'All 4 components operational',
        '',
        'No open incidents',
        '',
        'No maintenance in progress',
        '',
        'No maintenance in the next 7 days',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)}`),
      READS(server.pageId),
    );
    const strict = await run(['status', '--exit-status']);
    assertOk(strict);
    assert.equal(strict.stderr, '');
    assert.deepEqual(server.mutations(), []);
  });
});

test('what is broken: components not operational (groups named, not counted), incidents with age, maintenance', async () => {
  await withServer(
    async ({ server, run }) => {
      const [, api, , cdn] = server.components as [Component, Component, Component, Component];
      api.status = 'degraded_performance';
      api.updated_at = '2026-12-10T01:00:00.000Z';
      cdn.status = 'under_maintenance';
      cdn.updated_at = '2026-12-10T00:30:00.000Z';
      const incident = server.addIncident({
        name: 'Checkout errors',
        status: 'identified',
        impact: 'major',
        created_at: new Date(Date.now() - (2 * HOUR + 5 * MINUTE + 30_000)).toISOString(),
        components: [{ id: api.id }, { id: 'cmp000000005' }],
      });
      const ends = fromNow(HOUR);
      const active = server.addIncident({
        name: 'Edge migration',
        status: 'in_progress',
        scheduled_for: fromNow(-HOUR),
        scheduled_until: ends,
        components: [{ id: cdn.id }],
      });
      const [soon, later] = [fromNow(DAY), fromNow(6 * DAY)];
      const upcoming = server.addIncident({
        name: 'DB upgrade',
        status: 'scheduled',
        scheduled_for: later,
        scheduled_until: fromNow(6 * DAY + HOUR),
        components: [{ id: 'cmp000000003' }],
      });
      const sooner = server.addIncident({ name: 'Kernel patch', status: 'scheduled', scheduled_for: soon });
      server.addIncident({ name: 'Next month', status: 'scheduled', scheduled_for: fromNow(8 * DAY) });
      server.addIncident({ name: 'Done', status: 'resolved' });

      const result = await run(['status']);
      assertOk(result);
      assert.equal(
        result.stdout,
        [
          'Fake Status (pg0000000001)',
          '',
          '2 of 4 components not operational:',
          '  NAME      STATUS                GROUP  SINCE',
          '  API       degraded_performance  Core   Thu 2026-12-10 01:00 UTC',
          '  CDN Edge  under_maintenance            Thu 2026-12-10 00:30 UTC',
          '',
          '1 open incident:',
          '  ID            NAME             STATUS      IMPACT  AGE    COMPONENTS',
          `  ${incident.id}  Checkout errors  identified  major   2h 5m  API, Website`,
          '',
          '1 maintenance window in progress:',
          `  ID            NAME            STATUS       ENDS${' '.repeat(utc(ends).length - 4)}  COMPONENTS`,
          `  ${active.id}  Edge migration  in_progress  ${utc(ends)}  CDN Edge`,
          '',
          '2 maintenance windows in the next 7 days:',
          `  ID            NAME          STARTS${' '.repeat(utc(soon).length - 6)}  ENDS${' '.repeat(utc(later).length - 4)}  COMPONENTS`,
          `  ${sooner.id}  Kernel patch  ${utc(soon)}${' '.repeat(utc(later).length + 2)}`,
          `  ${upcoming.id}  DB upgrade    ${utc(later)}  ${utc(fromNow(6 * DAY + HOUR))}  Database`,
          '',
        ]
          .map((line) => line.trimEnd())
          .join('\n'),
      );
      assert.equal(result.stderr, '');

      const strict = await run(['status', '--exit-status']);
      assert.equal(strict.code, 1);
      assert.equal(strict.stdout, result.stdout, 'the same report, then the verdict');
      assert.equal(
        strict.stderr,
        'not all clear: 2 components not operational, 1 incident open, 1 maintenance window in progress\n',
      );
      assert.deepEqual(server.mutations(), []);
    },
    { components: groupedComponents() },
  );
});

test('--json: the API objects, every component included; upcoming soonest first, overdue ones too', async () => {
  await withServer(
    async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Slow', status: 'monitoring' });
      const overdue = server.addIncident({ name: 'Missed', status: 'scheduled', scheduled_for: fromNow(-HOUR) });
      const soon = server.addIncident({ name: 'Soon', status: 'scheduled', scheduled_for: fromNow(2 * DAY) });
      server.addIncident({ name: 'Later', status: 'scheduled', scheduled_for: fromNow(10 * DAY) });
      const result = await run(['status', '--json']);
      assertOk(result);
      const parsed = JSON.parse(result.stdout) as Record<string, unknown> & {
        page: { id: string; name: string };
        components: Component[];
        incidents: { id: string }[];
        maintenances: { active: unknown[]; upcoming: { id: string }[] };
      };
      assert.deepEqual(Object.keys(parsed), ['page', 'components', 'incidents', 'maintenances']);
      assert.equal(parsed.page.name, 'Fake Status');
      assert.deepEqual(
        parsed.components.map((c) => [c.name, c.status]),
        [
          ['Core', 'operational'],
          ['API', 'operational'],
          ['Database', 'operational'],
          ['CDN Edge', 'operational'],
          ['Website', 'operational'],
        ],
      );
      assert.deepEqual(parsed.components[1], JSON.parse(JSON.stringify(server.components[1])), 'as the API gave it');
      assert.deepEqual(
        parsed.incidents.map((i) => i.id),
        [incident.id],
      );
      assert.deepEqual(parsed.maintenances.active, []);
      assert.deepEqual(
        parsed.maintenances.upcoming.map((i) => i.id),
        [overdue.id, soon.id],
      );

      const text = await run(['status']);
      assert.match(
        text.stdout,
        new RegExp(`\\n {2}${overdue.id} {2}Missed {2}${utc(fromNow(-HOUR))} \\(overdue\\)\\n`),
      );

      const strict = await run(['status', '--json', '--exit-status']);
      assert.equal(strict.code, 1);
      assert.deepEqual(JSON.parse(strict.stdout), parsed, 'stdout stays one JSON document');
      assert.equal(strict.stderr, 'not all clear: 1 incident open\n');
    },
    { components: groupedComponents() },
  );
});

test('every page of components is read, and a group alone does not count as broken', async () => {
  const components = makeComponents(150);
  const group = components[0] as Component;
  group.group = true;
  group.status = 'major_outage';
  await withServer(
    async ({ server, run }) => {
      const result = await run(['status', '--exit-status']);
      assertOk(result);
      assert.match(result.stdout, /\nAll 149 components operational\n/);
      assert.deepEqual(
        server.requests.filter((r) => r.path.endsWith('/components')).map((r) => r.query.page),
        ['1', '2'],
      );
      assert.equal(server.requests.length, 6);
    },
    { components },
  );
});

test('bad flags are usage errors before any request; a page that cannot be read exits as any command', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['status', '--dry-run']), "unknown option '--dry-run'");
    assertUsageError(await run(['status', '--timeout', '0']), '--timeout', "'0'");
    assert.equal(server.requests.length, 0);
    const missing = await run(['status', '-p', 'nosuchpage00', '--exit-status']);
    assert.equal(missing.code, 5, missing.stderr);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^error: GET \/pages\/nosuchpage00: HTTP 404/);
  });
});

test('on a terminal: colour, and times in the reader’s zone', { skip: ttyUnavailable }, async () => {
  const components = defaultComponents('pg0000000001');
  const api = components[0] as Component;
  api.status = 'major_outage';
  api.updated_at = '2026-12-10T01:00:00.000Z';
  await withServer(
    async ({ server }) => {
      const env = {
        STATUSPAGE_API_URL: server.url,
        STATUSPAGE_TOKEN: server.token,
        STATUSPAGE_PAGE_ID: server.pageId,
        TZ: 'Europe/Berlin',
      };
      const result = await runCliInTty(['status'], env);
      assert.equal(result.code, 0, result.output);
      assert.match(result.output, /\u001b\[31mmajor_outage\u001b\[39m/);
      const plain = result.output.replace(/\u001b\[[0-9;]*m/g, '');
      assert.match(plain, /^Fake Status \(pg0000000001\)\n\n1 of 4 components not operational:\n/);
      assert.match(plain, /\n {2}API {3}major_outage {9}Thu 2026-12-10 02:00 CET \(01:00 UTC\)\n/);
    },
    { components },
  );
});
