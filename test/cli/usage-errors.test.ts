// Bad input: one line naming the flag, the value and what is allowed; exit 2; nothing sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertUsageError, withServer } from '../support/harness.js';
import { runCli } from '../support/run-cli.js';

test('every bad flag value is refused before any request', async () => {
  await withServer(async ({ server, run }) => {
    const cases: Array<[string[], ...string[]]> = [
      [['create-incident', '-t', 'x', '-i', 'huge'], '--impact', "'huge'", 'none, maintenance, minor, major, critical'],
      [
        ['create-incident', '-t', 'x', '-s', 'broken'],
        '--status',
        "'broken'",
        'investigating, identified, monitoring, resolved',
      ],
      [
        ['create-incident', '-t', 'x', '-c', 'a', '-cs', 'down'],
        '--component-status',
        "'down'",
        'operational, degraded_performance',
      ],
      [['create-incident', '-t', 'x', '-c', 'cmp000000001=down'], '--components', "'down'", 'major_outage'],
      [['create-incident', '-t', ''], '--title', 'empty'],
      [['create-incident', '-t', 'x', '--timeout', 'soon'], '--timeout', "'soon'"],
      [['create-incident', '-t', 'x', '--bogus'], "unknown option '--bogus'"],
      [['create-incident', '-t', 'x', '-m', 'a', '--message-file', 'f.md'], '--message', '--message-file'],
      [
        ['create-incident', '-t', 'x', '--message-file', '/no/such/file.md'],
        '--message-file',
        'cannot read the file (no such file)',
      ],
      [['create-incident', '-t', 'x', '--incident', 'abc'], "unknown option '--incident'"],
      [['frobnicate'], "unknown command 'frobnicate'"],
    ];
    for (const [args, ...fragments] of cases) {
      assertUsageError(await run(args), ...fragments);
    }
    assert.equal(server.requests.length, 0, 'nothing reaches the API');
    // --page also takes a page's name: what is not an ID is looked up (one read), never put in a path.
    assertUsageError(
      await run(['create-incident', '-t', 'x', '-p', 'pg/../../x']),
      "--page 'pg/../../x' is not one of your pages",
    );
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      ['GET /v1/pages'],
    );
  });
});

test('a page ID is required, from --page or STATUSPAGE_PAGE_ID', async () => {
  await withServer(async ({ server, runBare }) => {
    assertUsageError(
      await runBare(['create-incident', '-t', 'x', '--token', 'secret']),
      '--page',
      'STATUSPAGE_PAGE_ID',
    );
    assertUsageError(
      await runBare(['create-incident', '-t', 'x'], { env: { STATUSPAGE_PAGE_ID: 'a b' } }),
      'STATUSPAGE_PAGE_ID',
      "'a b'",
    );
    assert.equal(server.requests.length, 0);
  });
});

test('--help and --version exit 0 on stdout; help includes an example', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  for (const name of ['create-incident', 'update-incident', 'schedule-maintenance', 'resolve-incident']) {
    assert.ok(help.stdout.includes(name), name);
    const sub = await runCli([name, '--help']);
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /Example:\n {2}\$ statuspage /);
    assert.match(sub.stdout, /-tk, --token <token>/);
  }
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('a typo gets its suggestion on the same single line', async () => {
  assertUsageError(
    await runCli(['creat-incident']),
    "unknown command 'creat-incident'",
    'Did you mean create-incident?',
  );
  assertUsageError(
    await runCli(['create-incident', '--titel', 'x']),
    "unknown option '--titel'",
    'Did you mean --title?',
  );
});

test('usage lines show short aliases but not the underscore spellings kept for old scripts', async () => {
  const create = await runCli(['create_incident', '--help']);
  assert.match(create.stdout, /^Usage: statuspage create-incident \[options\]\n/);
  const login = await runCli(['auth', 'login', '--help']);
  assert.match(login.stdout, /^Usage: statuspage auth login \[options\]\n/);
  const list = await runCli(['components', '--help']);
  assert.match(list.stdout, /^Usage: statuspage list-components\|components \[options\]\n/);
  const top = await runCli(['--help']);
  assert.match(top.stdout, /\n {2}list-components\|components \[options\] /);
  assert.doesNotMatch(top.stdout, /create_incident/);
});

test('an empty message, or -cs without -c, is refused before anything is sent', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['create-incident', '-t', 'x', '-m', '  ']), '--message', 'empty');
    assertUsageError(
      await run(['update-incident', 'inc000000001', '-m', '-'], { input: '\n' }),
      '--message -',
      'empty',
    );
    assertUsageError(
      await run(['create-incident', '-t', 'x', '-cs', 'major_outage']),
      '--component-status',
      '--components',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('STATUSPAGE_API_URL must be an http(s) URL without credentials', async () => {
  const args = ['create-incident', '-p', 'pg0000000001', '-t', 'x', '--token', 'tok'];
  assertUsageError(await runCli(args, { env: { STATUSPAGE_API_URL: 'notaurl' } }), "STATUSPAGE_API_URL 'notaurl'");
  assertUsageError(await runCli(args, { env: { STATUSPAGE_API_URL: 'ftp://example/v1' } }), 'http or https');
  assertUsageError(
    await runCli(args, { env: { STATUSPAGE_API_URL: 'https://u:p@example/v1' } }),
    'user name or password',
  );
});

test('--json and --quiet together are refused; numeric defaults show as numbers in help', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['create-incident', '-t', 'x', '--json', '-q']), '--json', '--quiet');
    assert.equal(server.requests.length, 0);
  });
  const help = await runCli(['create-incident', '--help']);
  assert.match(help.stdout, /retries\s+included \(default: 30\)/);
  assert.match(help.stdout, /\(0-10\)\s+\(default: 3\)/);
});
