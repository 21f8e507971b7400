// Every command, used from a script: -q prints exactly the ID(s), --json only parseable JSON,
// nothing is coloured in a pipe, --dry-run writes nothing and never shows the token, and
// every command documents itself with an example.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';
import { runCli } from '../support/run-cli.js';

const ANSI = /\u001b\[/;

test('-q prints exactly the ID, one per line, on every command', async () => {
  await withServer(async ({ server, run }) => {
    const created = await run(['create-incident', '-t', 'Q', '-c', 'API', '-q']);
    assertOk(created);
    assert.match(created.stdout, /^[a-z0-9]{12}\n$/);
    const id = created.stdout.trim();
    assert.ok(server.incidents.has(id));

    for (const args of [
      ['update-incident', id, '-s', 'identified', '-q'],
      ['resolve-incident', id, '--quiet'],
    ]) {
      const result = await run(args);
      assertOk(result);
      assert.equal(result.stdout, `${id}\n`, args[0]);
      assert.equal(result.stderr, '');
    }
    const scheduled = await run(['schedule-maintenance', '-t', 'W', '-q']);
    assertOk(scheduled);
    assert.match(scheduled.stdout, /^[a-z0-9]{12}\n$/);
    assert.equal(server.incidents.get(scheduled.stdout.trim())?.status, 'scheduled');

    const components = await run(['list-components', '-q']);
    assert.equal(components.stdout, server.components.map((c) => `${c.id}\n`).join(''));
    const incidents = await run(['list-incidents', '--scheduled', '-q']);
    assert.equal(incidents.stdout, scheduled.stdout);
    const set = await run(['set-component', 'API', 'Website', '-s', 'degraded_performance', '-q']);
    assertOk(set);
    assert.equal(set.stdout, 'cmp000000001\ncmp000000002\n');
    assert.equal(set.stderr, '');
  });
});

test('--json prints one JSON document and nothing else on every command', async () => {
  await withServer(async ({ server, run }) => {
    const created = JSON.parse((await run(['create-incident', '-t', 'J', '--json'])).stdout) as {
      id: string;
      name: string;
    };
    assert.equal(created.name, 'J');
    const runs: Array<[string[], (json: unknown) => void]> = [
      [
        ['update-incident', created.id, '-s', 'monitoring', '--json'],
        (j) => assert.equal((j as { status: string }).status, 'monitoring'),
      ],
      [
        ['schedule-maintenance', '-t', 'W', '--json'],
        (j) => assert.equal((j as { status: string }).status, 'scheduled'),
      ],
      [['list-components', '--json'], (j) => assert.equal((j as unknown[]).length, server.components.length)],
      [
        ['list-incidents', '--json'],
        (j) =>
          assert.deepEqual(
            (j as Array<{ id: string }>).map((i) => i.id),
            [created.id],
          ),
      ],
      [['list-incidents', '--all', '--json'], (j) => assert.equal((j as unknown[]).length, 2)],
      [
        ['resolve-incident', created.id, '--dry-run', '--json'],
        (j) => assert.equal((j as { method: string }).method, 'PATCH'),
      ],
      [['show-incident', created.id, '--json'], (j) => assert.equal((j as { id: string }).id, created.id)],
      [
        ['status', '--json'],
        (j) => assert.deepEqual(Object.keys(j as object), ['page', 'components', 'incidents', 'maintenances']),
      ],
      [
        ['set-component', 'API=major_outage', '--json'],
        (j) =>
          assert.deepEqual(
            (j as Array<{ status: string }>).map((c) => c.status),
            ['major_outage'],
          ),
      ],
      [['resolve-incident', created.id, '--json'], (j) => assert.equal((j as { status: string }).status, 'resolved')],
    ];
    for (const [args, check] of runs) {
      const result = await run(args);
      assertOk(result);
      assert.equal(result.stderr, '', args.join(' '));
      check(JSON.parse(result.stdout));
    }
  });
});

test('in a pipe nothing is coloured, even with FORCE_COLOR, and success leaves stderr empty', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Open', status: 'investigating', impact: 'critical' });
    for (const args of [
      ['create-incident', '-t', 'Plain', '-s', 'investigating', '-i', 'critical', '-c', 'API=major_outage'],
      ['update-incident', incident.id, '-s', 'identified'],
      ['schedule-maintenance', '-t', 'W', '-c', 'Database'],
      ['list-components'],
      ['list-incidents'],
      ['show-incident', incident.id],
      ['resolve-incident', incident.id],
      ['status'],
      ['set-component', 'Website=degraded_performance'],
      ['create-incident', '-t', 'Preview', '--dry-run'],
      ['help', 'list-incidents'],
      ['completion', 'bash'],
    ]) {
      const result = await run(args, { env: { FORCE_COLOR: '3', TERM: 'xterm-256color' } });
      assertOk(result);
      assert.doesNotMatch(result.stdout + result.stderr, ANSI, args.join(' '));
      assert.equal(result.stderr, '', args.join(' '));
    }
  });
});

test('--dry-run on every mutating command: no POST or PATCH, the request printed, the token masked', async () => {
  const token = 'sEcReT-token-4711';
  await withServer(
    async ({ server, runBare }) => {
      const incident = server.addIncident({ name: 'Open', components: [{ id: 'cmp000000001' }] });
      const base = ['-p', server.pageId, '--token', token, '--dry-run', '--verbose'];
      const runs: Array<[string[], string]> = [
        [['create-incident', '-t', 'x', '-c', 'API'], 'POST'],
        [['update-incident', incident.id, '-s', 'identified', '-c', 'Website'], 'PATCH'],
        [['schedule-maintenance', '-t', 'x', '-c', 'Database'], 'POST'],
        [['resolve-incident', incident.id], 'PATCH'],
      ];
      for (const [args, method] of runs) {
        const result = await runBare([...args, ...base]);
        assertOk(result);
        assert.match(result.stdout, new RegExp(`^${method} ${server.url}/pages/${server.pageId}/incidents`), args[0]);
        assert.match(result.stdout, /^Authorization: OAuth \*\*\*$/m);
        assert.match(result.stderr, /^> GET /m, '--verbose shows the reads that resolve names');
        assert.ok(!`${result.stdout}${result.stderr}`.includes(token), `${args[0]} leaks the token`);
      }
      assert.deepEqual(server.mutations(), []);
      assert.ok(server.requests.every((r) => r.headers.authorization === `OAuth ${token}`));
    },
    { token },
  );
});

test('--version, help <command> and every command’s --help carry a real example', async () => {
  const version = await runCli(['--version']);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const commands = [
    'create-incident',
    'update-incident',
    'schedule-maintenance',
    'resolve-incident',
    'list-components',
    'list-incidents',
    'show-incident',
    'status',
    'set-component',
    'list-templates',
    'edit-update',
    'api',
    'completion',
  ];
  const overview = await runCli(['help']);
  for (const name of commands) {
    assert.match(overview.stdout, new RegExp(`\\n {2}${name}[ |]`), `help lists ${name}`);
    const viaHelp = await runCli(['help', name]);
    assert.equal(viaHelp.code, 0);
    assert.equal(viaHelp.stdout, (await runCli([name, '--help'])).stdout);
    assert.match(viaHelp.stdout, /\nExample:\n {2}\$ .*statuspage [a-z]/, name);
  }
  for (const sub of ['show', 'draft', 'publish', 'revert']) {
    const help = await runCli(['postmortem', 'help', sub]);
    assert.equal(help.stdout, (await runCli(['postmortem', sub, '--help'])).stdout);
    assert.match(help.stdout, new RegExp(`^Usage: statuspage postmortem ${sub} `));
    assert.match(help.stdout, /\nExample:\n {2}\$ statuspage postmortem [a-z]/, sub);
  }
  for (const alias of ['components', 'incidents', 'templates']) {
    assert.match((await runCli(['help', alias])).stdout, new RegExp(`^Usage: statuspage list-${alias}\\|${alias} `));
  }
  assert.match((await runCli(['help', 'view'])).stdout, /^Usage: statuspage show-incident\|view /);
});
