import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Component } from '../../src/api/schemas.js';
import { defaultComponents, makeComponents } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

/** Core (a group of API and Database), CDN Edge, Website; Edge (a group with no components). */
function groupedComponents(): Component[] {
  const components = makeComponents(6);
  const names = ['Core', 'API', 'Database', 'CDN Edge', 'Website', 'Edge'];
  components.forEach((c, i) => {
    c.name = names[i] ?? c.name;
  });
  const [core, api, database, , , edge] = components as Component[] as [
    Component,
    Component,
    Component,
    Component,
    Component,
    Component,
  ];
  core.group = true;
  edge.group = true;
  api.group_id = core.id;
  database.group_id = core.id;
  return components;
}

const sent = (server: { mutations(): { method: string; path: string; body: unknown }[] }) =>
  server.mutations().map((r) => [r.method, r.path.split('/').at(-1), r.body]);

const statuses = (server: { components: Component[] }) =>
  Object.fromEntries(server.components.map((c) => [c.name, c.status]));

test('NAME=STATUS for each: one read of the list, one of the open incidents, one PATCH per component', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run(['set-component', 'API=degraded_performance', 'email delivery=partial_outage']);
    assertOk(result);
    assert.equal(
      result.stdout,
      'API: operational → degraded_performance\nEmail Delivery: operational → partial_outage\n',
    );
    assert.equal(result.stderr, '');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [
        `GET /v1/pages/${server.pageId}/components`,
        `GET /v1/pages/${server.pageId}/incidents/unresolved`,
        `PATCH /v1/pages/${server.pageId}/components/cmp000000001`,
        `PATCH /v1/pages/${server.pageId}/components/cmp000000004`,
      ],
    );
    assert.deepEqual(sent(server), [
      ['PATCH', 'cmp000000001', { component: { status: 'degraded_performance' } }],
      ['PATCH', 'cmp000000004', { component: { status: 'partial_outage' } }],
    ]);
    assert.deepEqual(statuses(server), {
      API: 'degraded_performance',
      Website: 'operational',
      Database: 'operational',
      'Email Delivery': 'partial_outage',
    });
  });
});

test('-s for the names given without a status; a component already there is said so and not sent', async () => {
  const components = defaultComponents('pg0000000001');
  (components[0] as Component).status = 'major_outage';
  await withServer(
    async ({ server, run }) => {
      const result = await run([
        'set-component',
        'API',
        'Website',
        'Database=degraded_performance',
        '-s',
        'operational',
      ]);
      assertOk(result);
      assert.equal(
        result.stdout,
        [
          'API: major_outage → operational',
          'Website: already operational; not changed',
          'Database: operational → degraded_performance',
          '',
        ].join('\n'),
      );
      assert.deepEqual(sent(server), [
        ['PATCH', 'cmp000000001', { component: { status: 'operational' } }],
        ['PATCH', 'cmp000000003', { component: { status: 'degraded_performance' } }],
      ]);
    },
    { components },
  );
});

test('nothing to change: one read, no incident read, no PATCH, exit 0', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run(['set-component', 'API,Website', '-s', 'operational']);
    assertOk(result);
    assert.equal(result.stdout, 'API: already operational; not changed\nWebsite: already operational; not changed\n');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v1/pages/${server.pageId}/components`],
    );
  });
});

test('a group stands for its members: each member is PATCHed, the group never', async () => {
  await withServer(
    async ({ server, run }) => {
      const result = await run([
        'set-component',
        'core=under_maintenance',
        'API=under_maintenance',
        'CDN Edge=major_outage',
      ]);
      assertOk(result);
      assert.equal(
        result.stdout,
        [
          'API: operational → under_maintenance',
          'Database: operational → under_maintenance',
          'CDN Edge: operational → major_outage',
          '',
        ].join('\n'),
      );
      assert.deepEqual(sent(server), [
        ['PATCH', 'cmp000000002', { component: { status: 'under_maintenance' } }],
        ['PATCH', 'cmp000000003', { component: { status: 'under_maintenance' } }],
        ['PATCH', 'cmp000000004', { component: { status: 'major_outage' } }],
      ]);
      assert.equal(statuses(server).Core, 'operational');

      server.requests.length = 0;
      const byId = await run(['set-component', 'cmp000000001', '-s', 'operational', '-q']);
      assertOk(byId);
      assert.equal(byId.stdout, 'cmp000000002\ncmp000000003\n', 'a group given by ID expands too');
    },
    { components: groupedComponents() },
  );
});

test('a component attached to an unresolved incident: a note on stderr names the incident', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({
      name: 'Checkout errors',
      status: 'identified',
      components: [{ id: 'cmp000000001' }, { id: 'cmp000000003' }],
    });
    const other = server.addIncident({ name: 'Slow DB', status: 'monitoring', components: [{ id: 'cmp000000003' }] });
    server.addIncident({ name: 'Old', status: 'resolved', components: [{ id: 'cmp000000002' }] });
    const result = await run(['set-component', 'API', 'Website', 'Database', '-s', 'degraded_performance']);
    assertOk(result);
    assert.equal(
      result.stderr,
      [
        `note: API is attached to ${incident.id} "Checkout errors"; the incident keeps its own record`,
        `note: Database is attached to ${other.id} "Slow DB", ${incident.id} "Checkout errors"; the incidents keep their own records`,
        '',
      ].join('\n'),
    );
    assert.equal(server.mutations().length, 3);
    assert.equal(server.incidents.get(incident.id)?.incident_updates?.length, 1, 'the incident gets no update');
  });
});

test('--json prints the changed components as the API returned them; -q their IDs; "not changed" goes to stderr', async () => {
  await withServer(async ({ server, run }) => {
    const json = await run(['set-component', 'API=major_outage', 'Website=operational', '--json']);
    assertOk(json);
    const parsed = JSON.parse(json.stdout) as Component[];
    assert.equal(parsed.length, 1);
    assert.deepEqual(parsed[0], JSON.parse(JSON.stringify(server.components[0])));
    assert.equal(parsed[0]?.status, 'major_outage');
    assert.equal(json.stderr, 'Website: already operational; not changed\n');

    const quiet = await run(['set-component', 'API', 'Database', '-s', 'major_outage', '-q']);
    assertOk(quiet);
    assert.equal(quiet.stdout, 'cmp000000003\n');
    assert.equal(quiet.stderr, 'API: already major_outage; not changed\n');

    const none = await run(['set-component', 'API=major_outage', '--json']);
    assert.equal(none.stdout, '[]\n');
  });
});

test('--dry-run prints each PATCH and sends none; the reads still happen', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run([
      'set-component',
      'API=partial_outage',
      'Website=operational',
      'Database=major_outage',
      '--dry-run',
    ]);
    assertOk(result);
    const request = (id: string, status: string) =>
      [
        `PATCH ${server.url}/pages/${server.pageId}/components/${id}`,
        'Authorization: OAuth ***',
        'Accept: application/json',
        /^User-Agent: .*$/m.exec(result.stdout)?.[0],
        'Content-Type: application/json',
        '',
        JSON.stringify({ component: { status } }, null, 2),
      ].join('\n');
    assert.equal(
      result.stdout,
      `${request('cmp000000001', 'partial_outage')}\n\n${request('cmp000000003', 'major_outage')}\n`,
    );
    assert.equal(result.stderr, 'Website: already operational; not changed\n');
    assert.deepEqual(server.mutations(), []);
    assert.deepEqual(
      server.requests.map((r) => r.path.split('/').at(-1)),
      ['components', 'unresolved'],
    );

    const json = await run(['set-component', 'API=partial_outage', '--dry-run', '--json']);
    assertOk(json);
    const described = JSON.parse(json.stdout) as { dry_run: boolean; method: string; url: string; body: unknown };
    assert.deepEqual(
      [described.dry_run, described.method, described.body],
      [true, 'PATCH', { component: { status: 'partial_outage' } }],
    );
    assert.deepEqual(server.mutations(), []);
  });
});

test('usage errors send nothing: missing statuses, -s twice over, bad statuses, one component given two', async () => {
  await withServer(
    async ({ server, run }) => {
      assertUsageError(await run(['set-component']), "missing required argument 'NAME[=STATUS]'");
      assertUsageError(await run(['set-component', 'API']), "'API' has no status: give API=STATUS, or -s STATUS");
      assertUsageError(
        await run(['set-component', 'API=major_outage', 'Website', 'CDN Edge=operational']),
        "'Website' has no status",
      );
      assertUsageError(
        await run(['set-component', 'API=major_outage', '-s', 'operational']),
        "-s operational applies to no component: every one named has its own status ('API=major_outage')",
      );
      assertUsageError(
        await run(['set-component', 'API=broken']),
        "status 'broken' of 'API' is not allowed; use one of: operational, degraded_performance",
      );
      assertUsageError(
        await run(['set-component', 'API', '-s', 'down']),
        "--status 'down' is not allowed; use one of:",
      );
      assertUsageError(await run(['set-component', '=operational']), "'=operational' names no component");
      assertUsageError(await run(['set-component', 'API=operational', '--json', '-q']), '--json and --quiet');
      assert.equal(server.requests.length, 0, 'none of these reads anything');

      // Names are checked against the list: one read, then the error, and no PATCH.
      assertUsageError(
        await run(['set-component', 'Databse=operational']),
        "'Databse' is not a component ID or name on this page; did you mean: 'Database' (cmp000000003)",
      );
      assertUsageError(
        await run(['set-component', 'API=major_outage', 'cmp000000002=operational']),
        "'API=major_outage' and 'cmp000000002=operational' both set 'API' (cmp000000002), to major_outage and to operational; give it one status",
      );
      assertUsageError(
        await run(['set-component', 'Core', '-s', 'operational', 'API=major_outage']),
        "'Core' (-s operational, a group) and 'API=major_outage' both set 'API' (cmp000000002)",
      );
      assertUsageError(
        await run(['set-component', 'Edge=operational']),
        "'Edge' (cmp000000006) is a component group with no components",
      );
      assert.deepEqual(server.mutations(), []);
      assert.ok(
        server.requests.every((r) => r.path.endsWith('/components')),
        'only the list was read',
      );
    },
    { components: groupedComponents() },
  );
});

test('a failure part-way says what was changed and what was not sent', async () => {
  await withServer(async ({ server, run }) => {
    // The first PATCH goes through; the second is refused.
    server.injectFault({ method: 'PATCH', kind: 'delay', ms: 0 });
    server.injectFault({ method: 'PATCH', kind: 'respond', response: { status: 422, body: { error: 'Invalid' } } });
    const result = await run(['set-component', 'API', 'Website', 'Database', '-s', 'major_outage']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, 'API: operational → major_outage\n');
    assert.equal(
      result.stderr,
      `error: PATCH /pages/${server.pageId}/components/cmp000000002: HTTP 422 Unprocessable Entity: Invalid; already changed: API (→ major_outage); not sent: Database\n`,
    );
    assert.equal(server.mutations().length, 2);
    assert.deepEqual(statuses(server), {
      API: 'major_outage',
      Website: 'operational',
      Database: 'operational',
      'Email Delivery': 'operational',
    });
  });
});

test('on a terminal: the same lines, statuses coloured', { skip: ttyUnavailable }, async () => {
  await withServer(async ({ server }) => {
    const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
    const result = await runCliInTty(['set-component', 'API=major_outage', 'Website=operational'], env);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /\u001b\[32moperational\u001b\[39m → \u001b\[31mmajor_outage\u001b\[39m/);
    assert.equal(
      result.output.replace(/\u001b\[[0-9;]*m/g, ''),
      'API: operational → major_outage\nWebsite: already operational; not changed\n',
    );
  });
});

test('SIGINT while a PATCH is in flight names the component and status; the rest is not sent', {
  skip: process.platform === 'win32',
}, async () => {
  await withServer(async ({ server, start }) => {
    server.injectFault({ method: 'PATCH', kind: 'delay', ms: 10_000 });
    const cli = start(['set-component', 'API', 'Website', '-s', 'major_outage']);
    for (let i = 0; i < 200 && server.mutations().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(server.mutations().length, 1, 'the first PATCH reached the server');
    cli.child.kill('SIGINT');
    const result = await cli.done;
    assert.equal(result.code, 130);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'interrupted while setting API to major_outage; it may have been applied: statuspage list-components\n',
    );
    assert.equal(server.mutations().length, 1);
  });
});
