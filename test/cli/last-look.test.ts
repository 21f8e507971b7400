// The last look before a broadcast, in this process: at a terminal a write that posts to
// subscribers is shown (page, incident, status, components old → new, message, how many are
// notified) and sent only after a y. Scripts, CI, --no-input, --yes, --dry-run and a profile with
// `confirm: false` get none of it: no question and none of its reads. The real terminal, through
// tmux, is in test/tmux/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, withServer } from '../support/harness.js';
import { runWithIo, serverEnv } from '../support/run-io.js';

const TERMINAL = { stdin: true, stderr: true } as const;
const calls = (server: FakeStatuspage) =>
  server.requests.map((r) => `${r.method} ${r.path.replace('/v1/pages/pg0000000001', '')}`);

/** Who the fake page's subscribers are: 1,297 of them. */
const AUDIENCE = { email: 1234, sms: 56, webhook: 7 };

/** An open incident on API (major_outage on the page), on a page with AUDIENCE subscribed. */
function checkoutErrors(server: FakeStatuspage) {
  server.subscriberCount = AUDIENCE;
  const api = server.components.find((c) => c.id === 'cmp000000001');
  if (api) api.status = 'major_outage';
  return server.addIncident({ name: 'Checkout errors', status: 'investigating', components: [{ id: 'cmp000000001' }] });
}

test('at a terminal an update is shown as subscribers will read it, then sent after y', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    const args = [
      'update-incident',
      incident.id,
      '-s',
      'identified',
      '-c',
      'API=partial_outage',
      'Database=degraded_performance',
    ];
    const result = await run([...args, '-m', 'We found the cause.\n\n**Rolling back** now.'], {
      tty: TERMINAL,
      input: 'y\n',
    });
    assertOk(result);
    assert.equal(
      result.stderr,
      [
        'About to post to Fake Status (pg0000000001):',
        `  Incident    Checkout errors (${incident.id})`,
        '  Status      investigating → identified',
        '  Components  API: major_outage → partial_outage',
        '              Database: operational → degraded_performance',
        '  Message     We found the cause.',
        '',
        '              **Rolling back** now.',
        '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
        'Send? [y/N] ',
      ].join('\n'),
    );
    // -c reads the incident; the last look reads the page, the component list (Database is new
    // to the incident) and the count; then the one PATCH.
    assert.deepEqual(calls(server), [
      'GET /components',
      `GET /incidents/${incident.id}`,
      'GET ',
      'GET /components',
      'GET /subscribers/count',
      `PATCH /incidents/${incident.id}`,
    ]);
    assert.equal(server.incidents.get(incident.id)?.status, 'identified');
  });
});

test('Enter, n or the end of input sends nothing: exit 2, "declined; nothing sent"', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    for (const input of ['\n', 'n\n', 'nope\n', '']) {
      const result = await run(['update-incident', incident.id, '-m', 'Still looking.'], { tty: TERMINAL, input });
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /\nSend\? \[y\/N\] \n?declined; nothing sent\n$/);
    }
    assert.deepEqual(server.mutations(), []);
  });
});

test('a plain update reads the incident for its name; a create names its components from the list', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    const update = await run(['update-incident', incident.id, '-m', 'Still looking.'], { tty: TERMINAL, input: 'y\n' });
    assertOk(update);
    assert.match(update.stderr, new RegExp(`\\n {2}Incident {4}Checkout errors \\(${incident.id}\\)\\n`));
    assert.deepEqual(calls(server).slice(0, 3), ['GET ', `GET /incidents/${incident.id}`, 'GET /subscribers/count']);

    server.requests.length = 0;
    const create = await run(['create-incident', '-t', 'Mail is slow', '-c', 'cmp000000004=degraded_performance'], {
      tty: TERMINAL,
      input: 'yes\n',
    });
    assertOk(create);
    // After the create, a terminal's stderr also gets the next commands (test/cli/terminal.test.ts).
    assert.equal(
      create.stderr.split('Send? [y/N] ')[0],
      [
        'About to post to Fake Status (pg0000000001):',
        '  Incident    Mail is slow (new)',
        '  Components  Email Delivery: operational → degraded_performance',
        '  Message     (none)',
        '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
        '',
      ].join('\n'),
    );
    assert.deepEqual(calls(server), ['GET ', 'GET /components', 'GET /subscribers/count', 'POST /incidents']);
  });
});

test('a count the token may not read is "unavailable"; --no-notify reads none and says so; both still ask', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    server.subscriberCount = { status: 403 };
    const refused = await run(['update-incident', incident.id, '-m', 'Still looking.'], {
      tty: TERMINAL,
      input: 'y\n',
    });
    assertOk(refused);
    assert.match(refused.stderr, /\n {2}Notifies {4}subscribers \(count unavailable\)\nSend\? \[y\/N\] $/);

    server.requests.length = 0;
    const quiet = await run(['resolve-incident', incident.id, '--no-notify', '-m', 'Fixed.'], {
      tty: TERMINAL,
      input: 'n\n',
    });
    assert.equal(quiet.code, 2);
    assert.match(quiet.stderr, /\n {2}Components {2}API: major_outage → operational\n/);
    assert.match(
      quiet.stderr,
      /\n {2}Notifies {4}nobody: subscribers will not be notified\nSend\? \[y\/N\] declined; nothing sent\n$/,
    );
    assert.ok(!calls(server).includes('GET /subscribers/count'), calls(server).join('\n'));
    assert.deepEqual(server.mutations(), []);
  });
});

test('a maintenance shows its window; text from the API is shown with its control characters visible', async () => {
  await withServer(async ({ server, run }) => {
    server.subscriberCount = AUDIENCE;
    const page = server.components.find((c) => c.id === 'cmp000000002');
    if (page) page.name = 'Web\u001b[2Jsite';
    const args = [
      'schedule-maintenance',
      '-t',
      'DB upgrade',
      '--scheduled',
      '2030-01-10T01:00:00Z',
      '--duration',
      '2h',
    ];
    const result = await run([...args, '-c', 'cmp000000002', '--tz', 'Europe/Berlin'], { tty: TERMINAL, input: 'y\n' });
    assertOk(result);
    assert.ok(
      result.stderr.startsWith(
        [
          'About to post to Fake Status (pg0000000001):',
          '  Maintenance DB upgrade (new)',
          '  Status      scheduled',
          '  Window      Thu 2030-01-10 02:00–04:00 CET (01:00–03:00 UTC)',
          '  Components  Web^[[2Jsite: operational (not changed now)',
          '  Message     (none)',
          '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
          'Send? [y/N] ',
        ].join('\n'),
      ),
      result.stderr,
    );
  });
});

test('scripts, CI, --no-input, STATUSPAGE_NO_INPUT, --yes and --dry-run: no question and none of its reads', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    const update = ['update-incident', incident.id, '-m', 'Still looking.'];
    for (const [why, args, options] of [
      ['no terminal', update, {}],
      ['stdin piped', update, { tty: { stderr: true } }],
      ['CI', update, { tty: TERMINAL, env: { CI: 'true' } }],
      ['--no-input', [...update, '--no-input'], { tty: TERMINAL }],
      ['STATUSPAGE_NO_INPUT', update, { tty: TERMINAL, env: { STATUSPAGE_NO_INPUT: '1' } }],
      ['--yes', [...update, '--yes'], { tty: TERMINAL }],
      ['-y', [...update, '-y'], { tty: TERMINAL }],
    ] as const) {
      server.requests.length = 0;
      const result = await run([...args], options);
      assertOk(result);
      assert.equal(result.stderr, '', why);
      assert.deepEqual(calls(server), [`PATCH /incidents/${incident.id}`], why);
    }
    server.requests.length = 0;
    const dryRun = await run([...update, '--dry-run'], { tty: TERMINAL });
    assertOk(dryRun);
    assert.match(dryRun.stdout, /^PATCH /);
    assert.deepEqual(server.requests, [], 'a dry run of a plain update reads nothing');
  });
});

test("a profile with confirm: false asks nothing; the profile's default asks", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-last-look-'));
  try {
    await withServer(async ({ server, run }) => {
      const incident = checkoutErrors(server);
      const profiles = (confirm: boolean | undefined) =>
        writeFileSync(
          join(dir, 'config.json'),
          JSON.stringify({
            default: 'acme',
            profiles: { acme: { page: server.pageId, ...(confirm === undefined ? {} : { confirm }) } },
          }),
        );
      const env = { STATUSPAGE_CONFIG_DIR: dir, STATUSPAGE_PAGE_ID: undefined };
      profiles(false);
      const quiet = await run(['update-incident', incident.id, '-m', 'Still looking.'], { tty: TERMINAL, env });
      assertOk(quiet);
      assert.equal(quiet.stderr, '');
      assert.equal(server.mutations().length, 1);

      profiles(undefined);
      const asked = await run(['update-incident', incident.id, '-m', 'Again.'], { tty: TERMINAL, env, input: '\n' });
      assert.equal(asked.code, 2);
      assert.match(asked.stderr, /Send\? \[y\/N\] declined; nothing sent\n$/);
      assert.equal(server.mutations().length, 1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the time a person takes to answer does not count against --timeout', async () => {
  await withServer(async ({ server }) => {
    const incident = checkoutErrors(server);
    const stdin = new PassThrough();
    const running = runWithIo(['update-incident', incident.id, '-m', 'Still looking.', '--timeout', '1'], {
      env: serverEnv(server),
      stdin,
      stdinIsTTY: true,
      stderrIsTTY: true,
    });
    setTimeout(() => stdin.end('y\n'), 1500);
    const result = await running;
    assertOk(result);
    assert.equal(server.mutations().length, 1);
  });
});

test('-m - typed at the terminal: the last look shows the message, but with its input ended nothing can be answered', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    const typed = await run(['update-incident', incident.id, '-m', '-'], { tty: TERMINAL, input: 'Typed here.\n' });
    assert.equal(typed.code, 2);
    assert.match(typed.stderr, /\n {2}Message {5}Typed here\.\n/);
    assert.match(
      typed.stderr,
      /\nnothing sent: standard input has ended \(-m - read it\), so Send\? cannot be answered; run it again with --yes, or with --message-file\n$/,
    );
    assert.deepEqual(server.mutations(), []);
    assertOk(
      await run(['update-incident', incident.id, '-m', '-', '--yes'], { tty: TERMINAL, input: 'Typed here.\n' }),
    );
    assert.equal(server.mutations().length, 1);
  });
});

test('a write that notifies with a body of another kind shows its request and what the command says subscribers read', async () => {
  const { withSession } = await import('../../src/cli/session.js');
  const { memoryIo } = await import('../support/memory-io.js');
  await withServer(async ({ server }) => {
    const incident = checkoutErrors(server);
    const memory = memoryIo({ env: serverEnv(server), input: 'n\n', stdinIsTTY: true, stderrIsTTY: true });
    const options = {
      keychainService: 'statuspage-token',
      ignoreSsl: false,
      allowHttp: false,
      timeout: 30,
      verbose: false,
      maxRetries: 0,
      dryRun: false,
      json: false,
      quiet: false,
    };
    const path = `/pages/${server.pageId}/incidents/${incident.id}/postmortem/publish`;
    const publish = withSession(memory.io, options, (session) =>
      session.write({
        method: 'PUT',
        path,
        body: { postmortem: { notify_subscribers: true, notify_twitter: false } },
        parse: (json) => json,
        notifies: true,
        preview: { incidentId: incident.id, message: '# What happened\n\nA bad deploy.' },
      }),
    );
    await assert.rejects(publish, (error: unknown) => (error as { line?: string }).line === 'declined; nothing sent');
    assert.equal(
      memory.stderr(),
      [
        'About to post to Fake Status (pg0000000001):',
        `  Request     PUT ${path}`,
        `  Incident    Checkout errors (${incident.id})`,
        '  Message     # What happened',
        '',
        '              A bad deploy.',
        '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
        'Send? [y/N] ',
      ].join('\n'),
    );
    assert.deepEqual(server.mutations(), []);
  });
});

test('edit-update --notify at a terminal shows the new text subscribers will read; n sends nothing', async () => {
  await withServer(async ({ server, run }) => {
    const incident = checkoutErrors(server);
    const update = incident.incident_updates?.[0]?.id ?? '';
    const args = ['edit-update', incident.id, '-m', 'We found the cause: a bad deploy.', '--notify'];
    const declined = await run(args, { tty: TERMINAL, input: 'n\n' });
    assert.equal(declined.code, 2, declined.stderr);
    assert.match(declined.stderr, /^About to post to Fake Status \(pg0000000001\):\n/);
    assert.match(
      declined.stderr,
      new RegExp(`  Request     PATCH /pages/pg0000000001/incidents/${incident.id}/incident_updates/${update}\n`),
    );
    assert.match(declined.stderr, / {2}Message {5}We found the cause: a bad deploy\.\n/);
    assert.match(declined.stderr, / {2}Notifies {4}1,297 subscribers/);
    assert.deepEqual(server.mutations(), []);
    // Without --notify nobody is told: there is no last look.
    assertOk(await run(['edit-update', incident.id, '-m', 'A quiet fix.'], { tty: TERMINAL }));
    assert.equal(server.mutations().length, 1);
  });
});
