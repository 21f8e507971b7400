// create-incident at a terminal without --title: a template to start from when the page has
// any, then what neither the flags nor the template give, the message written in $EDITOR as for
// `git commit`. Without a terminal nothing is asked, and a missing title is the usage error it was.
// The real terminal, through tmux: test/tmux/create-wizard.test.ts.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { atTerminal, KEYS } from '../support/at-terminal.js';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { seedApiOutage } from '../support/fixtures.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

const { up: UP, down: DOWN } = KEYS;
const TERMINAL = { stdin: true, stderr: true } as const;
const NO_TITLE = 'error: --title is required (or a --template with a title)\n';
const calls = (server: FakeStatuspage) =>
  server.requests.map((r) => `${r.method} ${r.path.replace('/v1/pages/pg0000000001', '') || '/'}`);
const posted = (server: FakeStatuspage) => (onlyBody(server, 'POST') as { incident: Record<string, unknown> }).incident;

/** A stand-in for vim in a directory of its own: `script` is the shell it runs on the file ("$1"). */
function withEditor(script: string, body: (editor: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-editor-'));
  const editor = join(dir, 'edit.sh');
  writeFileSync(editor, `#!/bin/sh\n${script}\n`);
  chmodSync(editor, 0o755);
  return body(editor, dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('without a terminal, in CI or with --no-input nothing is asked: a missing -t is the usage error it was, nothing read', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    for (const options of [
      {},
      { tty: { stdout: true, stderr: true } },
      { tty: TERMINAL, env: { CI: '1' } },
      { tty: TERMINAL, env: { STATUSPAGE_NO_INPUT: '1' } },
    ]) {
      const result = await run(['create-incident', '-c', 'API', '-m', 'Looking into it.'], options);
      assertUsageError(result);
      assert.equal(result.stderr, NO_TITLE, JSON.stringify(options));
    }
    const noInput = await run(['create-incident', '--no-input'], { tty: TERMINAL });
    assertUsageError(noInput);
    assert.equal(noInput.stderr, NO_TITLE);
    assert.deepEqual(server.requests, [], 'not even the templates are read');
  });
});

test('at a terminal a bad flag is still a usage error before anything is asked or read', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    assertUsageError(await run(['create-incident', '-s', 'fixed'], { tty: TERMINAL }), '--status', "'fixed'");
    assertUsageError(await run(['create-incident', '-c', 'API=down'], { tty: TERMINAL }), "status 'down' of 'API'");
    assertUsageError(await run(['create-incident', '--var', 'region=eu'], { tty: TERMINAL }), '--var needs --template');
    assert.deepEqual(server.requests, []);
  });
});

test('no templates on the page: title, components, their status, status, impact, then - for a one-line message', async () => {
  await withServer(async ({ server }) => {
    const result = await atTerminal(
      server,
      ['create-incident'],
      [
        [/Title/, '\r'],
        [/must not be empty/, 'Checkout errors\r'],
        [/Affected components \(type to filter, Tab to pick\)/, 'api\t\r'],
        [/Status of the components picked/, `${UP}\r`],
        [/Incident status/, `${DOWN}\r`],
        [/Impact/, `${DOWN}${DOWN}${DOWN}\r`],
        [/Message to subscribers \(Enter opens vi; - for one line\)/, '-\r'],
        [/Message to subscribers, on one line/, 'We are looking into it.\r'],
        [/Send\? \[y\/N\] /, 'y\n'],
      ],
    );
    assertOk(result);
    assert.ok(!result.stderr.includes('Start from a template'), 'no templates: nothing to offer');
    assert.deepEqual(posted(server), {
      name: 'Checkout errors',
      status: 'identified',
      impact_override: 'major',
      body: 'We are looking into it.',
      components: { cmp000000001: 'partial_outage' },
      component_ids: ['cmp000000001'],
    });
    assert.deepEqual(calls(server), [
      'GET /incident_templates',
      'GET /components',
      // The last look: the page's name, the components' statuses now, whom it notifies.
      'GET /',
      'GET /components',
      'GET /subscribers/count',
      'POST /incidents',
    ]);
  });
});

test('a template picked first: its placeholders are asked, and nothing it gives or a flag gives is asked again', async () => {
  await withServer(async ({ server }) => {
    seedApiOutage(server);
    const result = await atTerminal(
      server,
      ['create-incident', '-i', 'minor', '--yes'],
      [
        [/Start from a template/, '\r'],
        [/Value for \{\{region\}\} in 'API outage' \(tpl000000001\)/, '\r'],
        [/must not be empty/, 'eu-west-1\r'],
        [/Value for \{\{service\}\}/, 'checkout\r'],
        [/Status of the components of 'API outage' \(tpl000000001\)/, `${UP}\r`],
      ],
    );
    assertOk(result);
    assert.match(result.stderr, /API outage {2}API errors in \{\{region\}\}/, 'each template with its title');
    assert.match(result.stderr, /No template/);
    for (const question of ['Title', 'Affected components', 'Incident status', 'Impact', 'Message to subscribers']) {
      assert.ok(!result.stderr.includes(question), `asked ${question}:\n${result.stderr}`);
    }
    assert.deepEqual(posted(server), {
      name: 'API errors in eu-west-1',
      status: 'identified',
      impact_override: 'minor',
      body: 'We are investigating errors in eu-west-1 for checkout.',
      deliver_notifications: false,
      components: { cmp000000001: 'partial_outage', cmp000000002: 'partial_outage' },
      component_ids: ['cmp000000001', 'cmp000000002'],
    });
    assert.deepEqual(calls(server), ['GET /incident_templates', 'POST /incidents'], 'the templates are read once');
  });
});

test('--template at a terminal: only its unfilled placeholders are asked (a runbook takes the defaults); a flag wins over the template', async () => {
  await withServer(async ({ server }) => {
    seedApiOutage(server);
    const result = await atTerminal(
      server,
      [
        'create-incident',
        '--template',
        'api outage',
        '--var',
        'region=us',
        '-s',
        'monitoring',
        '-c',
        'Database',
        '--yes',
      ],
      [[/Value for \{\{service\}\}/, 'mail\r']],
    );
    assertOk(result);
    assert.ok(!result.stderr.includes('Start from a template'), result.stderr);
    assert.ok(!result.stderr.includes('{{region}}'), result.stderr);
    assert.deepEqual(posted(server), {
      name: 'API errors in us',
      status: 'monitoring',
      body: 'We are investigating errors in us for mail.',
      deliver_notifications: false,
      components: { cmp000000003: 'major_outage' },
      component_ids: ['cmp000000003'],
    });
  });
});

test('"No template", and every flag but the title given: only the title is asked', async () => {
  await withServer(async ({ server }) => {
    seedApiOutage(server);
    const args = ['create-incident', '-c', 'Database=degraded_performance', '-s', 'investigating', '-i', 'none'];
    const result = await atTerminal(
      server,
      [...args, '-m', 'Queries are slow.', '--no-notify', '--yes'],
      [
        [/Start from a template/, `${DOWN}\r`],
        [/Title/, 'Slow database\r'],
      ],
    );
    assertOk(result);
    for (const question of ['Affected components', 'Status of', 'Incident status', 'Impact', 'Message to']) {
      assert.ok(!result.stderr.includes(question), `asked ${question}:\n${result.stderr}`);
    }
    assert.deepEqual(posted(server), {
      name: 'Slow database',
      status: 'investigating',
      impact_override: 'none',
      body: 'Queries are slow.',
      deliver_notifications: false,
      components: { cmp000000003: 'degraded_performance' },
      component_ids: ['cmp000000003'],
    });
  });
});

test('the message in $EDITOR: a commented header, # lines left out; an empty message or a failed editor sends nothing', async () => {
  await withEditor(
    'cp "$1" "$(dirname "$0")/seen"\nprintf "We are on it.\\n# a note to self\\n\\nMore soon.\\n" | cat - "$1" > "$1.new"\nmv "$1.new" "$1"',
    async (editor, dir) => {
      await withServer(async ({ server }) => {
        const result = await atTerminal(
          server,
          ['create-incident', '-c', 'API', '-s', 'investigating', '-i', 'major', '--yes'],
          [
            [/Title/, 'Checkout "down"\r'],
            [/Status of API/, '\r'],
            [/Message to subscribers \(Enter opens edit\.sh; - for one line\)/, '\r'],
          ],
          { env: { EDITOR: editor } },
        );
        assertOk(result);
        assert.equal(
          readFileSync(join(dir, 'seen'), 'utf8'),
          '\n# The first update subscribers will read for "Checkout "down"".\n' +
            "# Lines starting with '#' are left out, and an empty message cancels: nothing is sent.\n",
        );
        assert.equal(posted(server).body, 'We are on it.\n\nMore soon.');
      });
    },
  );
  await withEditor(': leaves the file as it is', async (editor) => {
    await withServer(async ({ server }) => {
      const result = await atTerminal(
        server,
        ['create-incident', '-c', 'API', '-s', 'investigating', '-i', 'major'],
        [
          [/Title/, 'Checkout down\r'],
          [/Status of API/, '\r'],
          [/Message to subscribers/, '\r'],
        ],
        { env: { VISUAL: editor, EDITOR: 'false' } },
      );
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /the message is empty; nothing sent\n$/);
      assert.deepEqual(server.mutations(), []);
    });
  });
  await withServer(async ({ server }) => {
    const result = await atTerminal(
      server,
      ['create-incident', '-c', 'API', '-s', 'investigating', '-i', 'major'],
      [
        [/Title/, 'Checkout down\r'],
        [/Status of API/, '\r'],
        [/Message to subscribers/, 'e\r'],
      ],
      { env: { EDITOR: 'false' } },
    );
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /the editor 'false' exited with status 1; nothing sent\n$/);
    assert.deepEqual(server.mutations(), []);
  });
});

test('--dedup-key at a terminal: an incident open with the key is shown before any question, and nothing is sent', async () => {
  await withServer(async ({ server, run }) => {
    seedApiOutage(server);
    assertOk(await run(['create-incident', '-t', 'Checkout failing', '--dedup-key', 'alert-4711', '-q']));
    server.requests.length = 0;
    const result = await atTerminal(server, ['create-incident', '--dedup-key', 'alert-4711'], []);
    assertOk(result);
    assert.match(
      result.stderr,
      /^already open: inc000000001 'Checkout failing' has --dedup-key 'alert-4711'; nothing sent\n$/,
    );
    assert.deepEqual(calls(server), ['GET /incidents/unresolved']);
  });
});

test('--dedup-key: an incident opened with the key while the questions were answered is shown, and nothing is sent', async () => {
  await withServer(async ({ server }) => {
    const args = ['create-incident', '--dedup-key', 'alert-4711', '-c', 'Database', '-s', 'identified', '-i', 'major'];
    const result = await atTerminal(
      server,
      [...args, '-cs', 'major_outage', '-m', 'Queries fail.', '--yes'],
      [
        [
          /Title/,
          () => {
            // Someone else's run, between the first check and the answers.
            server.addIncident({ name: 'DB down', metadata: { statuspage_cli: { dedup_key: 'alert-4711' } } });
            return 'Database down\r';
          },
        ],
      ],
    );
    assertOk(result);
    assert.match(result.stderr, /already open: inc\w+ 'DB down' has --dedup-key 'alert-4711'; nothing sent\n$/);
    assert.deepEqual(server.mutations(), []);
  });
});

test('Ctrl-C at the template question sends nothing: exit 2', async () => {
  await withServer(async ({ server }) => {
    seedApiOutage(server);
    const result = await atTerminal(server, ['create-incident'], [[/Start from a template/, KEYS.ctrlC]]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cancelled; nothing sent\n$/);
    assert.deepEqual(server.mutations(), []);
  });
});
