// create-incident --template: a page's template (by name or ID) or a Markdown file, each field
// overridden by its flag, {{placeholders}} filled from --var, and nothing sent when one is left.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { seedApiOutage } from '../support/fixtures.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

const TEMPLATES = `GET /v1/pages/pg0000000001/incident_templates`;

const calls = (server: FakeStatuspage) => server.requests.map((r) => `${r.method} ${r.path}`);

test('a template by name fills title, message, status, components and notify; the request shows them', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    const vars = ['--var', 'region=eu-west-1', '--var', 'service=checkout'];
    assertOk(await run(['create-incident', '--template', 'api outage', ...vars, '-q']));
    assert.deepEqual(calls(server), [`${TEMPLATES}`, 'POST /v1/pages/pg0000000001/incidents']);
    assert.deepEqual(server.requests[0]?.query, { page: '1', per_page: '100' });
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'API errors in eu-west-1',
        status: 'identified',
        body: 'We are investigating errors in eu-west-1 for checkout.',
        deliver_notifications: false,
        components: { cmp000000001: 'major_outage', cmp000000002: 'major_outage' },
        component_ids: ['cmp000000001', 'cmp000000002'],
      },
    });
  });
});

test('each flag given wins over its template field: title, message, status, impact, components, notify', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    const cases: { args: string[]; incident: Record<string, unknown> }[] = [
      {
        // The template's title is not used, so its {{region}} needs no --var; the message's still do.
        args: ['-t', 'Checkout down', '--var', 'region=us', '--var', 'service=api'],
        incident: { name: 'Checkout down', body: 'We are investigating errors in us for api.' },
      },
      {
        args: ['-m', 'Looking into it.', '--var', 'region=us'],
        incident: { name: 'API errors in us', body: 'Looking into it.' },
      },
      { args: ['-s', 'investigating', '-m', 'x', '--var', 'region=us'], incident: { status: 'investigating' } },
      { args: ['--notify', '-m', 'x', '--var', 'region=us'], incident: { deliver_notifications: true } },
      {
        args: ['-c', 'cmp000000003=degraded_performance', '-m', 'x', '--var', 'region=us'],
        incident: {
          components: { cmp000000003: 'degraded_performance' },
          component_ids: ['cmp000000003'],
        },
      },
      {
        // --component-status applies to the template's components, which have no status of their own.
        args: ['-cs', 'partial_outage', '-i', 'minor', '-m', 'x', '--var', 'region=us'],
        incident: {
          impact_override: 'minor',
          components: { cmp000000001: 'partial_outage', cmp000000002: 'partial_outage' },
        },
      },
    ];
    for (const { args, incident } of cases) {
      server.requests.length = 0;
      assertOk(await run(['create-incident', '--template', 'API outage', ...args, '-q']));
      const sent = (onlyBody(server, 'POST') as { incident: Record<string, unknown> }).incident;
      for (const [key, value] of Object.entries(incident))
        assert.deepEqual(sent[key], value, `${args.join(' ')}: ${key}`);
    }
    server.requests.length = 0;
    assertOk(
      await run([
        'create-incident',
        '--template',
        'API outage',
        '-t',
        'T',
        '-m',
        'M',
        '-s',
        'monitoring',
        '--notify',
        '-c',
        'cmp000000004',
        '-q',
      ]),
    );
    assert.deepEqual(
      onlyBody(server, 'POST'),
      {
        incident: {
          name: 'T',
          status: 'monitoring',
          body: 'M',
          deliver_notifications: true,
          components: { cmp000000004: 'major_outage' },
          component_ids: ['cmp000000004'],
        },
      },
      'with every field given, nothing of the template is left (and no --var is needed)',
    );
  });
});

test('a placeholder left unfilled, or a --var no placeholder uses, is a usage error and nothing is sent', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    assertUsageError(
      await run(['create-incident', '--template', 'API outage', '--var', 'region=eu']),
      "--template 'API outage' (tpl000000001) needs {{service}}: give --var service=…; nothing sent",
    );
    assertUsageError(
      await run(['create-incident', '--template', 'API outage']),
      'needs {{region}}, {{service}}',
      '--var region=… --var service=…',
    );
    assertUsageError(
      await run([
        'create-incident',
        '--template',
        'API outage',
        '--var',
        'region=eu',
        '--var',
        'servce=x',
        '--var',
        'service=y',
      ]),
      "--var 'servce' fills no placeholder of --template 'API outage' (tpl000000001) (its placeholders: region, service)",
    );
    assert.deepEqual(server.mutations(), [], 'nothing written');
    assert.ok(
      server.requests.every((r) => `${r.method} ${r.path}` === TEMPLATES),
      'only the template list was read',
    );
  });
});

test('a template by ID; a name close to one is a did-you-mean; --var without --template is refused', async () => {
  await withServer(async ({ server, run }) => {
    const template = server.addTemplate({ name: 'Database maintenance', title: 'DB work', body: 'Routine.' });
    seedApiOutage(server);
    assertOk(await run(['create-incident', '--template', template.id, '-q']));
    assert.deepEqual(onlyBody(server, 'POST'), {
      incident: {
        name: 'DB work',
        status: 'investigating',
        body: 'Routine.',
        deliver_notifications: true,
      },
    });
    server.requests.length = 0;
    assertUsageError(
      await run(['create-incident', '--template', 'Databse maintenance']),
      "--template 'Databse maintenance' is not a template ID or name on this page; did you mean: 'Database maintenance' (tpl000000001)",
    );
    assertUsageError(await run(['create-incident', '-t', 'x', '--var', 'a=b']), '--var needs --template');
    assertUsageError(
      await run(['create-incident', '--template', 'API outage', '--var', 'a']),
      "--var: 'a' is not NAME=VALUE",
    );
    assert.deepEqual(server.mutations(), []);
  });
});

test('a template whose status create-incident cannot send names it; a template without a title needs -t', async () => {
  await withServer(async ({ server, run }) => {
    server.addTemplate({ name: 'Window', title: 'Upgrade', body: 'Upgrading.', update_status: 'scheduled' });
    assertUsageError(
      await run(['create-incident', '--template', 'Window']),
      "sets status 'scheduled', which this command cannot; give --status (one of: investigating, identified, monitoring, resolved)",
    );
    assertOk(await run(['create-incident', '--template', 'Window', '-s', 'investigating', '-q']));
    assert.equal((onlyBody(server, 'POST') as { incident: { name: string } }).incident.name, 'Upgrade');
  });
});

test('--dry-run prints the filled-in request and sends no write', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    const result = await run([
      'create-incident',
      '--template',
      'API outage',
      '--var',
      'region=eu',
      '--var',
      'service=api',
      '--dry-run',
      '--json',
    ]);
    assertOk(result);
    const printed = JSON.parse(result.stdout) as { body: { incident: Record<string, unknown> } };
    assert.equal(printed.body.incident.name, 'API errors in eu');
    assert.equal(printed.body.incident.body, 'We are investigating errors in eu for api.');
    assert.deepEqual(server.mutations(), []);
  });
});

async function withDir(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'statuspage-template-'));
  try {
    await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const RUNBOOK = `---
title: "{{service}} errors"
status: monitoring
impact: major
components: [API, Database=partial_outage]
notify: false
---

We rolled back {{service}} and are watching the error rate.

- dashboards: green
`;

test('a file template: front matter with names, the message as its body, --var and overrides', async () => {
  await withServer(async ({ server, run }) => {
    await withDir(async (dir) => {
      await writeFile(join(dir, 'api-outage.md'), RUNBOOK);
      assertOk(
        await run(['create-incident', '--template', './api-outage.md', '--var', 'service=Checkout', '-q'], {
          cwd: dir,
        }),
      );
      assert.deepEqual(
        calls(server),
        ['GET /v1/pages/pg0000000001/components', 'POST /v1/pages/pg0000000001/incidents'],
        'component names cost the one read; a file template costs none',
      );
      assert.deepEqual(onlyBody(server, 'POST'), {
        incident: {
          name: 'Checkout errors',
          status: 'monitoring',
          impact_override: 'major',
          body: 'We rolled back Checkout and are watching the error rate.\n\n- dashboards: green',
          deliver_notifications: false,
          components: { cmp000000001: 'major_outage', cmp000000003: 'partial_outage' },
          component_ids: ['cmp000000001', 'cmp000000003'],
        },
      });
      server.requests.length = 0;
      const path = join(dir, 'api-outage.md');
      assertOk(
        await run(['create-incident', '--template', path, '--var', 'service=X', '-i', 'minor', '--notify', '-q']),
      );
      const sent = (onlyBody(server, 'POST') as { incident: Record<string, unknown> }).incident;
      assert.equal(sent.impact_override, 'minor');
      assert.equal(sent.deliver_notifications, true);
    });
  });
});

test('a file template with an unknown key, a bad value, bad YAML or bad UTF-8 is a usage error naming the file', async () => {
  await withServer(async ({ server, run }) => {
    await withDir(async (dir) => {
      const cases: [string, string | Buffer, string][] = [
        [
          'typo.md',
          '---\ntitel: x\n---\nbody\n',
          "--template 'typo.md': unknown key 'titel' in the front matter; allowed: title, status, impact, components, notify",
        ],
        [
          'status.md',
          '---\nstatus: fixed\n---\n',
          "--template 'status.md': status 'fixed' is not allowed; use one of: investigating",
        ],
        ['notify.md', '---\nnotify: yes\n---\n', "--template 'notify.md': notify must be true or false"],
        ['yaml.md', '---\ntitle: [unclosed\n---\n', "--template 'yaml.md', line 3: the front matter is not valid YAML"],
        [
          'dup.md',
          '---\ntitle: a\ntitle: b\n---\n',
          "--template 'dup.md', line 3: the front matter is not valid YAML: Map keys must be unique",
        ],
        ['open.md', '---\ntitle: a\n', "the front matter opened by '---' on line 1 is never closed"],
        ['list.md', '---\n- a\n---\n', 'the front matter must be keys and values'],
        ['alias.md', '---\ntitle: &t x\ncomponents: [*t]\n---\n', 'uses YAML aliases'],
        [
          'latin1.md',
          Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1'),
          "--template 'latin1.md' is not valid UTF-8 (byte 0xE9 at offset 14)",
        ],
      ];
      for (const [name, text, message] of cases) {
        await writeFile(join(dir, name), text);
        assertUsageError(await run(['create-incident', '--template', name, '-t', 'x'], { cwd: dir }), message);
      }
      assertUsageError(
        await run(['create-incident', '--template', './missing.md'], { cwd: dir }),
        "--template './missing.md': cannot read the file (no such file)",
      );
      assert.deepEqual(server.requests, [], 'nothing read, nothing sent');
    });
  });
});

test('a file without a front matter is all message; its title then comes from -t', async () => {
  await withServer(async ({ server, run }) => {
    await withDir(async (dir) => {
      await writeFile(join(dir, 'note.md'), '\nAll systems go in {{region}}.\n\n');
      assertUsageError(
        await run(['create-incident', '--template', 'note.md', '--var', 'region=eu'], { cwd: dir }),
        "--title is required: --template 'note.md' gives none",
      );
      assertOk(
        await run(['create-incident', '--template', 'note.md', '--var', 'region=eu', '-t', 'Note', '-q'], { cwd: dir }),
      );
      assert.deepEqual(onlyBody(server, 'POST'), { incident: { name: 'Note', body: 'All systems go in eu.' } });
    });
  });
});

test('double braces that are not a placeholder are refused, so they never reach subscribers', async () => {
  await withServer(async ({ server, run }) => {
    server.addTemplate({ name: 'Odd', title: 'Outage', body: 'Affected: {{Region Name}}' });
    assertUsageError(
      await run(['create-incident', '--template', 'Odd']),
      "'{{Region Name}}' in its message is not a placeholder",
    );
    assert.deepEqual(server.mutations(), []);
  });
});
