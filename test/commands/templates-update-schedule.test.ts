// --template on update-incident and schedule-maintenance: each flag given wins over its template
// field, {{placeholders}} take --var, and one left unfilled sends nothing. create-incident's own
// are in templates.test.ts.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { atTerminal } from '../support/at-terminal.js';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';
import type { RunCliResult } from '../support/run-cli.js';

const calls = (server: FakeStatuspage) =>
  server.requests.map((r) => `${r.method} ${r.path.replace('/v1/pages/pg0000000001', '')}`);
const sent = (server: FakeStatuspage, method: string) =>
  (onlyBody(server, method) as { incident: Record<string, unknown> }).incident;

function seedIdentified(server: FakeStatuspage) {
  return server.addTemplate({
    name: 'API identified',
    title: 'API errors in {{region}}',
    body: 'We found the cause in {{ region }}: {{cause}}.',
    update_status: 'identified',
    should_send_notifications: false,
    component_ids: ['cmp000000001', 'cmp000000002'],
  });
}

function seedUpgrade(server: FakeStatuspage) {
  return server.addTemplate({
    name: 'DB upgrade',
    title: 'Database upgrade in {{region}}',
    body: 'We upgrade the {{region}} database; expect brief read-only periods.',
    // A maintenance is scheduled whatever its template says.
    update_status: 'investigating',
    should_send_notifications: false,
    component_ids: ['cmp000000003'],
  });
}

const WINDOW = ['--scheduled', '2030-01-02T03:00:00Z', '--duration', '2h'];

/** Template files in a directory of their own, removed after `body`: name → text. */
async function withTemplateFiles(
  files: Record<string, string>,
  body: (paths: Record<string, string>, dir: string) => Promise<void>,
) {
  const dir = await mkdtemp(join(tmpdir(), 'statuspage-template-'));
  try {
    const paths: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      paths[name] = join(dir, name);
      await writeFile(paths[name], text);
    }
    await body(paths, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An incident on `components` (NAME, or NAME=STATUS; major_outage unless given); its ID. */
async function openIncident(run: (args: string[]) => Promise<RunCliResult>, title: string, ...components: string[]) {
  const created = await run(['create-incident', '-t', title, '-c', ...components, '-cs', 'major_outage', '-q']);
  assertOk(created);
  return created.stdout.trim();
}

const statusOf = (server: FakeStatuspage, id: string) => server.components.find((c) => c.id === id)?.status;

/** A page template that resolves, naming API only. */
const seedApiResolved = (server: FakeStatuspage) =>
  server.addTemplate({
    name: 'API resolved',
    body: 'Fixed.',
    update_status: 'resolved',
    component_ids: ['cmp000000001'],
  });

test('update-incident --template fills title, message, status, components and notify; the components it names are attached', async () => {
  await withServer(async ({ server, run }) => {
    seedIdentified(server);
    const incident = server.addIncident({
      name: 'Checkout errors',
      components: [{ id: 'cmp000000004', status: 'degraded_performance' }],
    });
    const vars = ['--var', 'region=eu-west-1', '--var', 'cause=a bad deploy'];
    assertOk(await run(['update-incident', incident.id, '--template', 'api identified', ...vars, '-q']));
    assert.deepEqual(calls(server), [
      'GET /incident_templates',
      `GET /incidents/${incident.id}`,
      `PATCH /incidents/${incident.id}`,
    ]);
    assert.deepEqual(sent(server, 'PATCH'), {
      name: 'API errors in eu-west-1',
      status: 'identified',
      body: 'We found the cause in eu-west-1: a bad deploy.',
      deliver_notifications: false,
      component_ids: ['cmp000000004', 'cmp000000001', 'cmp000000002'],
    });
  });
});

test('update-incident: each flag given wins over its template field', async () => {
  await withServer(async ({ server, run }) => {
    seedIdentified(server);
    const cases: { args: string[]; incident: Record<string, unknown> }[] = [
      {
        // Neither the title nor the message of the template is used: no --var is needed.
        args: ['-t', 'Checkout errors', '-m', 'Our own words.', '-s', 'monitoring', '--notify'],
        incident: {
          name: 'Checkout errors',
          status: 'monitoring',
          body: 'Our own words.',
          deliver_notifications: true,
          component_ids: ['cmp000000001', 'cmp000000002'],
        },
      },
      {
        args: ['-t', 'Checkout errors', '--var', 'region=us', '--var', 'cause=DNS', '-c', 'Database=partial_outage'],
        incident: {
          name: 'Checkout errors',
          status: 'identified',
          body: 'We found the cause in us: DNS.',
          deliver_notifications: false,
          components: { cmp000000003: 'partial_outage' },
          component_ids: ['cmp000000003'],
        },
      },
      {
        // --component-status applies to the template's components; -i is the flag's.
        args: ['-t', 'T', '-m', 'M', '-cs', 'major_outage', '-i', 'critical'],
        incident: {
          name: 'T',
          status: 'identified',
          impact_override: 'critical',
          body: 'M',
          deliver_notifications: false,
          components: { cmp000000001: 'major_outage', cmp000000002: 'major_outage' },
          component_ids: ['cmp000000001', 'cmp000000002'],
        },
      },
    ];
    for (const { args, incident: expected } of cases) {
      const incident = server.addIncident({ name: 'Checkout errors' });
      server.requests.length = 0;
      assertOk(await run(['update-incident', incident.id, '--template', 'API identified', ...args, '-q']));
      assert.deepEqual(sent(server, 'PATCH'), expected, args.join(' '));
    }
  });
});

test('update-incident: a placeholder left unfilled sends nothing and reads nothing but the templates', async () => {
  await withServer(async ({ server, run }) => {
    seedIdentified(server);
    const incident = server.addIncident({ name: 'Checkout errors' });
    assertUsageError(
      await run(['update-incident', incident.id, '--template', 'API identified', '--var', 'region=eu']),
      "--template 'API identified' (tpl000000001) needs {{cause}}: give --var cause=…; nothing sent",
    );
    assertUsageError(
      await run(['update-incident', incident.id, '--template', 'API identified', '-t', 'x', '-m', 'y', '--var', 'a=b']),
      "--var 'a' fills no placeholder",
    );
    assert.deepEqual(calls(server), ['GET /incident_templates', 'GET /incident_templates']);
    assert.deepEqual(server.mutations(), []);
    assertUsageError(await run(['update-incident', incident.id, '--var', 'a=b']), '--var needs --template');
  });
});

test('update-incident: a template status that a move contradicts is refused before the maintenance is read', async () => {
  await withServer(async ({ server, run }) => {
    seedIdentified(server);
    const window = server.addIncident({
      name: 'DB upgrade',
      scheduled_for: '2030-01-02T03:00:00.000Z',
      scheduled_until: '2030-01-02T05:00:00.000Z',
    });
    assertUsageError(
      await run(['update-incident', window.id, '--template', 'API identified', '-t', 'x', '-m', 'y', ...WINDOW]),
      "--template 'API identified' sets status identified, which cannot be combined with --scheduled",
    );
    assert.deepEqual(calls(server), ['GET /incident_templates']);
  });
});

test('schedule-maintenance --template fills title, message, components and notify; its status is not used', async () => {
  await withServer(async ({ server, run }) => {
    seedUpgrade(server);
    assertOk(await run(['schedule-maintenance', '--template', 'DB upgrade', '--var', 'region=eu', ...WINDOW, '-q']));
    assert.deepEqual(calls(server), ['GET /incident_templates', 'POST /incidents']);
    assert.deepEqual(sent(server, 'POST'), {
      name: 'Database upgrade in eu',
      status: 'scheduled',
      impact_override: 'maintenance',
      scheduled_for: '2030-01-02T03:00:00.000Z',
      scheduled_until: '2030-01-02T05:00:00.000Z',
      // The template does not notify, so no reminder either.
      scheduled_remind_prior: false,
      scheduled_auto_in_progress: true,
      auto_transition_to_maintenance_state: true,
      scheduled_auto_completed: false,
      auto_transition_to_operational_state: true,
      deliver_notifications: false,
      body: 'We upgrade the eu database; expect brief read-only periods.',
      component_ids: ['cmp000000003'],
    });

    // Each flag given wins: the title, the message, the components, notify.
    server.requests.length = 0;
    const own = ['-t', 'Weekly DB work', '-m', 'Routine.', '-c', 'API', '--notify'];
    assertOk(await run(['schedule-maintenance', '--template', 'DB upgrade', ...own, ...WINDOW, '-q']));
    const incident = sent(server, 'POST');
    assert.deepEqual(
      [incident.name, incident.body, incident.component_ids, incident.deliver_notifications],
      ['Weekly DB work', 'Routine.', ['cmp000000001'], true],
    );
    // Now: the components go under maintenance at once, the template's as a flag's.
    server.requests.length = 0;
    assertOk(await run(['schedule-maintenance', '--template', 'DB upgrade', '--var', 'region=us', '-q']));
    assert.deepEqual(sent(server, 'POST').components, { cmp000000003: 'under_maintenance' });
  });
});

test('schedule-maintenance: a placeholder left unfilled, or no title anywhere, sends nothing', async () => {
  await withTemplateFiles({ 'note.md': 'Routine work.\n' }, async (_, dir) => {
    await withServer(async ({ server, run }) => {
      seedUpgrade(server);
      assertUsageError(
        await run(['schedule-maintenance', '--template', 'DB upgrade', ...WINDOW]),
        "--template 'DB upgrade' (tpl000000001) needs {{region}}: give --var region=…; nothing sent",
      );
      assertUsageError(
        await run(['schedule-maintenance', '--template', 'note.md', ...WINDOW], { cwd: dir }),
        "--title is required: --template 'note.md' gives none",
      );
      assertUsageError(
        await run(['schedule-maintenance', ...WINDOW]),
        '--title is required (or a --template with a title)',
      );
      assert.deepEqual(server.mutations(), []);
      assertOk(
        await run(['schedule-maintenance', '--template', 'note.md', '-t', 'Routine', ...WINDOW, '-q'], { cwd: dir }),
      );
      assert.equal(sent(server, 'POST').body, 'Routine work.');
    });
  });
});

test('schedule-maintenance: a file template naming a status other than under_maintenance is refused', async () => {
  const files = { 'upgrade.md': '---\ntitle: Upgrade\ncomponents: [API=major_outage]\n---\nUpgrading.\n' };
  await withTemplateFiles(files, async (_, dir) => {
    await withServer(async ({ server, run }) => {
      assertUsageError(
        await run(['schedule-maintenance', '--template', 'upgrade.md', '-q'], { cwd: dir }),
        "--components 'API=major_outage': a maintenance sets its components to under_maintenance only",
      );
      assert.deepEqual(server.requests, []);
    });
  });
});

test('schedule-maintenance --template at a terminal asks only for what neither the flags nor the template give', async () => {
  await withServer(async ({ server }) => {
    seedUpgrade(server);
    const result = await atTerminal(
      server,
      ['schedule-maintenance', '--template', 'DB upgrade', '--var', 'region=eu', '--yes'],
      [
        [/Start: now/, '2030-01-02 03:00\r'],
        [/Duration/, '2h\r'],
      ],
      { now: () => Date.parse('2030-01-01T00:00:00Z') },
    );
    assertOk(result);
    for (const question of ['Title', 'Components under maintenance', 'Message to subscribers']) {
      assert.ok(!result.stderr.includes(question), `asked ${question}:\n${result.stderr}`);
    }
    const incident = sent(server, 'POST');
    assert.deepEqual(
      [incident.name, incident.body, incident.component_ids, incident.scheduled_until],
      [
        'Database upgrade in eu',
        'We upgrade the eu database; expect brief read-only periods.',
        ['cmp000000003'],
        '2030-01-02T05:00:00.000Z',
      ],
    );
    assert.deepEqual(calls(server), ['GET /incident_templates', 'POST /incidents'], 'the template is read once');
  });
});

test('update-incident: a template that fills nothing to update sends nothing; a status it sets is named as its own', async () => {
  const files = { 'empty.md': '---\nnotify: true\n---\n', 'resolved.md': '---\nstatus: resolved\n---\nFixed.\n' };
  await withTemplateFiles(files, async (paths) => {
    const [empty, resolved] = [paths['empty.md'] as string, paths['resolved.md'] as string];
    await withServer(async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Checkout errors', components: [{ id: 'cmp000000001' }] });
      assertUsageError(
        await run(['update-incident', incident.id, '--template', empty]),
        `--template '${empty}' gives no title, status, impact, message or components, so there is nothing to update`,
      );
      const window = server.addIncident({ name: 'DB upgrade', scheduled_for: '2030-01-02T03:00:00.000Z' });
      assertUsageError(
        await run(['update-incident', window.id, '--template', resolved]),
        `status 'resolved' from --template '${resolved}' is not a status of ${window.id} "DB upgrade", which is a maintenance`,
      );
      assert.deepEqual(server.mutations(), []);
    });
  });
});

test('schedule-maintenance --remind with a template that does not notify: refused before any other read, naming the template', async () => {
  await withServer(async ({ server, run }) => {
    seedUpgrade(server);
    const args = ['schedule-maintenance', '--template', 'DB upgrade', '--var', 'region=eu', ...WINDOW];
    assertUsageError(
      await run([...args, '--remind', '--dedup-key', 'db-eu']),
      "--remind and --template 'DB upgrade', which does not notify",
      'add --notify, or leave out --remind',
    );
    assert.deepEqual(calls(server), ['GET /incident_templates'], 'not even the duplicate lookup');
    assertOk(await run([...args, '--remind', '--notify', '-q']));
    assert.equal(sent(server, 'POST').scheduled_remind_prior, true);
  });
});

test('update-incident: a resolving template restores every component the incident affects, not only those it lists', async () => {
  await withServer(async ({ server, run }) => {
    seedApiResolved(server);
    const open = () => openIncident(run, 'Down', 'API', 'Website=partial_outage');
    const result = await run(['update-incident', await open(), '--template', 'API resolved']);
    assertOk(result);
    assert.equal(statusOf(server, 'cmp000000001'), 'operational');
    assert.equal(statusOf(server, 'cmp000000002'), 'operational', 'one the template does not list does not stay red');
    assert.doesNotMatch(result.stderr, /named only/);
    // -c still narrows it, and says what it leaves.
    const narrowed = await run(['update-incident', await open(), '--template', 'API resolved', '-c', 'API']);
    assertOk(narrowed);
    assert.equal(statusOf(server, 'cmp000000001'), 'operational');
    assert.equal(statusOf(server, 'cmp000000002'), 'partial_outage');
    assert.match(narrowed.stdout + narrowed.stderr, /not restored: -c named only API/);
  });
});

test('update-incident: a status that -cs or a file template gives a resolving template’s components stands; the rest are restored', async () => {
  const files = {
    'resolved.md': '---\nstatus: resolved\ncomponents: [API=degraded_performance]\n---\nMostly fixed.\n',
  };
  await withTemplateFiles(files, async (paths) => {
    await withServer(async ({ server, run }) => {
      seedApiResolved(server);
      const expected = { cmp000000001: 'degraded_performance', cmp000000002: 'operational' };
      for (const args of [
        ['--template', 'API resolved', '-cs', 'degraded_performance'],
        ['--template', paths['resolved.md'] as string],
      ]) {
        const id = await openIncident(run, 'Down', 'API', 'Website');
        const result = await run(['update-incident', id, ...args, '--no-notify']);
        assertOk(result);
        const body = server.mutations().at(-1)?.body as { incident: { components?: unknown } };
        assert.deepEqual(body.incident.components, expected, args.join(' '));
        assert.match(result.stdout, /degraded_performance \(as given\)/);
      }
    });
  });
});

test('update-incident: a resolving template’s status is a floor, not an override, and a maintenance gives back only what it holds', async () => {
  const files = {
    'resolve-db-ok.md': '---\nstatus: resolved\ncomponents: [Database=operational]\nnotify: false\n---\nDone.\n',
    'complete.md':
      '---\nstatus: completed\ncomponents: [API, Database, Email Delivery=degraded_performance]\nnotify: false\n---\nDone.\n',
  };
  await withTemplateFiles(files, async (paths) => {
    await withServer(async ({ server, run }) => {
      const both = await openIncident(run, 'API and DB down', 'API', 'Database');
      await openIncident(run, 'DB down', 'Database');
      const resolved = await run(['update-incident', both, '--template', paths['resolve-db-ok.md'] as string]);
      assertOk(resolved);
      assert.equal(statusOf(server, 'cmp000000001'), 'operational');
      assert.equal(statusOf(server, 'cmp000000003'), 'major_outage', 'the other open incident still gives it');
      assert.match(resolved.stdout, /Database: major_outage \(still affected by inc\w+ "DB down"\)/);

      const window = await run(['schedule-maintenance', '-t', 'API work', '-c', 'API', '-q']);
      assertOk(window);
      assert.equal(statusOf(server, 'cmp000000001'), 'under_maintenance');
      const complete = ['--template', paths['complete.md'] as string, '-cs', 'operational'];
      assertOk(await run(['update-incident', window.stdout.trim(), ...complete]));
      assert.equal(statusOf(server, 'cmp000000001'), 'operational');
      assert.equal(statusOf(server, 'cmp000000003'), 'major_outage', 'the maintenance never held it');
      assert.equal(statusOf(server, 'cmp000000004'), 'degraded_performance', 'a status the template sets is set');
    });
  });
});
