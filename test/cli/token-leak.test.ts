// The token never reaches the terminal: every command path runs with one distinctive token and
// stdout + stderr are searched for it (and for any 10-character piece of it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closedApiUrl } from '../support/dead-ends.js';
import { withServer } from '../support/harness.js';
import { type RunCliResult, runCliProcess as runCli } from '../support/run-cli.js';

const TOKEN = 'LEAKCHECK-9f3b2c71e6a84d05b1c7';
/** On Linux, no Secret Service: the keychain paths fail the way a headless machine does. */
const NO_KEYCHAIN =
  process.platform === 'linux' ? { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/statuspage-test' } : {};

function assertNoLeak(label: string, result: RunCliResult): void {
  const output = `${result.stdout}\n${result.stderr}`;
  for (let i = 0; i + 10 <= TOKEN.length; i++) {
    const piece = TOKEN.slice(i, i + 10);
    assert.ok(!output.includes(piece), `${label}: '${piece}' of the token appears in the output:\n${output}`);
  }
}

// The tests below mostly wait (on deadlines, retries, lagging lists): they run side by side.
describe('the token never shows', { concurrency: true }, () => {
  test('no command path prints the token: success, --json, -q, --dry-run, --verbose, help', async () => {
    await withServer(
      async ({ server, run: runHere, runProcess: run }) => {
        const incident = server.addIncident({ name: 'Leak check' });
        const maintenance = server.addIncident({ name: 'Window', status: 'in_progress', impact: 'maintenance' });
        const cases: Array<[string, string[]]> = [
          ['create', ['create-incident', '-t', 'x', '-s', 'investigating', '-c', 'cmp000000001']],
          ['create --json', ['create-incident', '-t', 'x', '--json']],
          ['create -q', ['create-incident', '-t', 'x', '-q']],
          ['create --verbose', ['create-incident', '-t', 'x', '--verbose', '-c', 'API']],
          ['create --dry-run', ['create-incident', '-t', 'x', '--dry-run']],
          [
            'create --dry-run --json --verbose',
            ['create-incident', '-t', 'x', '--dry-run', '--json', '--verbose', '-c', 'API'],
          ],
          ['update', ['update-incident', incident.id, '-s', 'identified', '-m', 'Found it.', '--verbose']],
          ['update --json', ['update-incident', incident.id, '-s', 'monitoring', '--json']],
          ['update --dry-run', ['update-incident', incident.id, '-s', 'monitoring', '--dry-run', '--verbose']],
          ['schedule', ['schedule-maintenance', '-t', 'w', '--scheduled', '2030-01-02T03:00:00Z', '--verbose']],
          [
            'schedule --dry-run --json',
            ['schedule-maintenance', '-t', 'w', '--scheduled', '2030-01-02T03:00:00Z', '--dry-run', '--json'],
          ],
          ['resolve', ['resolve-incident', incident.id, '-m', 'Fixed.', '--verbose']],
          ['resolve maintenance --json', ['resolve-incident', maintenance.id, '--json']],
          ['resolve --dry-run', ['resolve-incident', incident.id, '--dry-run', '--verbose']],
          ['auth status', ['auth', 'status']],
          ['auth status --verbose', ['auth', 'status', '--verbose']],
          ['help', ['create-incident', '--help']],
          ['auth help', ['auth', 'status', '--help']],
        ];
        // The token from the environment in this process (all the CLI writes goes through its Io);
        // given with --token in argv, as a real process, where Node itself could echo argv.
        for (const [label, args] of cases) {
          const viaEnv = await runHere(args);
          assert.ok(viaEnv.code === 0, `${label}: exit ${viaEnv.code}: ${viaEnv.stderr}`);
          assertNoLeak(`${label} (STATUSPAGE_TOKEN)`, viaEnv);
          assertNoLeak(
            `${label} (--token)`,
            await run([...args, '--token', TOKEN], { env: { STATUSPAGE_TOKEN: undefined } }),
          );
        }
        const piped = await run(['create-incident', '-t', 'x', '--token', '-', '--verbose'], { input: `${TOKEN}\n` });
        assert.equal(piped.code, 0, piped.stderr);
        assertNoLeak('--token -', piped);
        const statusPiped = await run(['auth', 'status', '--token', '-'], { input: `${TOKEN}\n` });
        assert.equal(statusPiped.code, 0, statusPiped.stderr);
        assertNoLeak('auth status --token -', statusPiped);
      },
      { token: TOKEN },
    );
  });

  test('no failure path prints the token: 401, 422, an API echoing it, network errors, usage errors', async () => {
    await withServer(async ({ server, run: runHere, runProcess: run }) => {
      const failures: Array<[string, string[], number, (() => void)?]> = [
        ['401', ['create-incident', '-t', 'x', '--verbose'], 4],
        ['401 auth status', ['auth', 'status', '--verbose'], 4],
        ['401 auth login', ['auth', 'login', '--verbose'], 4],
        [
          '422',
          ['create-incident', '-t', 'x'],
          1,
          () => server.failNext({ status: 422, body: { error: ['Name is invalid'] } }),
        ],
        [
          'API echoes the token',
          ['update-incident', 'inc000000001', '-s', 'identified'],
          4,
          () => server.failNext({ status: 401, body: { message: `Token ${TOKEN} is not valid` } }),
        ],
        [
          '500 echoing it as HTML',
          ['create-incident', '-t', 'x'],
          // The create's outcome is unknown: the lookup is refused (this token is not the server's).
          7,
          () => server.failNext({ status: 500, body: `<html><body>Authorization: OAuth ${TOKEN}</body></html>` }),
        ],
        ['usage: bad value', ['create-incident', '-t', 'x', '-i', 'huge'], 2],
        ['usage: unknown option', ['create-incident', '-t', 'x', '--bogus'], 2],
        ['usage: missing page', ['create-incident', '-t', 'x', '-p', ''], 2],
      ];
      for (const [label, args, code, arrange] of failures) {
        // auth login takes its token from stdin only (a real process); the other commands from the
        // env (in this process) or --token (a real process, as above).
        for (const how of args[1] === 'login' ? (['stdin'] as const) : (['env', 'flag'] as const)) {
          arrange?.();
          const result =
            how === 'flag'
              ? await run([...args, '--token', TOKEN], { env: { STATUSPAGE_TOKEN: undefined } })
              : await (how === 'env' ? runHere : run)(args, { env: { STATUSPAGE_TOKEN: TOKEN }, input: `${TOKEN}\n` });
          assert.equal(result.code, code, `${label} (${how}): ${result.stderr}`);
          assertNoLeak(`${label} (${how})`, result);
        }
      }
    });
  });

  test('no network or keychain failure prints the token', async () => {
    const url = await closedApiUrl();
    const env = { STATUSPAGE_API_URL: url, STATUSPAGE_PAGE_ID: 'pg0000000001', ...NO_KEYCHAIN };
    const runs: Array<[string, RunCliResult]> = [
      [
        'network',
        await runCli(['create-incident', '-t', 'x', '--token', TOKEN, '--verbose', '--max-retries', '1'], { env }),
      ],
      [
        'network, env',
        await runCli(['resolve-incident', 'inc000000001', '--verbose', '--max-retries', '1'], {
          env: { ...env, STATUSPAGE_TOKEN: TOKEN },
        }),
      ],
      ['network, auth status', await runCli(['auth', 'status', '--token', TOKEN], { env })],
      ['network, auth login', await runCli(['auth', 'login', '--verbose'], { env, input: `${TOKEN}\n` })],
      ['timeout flag', await runCli(['create-incident', '-t', 'x', '--token', TOKEN, '--timeout', '0'], { env })],
      ['auth login, token with a space', await runCli(['auth', 'login'], { env, input: `x ${TOKEN}\n` })],
    ];
    if (process.platform === 'linux') {
      runs.push([
        'auth login --no-verify, no keychain',
        await runCli(['auth', 'login', '--no-verify'], { env, input: `${TOKEN}\n` }),
      ]);
    }
    for (const [label, result] of runs) {
      assert.notEqual(result.code, 0, `${label} should fail`);
      assertNoLeak(label, result);
    }
  });
});

test('a token the API echoes HTML-escaped or percent-encoded is masked too; one with a newline is refused unsent', async () => {
  const odd = 'tok/en+x"y<z>==1234abcd';
  await withServer(
    async ({ server, run }) => {
      server.failNext({
        status: 500,
        body: `<html>bad token ${odd.replace('"', '&quot;').replace('<', '&lt;').replace('>', '&gt;')}</html>`,
      });
      const html = await run(['list-incidents', '--max-retries', '0']);
      assert.equal(html.code, 1, html.stderr);
      assert.ok(html.stderr.includes('bad token ***'), html.stderr);
      server.failNext({ status: 401, body: { message: `token ${encodeURIComponent(odd)} unknown` } });
      const encoded = await run(['list-incidents']);
      assert.equal(encoded.code, 4, encoded.stderr);
      assert.ok(encoded.stderr.includes('token *** unknown'), encoded.stderr);

      server.requests.length = 0;
      const newline = await run(['list-incidents'], { env: { STATUSPAGE_TOKEN: 'abc\ndef' } });
      assert.equal(newline.code, 2);
      assert.equal(
        newline.stderr,
        'error: the API token from STATUSPAGE_TOKEN contains whitespace or a control character; a token is one word\n',
      );
      assert.deepEqual(server.requests, []);
    },
    { token: odd },
  );
});
