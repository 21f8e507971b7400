// -c takes component names as well as IDs: one read of the component list per command,
// exact case-insensitive matches only, and a usage error (nothing sent) for anything unclear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultComponents, makeComponents } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

const componentListReads = (requests: Array<{ method: string; path: string; query: Record<string, string> }>) =>
  requests.filter((r) => r.method === 'GET' && r.path.endsWith('/components')).map((r) => r.query.page);

test('names resolve exactly and case-insensitively, mixed with IDs and ID=STATUS, with one list read', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run([
      'create-incident',
      '-t',
      'By name',
      '-c',
      'api',
      '  email   DELIVERY ',
      'cmp000000002',
      'Database=degraded_performance',
    ]);
    assertOk(result);
    assert.deepEqual(componentListReads(server.requests), ['1'], 'one read of the component list');
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'By name',
        components: {
          cmp000000001: 'major_outage',
          cmp000000004: 'major_outage',
          cmp000000002: 'major_outage',
          cmp000000003: 'degraded_performance',
        },
        component_ids: ['cmp000000001', 'cmp000000004', 'cmp000000002', 'cmp000000003'],
      },
    });
  });
});

test('IDs alone cost no lookup: the create stays one request', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '-t', 'IDs', '-c', 'cmp000000001,cmp000000003']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['POST'],
    );
  });
});

test('a 12-letter lowercase name is looked up, not mistaken for an ID', async () => {
  const components = defaultComponents('pg0000000001').map((c, i) => (i === 1 ? { ...c, name: 'Notification' } : c));
  await withServer(
    async ({ server, run }) => {
      assertOk(await run(['create-incident', '-t', 'Mail', '-c', 'notification']));
      assert.deepEqual(componentListReads(server.requests), ['1']);
      assert.deepEqual((onlyBody(server, 'POST') as { incident: { component_ids: string[] } }).incident.component_ids, [
        'cmp000000002',
      ]);
    },
    { components },
  );
});

test('an unknown name is a usage error listing close matches; nothing is written', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run(['create-incident', '-t', 'x', '-c', 'Databse']);
    assertUsageError(result, "--components 'Databse'", 'did you mean', "'Database' (cmp000000003)");
    const far = await run(['update-incident', 'inc000000001', '-s', 'identified', '-c', 'Payments']);
    assertUsageError(far, "--components 'Payments'", 'not a component ID or name');
    assert.doesNotMatch(far.stderr, /did you mean/);
    assert.deepEqual(server.mutations(), []);
  });
});

test('a comma inside a component name is not read as two names: the argument is refused, its ID works', async () => {
  const components = [
    ...defaultComponents('pg0000000001'),
    { ...makeComponents(6)[5]!, name: 'API, Website', position: 6 },
  ];
  await withServer(
    async ({ server, run }) => {
      const refusal =
        "'API, Website': a comma separates names, and a component is named 'API, Website' (cmp000000006); name it by its ID, cmp000000006";
      assertUsageError(await run(['create-incident', '-t', 'x', '-c', 'API, Website']), `--components ${refusal}`);
      assertUsageError(await run(['create-incident', '-t', 'x', '-c', 'api, website=partial_outage']), 'cmp000000006');
      assertUsageError(await run(['set-component', 'API, Website', '-s', 'degraded_performance']), refusal);
      assert.deepEqual(server.mutations(), []);
      // Two names with a comma between them, neither the whole: two components, as always.
      assertOk(await run(['create-incident', '-t', 'x', '-c', 'API,Database']));
      assertOk(await run(['create-incident', '-t', 'x', '-c', 'API=partial_outage,Database']));
      assertOk(await run(['create-incident', '-t', 'x', '-c', 'cmp000000006']));
      assert.equal(server.mutations().length, 3);
    },
    { components },
  );
});

test('an ambiguous name is a usage error listing every match; nothing is written', async () => {
  const components = [...defaultComponents('pg0000000001'), { ...makeComponents(5)[4]!, name: 'api', position: 5 }];
  await withServer(
    async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Open' });
      for (const args of [
        ['create-incident', '-t', 'x', '-c', 'API'],
        ['schedule-maintenance', '-t', 'x', '-c', 'Api'],
        ['resolve-incident', incident.id, '-c', 'api=operational'],
      ]) {
        assertUsageError(
          await run(args),
          'matches 2 components',
          "'API' (cmp000000001)",
          "'api' (cmp000000005)",
          'use an ID',
        );
      }
      assert.deepEqual(server.mutations(), []);
      // The ID settles it.
      assertOk(await run(['create-incident', '-t', 'x', '-c', 'cmp000000005']));
      assert.equal(server.mutations().length, 1);
    },
    { components },
  );
});

test('a name on the third page of 250 components is found; the list is read once, page by page', async () => {
  await withServer(
    async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Open' });
      const result = await run([
        'update-incident',
        incident.id,
        '-c',
        'component 242',
        'Component 7=partial_outage',
        '--dry-run',
      ]);
      assertOk(result);
      assert.deepEqual(componentListReads(server.requests), ['1', '2', '3']);
      for (const r of server.requests.filter((r) => r.path.endsWith('/components'))) {
        assert.equal(r.query.per_page, '100');
      }
      assert.deepEqual(server.mutations(), []);
      const body = JSON.parse(result.stdout.slice(result.stdout.indexOf('\n{') + 1));
      assert.deepEqual(body, {
        incident: { components: { cmp000000007: 'partial_outage' }, component_ids: ['cmp000000242', 'cmp000000007'] },
      });
    },
    { components: makeComponents(250) },
  );
});

test('every mutating command accepts names, and --dry-run resolves them with reads only', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Open' });
    const runs = [
      ['create-incident', '-t', 'x', '-c', 'Website'],
      ['update-incident', incident.id, '-c', 'Website=degraded_performance'],
      ['schedule-maintenance', '-t', 'x', '-c', 'Website'],
      ['resolve-incident', incident.id, '-e', 'incident', '-c', 'Website'],
    ];
    for (const args of runs) {
      const result = await run([...args, '--dry-run']);
      assertOk(result);
      assert.match(result.stdout, /"cmp000000002"/, args[0]);
      assert.doesNotMatch(result.stdout, /Website/, args[0]);
      assert.ok(!result.stdout.includes(server.token) && !result.stderr.includes(server.token));
    }
    assert.deepEqual(new Set(server.requests.map((r) => r.method)), new Set(['GET']));
    assert.deepEqual(componentListReads(server.requests), ['1', '1', '1', '1'], 'one list read per command');
  });
});

test('--dry-run with a name but no token says the lookup needs one, and sends nothing', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['create-incident', '-p', server.pageId, '-t', 'x', '-c', 'API', '--dry-run'], {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /^error: --components 'API': finding components by name reads the page, even with --dry-run: no API token/,
    );
    assert.equal(server.requests.length, 0);
  });
});

test('a group’s name stands for its components, with the status given; a group without any is refused', async () => {
  const components = makeComponents(5);
  const [group, api, database, , empty] = components as [
    (typeof components)[0],
    (typeof components)[0],
    (typeof components)[0],
    (typeof components)[0],
    (typeof components)[0],
  ];
  Object.assign(group, { name: 'Core', group: true });
  Object.assign(empty, { name: 'Edge', group: true });
  Object.assign(api, { name: 'API', group_id: group.id });
  Object.assign(database, { name: 'Database', group_id: group.id });
  await withServer(
    async ({ server, run }) => {
      assertOk(await run(['create-incident', '-t', 'Core down', '-c', 'core=partial_outage', '-q']));
      assert.deepEqual(onlyBody(server, 'POST'), {
        incident: {
          name: 'Core down',
          components: { [api.id]: 'partial_outage', [database.id]: 'partial_outage' },
          component_ids: [api.id, database.id],
        },
      });
      assertUsageError(
        await run(['create-incident', '-t', 'x', '-c', 'Edge']),
        `--components 'Edge' (${empty.id}) is a component group with no components`,
      );
      assertUsageError(
        await run(['create-incident', '-t', 'x', '-c', 'Core', 'API=operational']),
        `both name 'API' (${api.id})`,
      );
    },
    { components },
  );
});
