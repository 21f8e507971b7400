// `statuspage auth login|status|logout` where no real keychain is needed: verification, input,
// precedence, and the keychain failures a user sees when there is no (answering) keychain.
// The real-keychain round trips are in test/keychain/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closedApiUrl, silentSocket } from '../support/dead-ends.js';
import { assertUsageError, withServer } from '../support/harness.js';
import { runCli } from '../support/run-cli.js';

const LINUX_ONLY =
  process.platform === 'linux' ? false : 'needs Linux, where pointing D-Bus elsewhere hides the keychain';
/** On Linux, a D-Bus address nothing listens on: no Secret Service, so no keychain at all. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/statuspage-test' };

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

test('auth --help lists login, status and logout; each has an example', async () => {
  const help = await runCli(['auth', '--help']);
  assert.equal(help.code, 0);
  for (const name of ['login', 'status', 'logout']) {
    assert.match(help.stdout, new RegExp(`^ {2}${name} \\[options\\]`, 'm'));
    const sub = await runCli(['auth', name, '--help']);
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, new RegExp(`Example:\\n {2}\\$ .*statuspage auth ${name}`));
    assert.match(sub.stdout, /-ks, --keychain-service <service>/);
  }
  const top = await runCli(['--help']);
  assert.match(top.stdout, /^ {2}auth /m);
  assertUsageError(await runCli(['auth', 'login', '--bogus']), "unknown option '--bogus'");
});

test('login checks the token with GET /pages before touching the keychain; a 401 stores nothing', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['auth', 'login'], { input: 'wrong-token\n', env: NO_KEYCHAIN });
    assert.equal(result.code, 4, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'error: GET /pages: HTTP 401 Unauthorized: Could not authenticate; the token was not stored\n',
    );
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.method, 'GET');
    assert.equal(server.requests[0]?.path, '/v1/pages');
    assert.equal(server.requests[0]?.headers.authorization, 'OAuth wrong-token');
  });
});

test('login: a network failure stores nothing either (exit 7)', async () => {
  const result = await runCli(['auth', 'login'], {
    input: 'some-token\n',
    env: { STATUSPAGE_API_URL: await closedApiUrl() },
  });
  assert.equal(result.code, 7, result.stderr);
  assert.match(result.stderr, /^error: connection to 127\.0\.0\.1:\d+ refused; the token was not stored\n$/);
});

test('login: no token, or a token with spaces in it, is a usage error and sends nothing', async () => {
  await withServer(async ({ server, runBare }) => {
    assertUsageError(
      await runBare(['auth', 'login'], { input: '' }),
      'no token given',
      'pass show statuspage | statuspage auth login',
    );
    assertUsageError(await runBare(['auth', 'login'], { input: '\n  \n' }), 'no token given');
    const spaced = await runBare(['auth', 'login'], { input: 'token: abc123\n' });
    assertUsageError(spaced, 'contains whitespace');
    assert.ok(!spaced.stderr.includes('abc123'));
    assertUsageError(await runBare(['auth', 'login', '--timeout', 'soon'], { input: 'x\n' }), '--timeout', "'soon'");
    assertUsageError(await runBare(['auth', 'login', '-ks', ''], { input: 'x\n' }), '--keychain-service', 'empty');
    assert.equal(server.requests.length, 0);
  });
});

test('login reads the first line of stdin, verifies it, then reports a missing keychain (exit 3)', {
  skip: LINUX_ONLY,
}, async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['auth', 'login', '-ku', 'ci-bot'], {
      input: `${server.token}\nlogin: someone\n`,
      env: NO_KEYCHAIN,
    });
    assert.equal(result.code, 3, result.stderr);
    assert.equal(
      result.stderr,
      "error: cannot store the token in the keychain (service 'statuspage-token', account 'ci-bot'): no keychain service is running: no Secret Service (gnome-keyring, KWallet, KeePassXC) answers on the D-Bus session bus\n",
    );
    assert.equal(server.requests[0]?.headers.authorization, `OAuth ${server.token}`);
  });
});

test('status: the token from STATUSPAGE_TOKEN, its last 4 characters, and the API’s verdict', async () => {
  await withServer(
    async ({ server, runBare }) => {
      const token = 'status-token-0123456789wxyz';
      const ok = await runBare(['auth', 'status'], { env: { STATUSPAGE_TOKEN: token } });
      assert.equal(ok.code, 0, ok.stderr);
      assert.deepEqual(lines(ok.stdout), [
        'Token from: STATUSPAGE_TOKEN',
        'Token: …wxyz (27 characters)',
        'API: accepts the token (1 page: Fake Status (pg0000000001))',
      ]);
      assert.equal(ok.stderr, '');
      assert.equal(server.requests[0]?.path, '/v1/pages');
      assert.equal(server.requests[0]?.headers.authorization, `OAuth ${token}`);
    },
    { token: 'status-token-0123456789wxyz' },
  );
});

test('status: --token beats STATUSPAGE_TOKEN; a rejected token is exit 4', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['auth', 'status', '--token', 'short-bad'], {
      env: { STATUSPAGE_TOKEN: server.token },
    });
    assert.equal(result.code, 4);
    assert.deepEqual(lines(result.stdout), ['Token from: --token', 'Token: 9 characters', 'API: rejects the token']);
    assert.equal(result.stderr, 'error: GET /pages: HTTP 401 Unauthorized: Could not authenticate\n');
    const piped = await runBare(['auth', 'status', '-tk', '-', '--verbose', '-g'], { input: `${server.token}\n` });
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /^Token from: --token\n/);
    assert.deepEqual(
      lines(piped.stderr).map((l) =>
        l.replace(/\(\d+ ms\)$/, '(n ms)').replace(/^(> user-agent: statuspage-cli\/).*/, '$1…'),
      ),
      [
        'warning: --ignore-ssl: the API’s TLS certificate is not verified; the token could be intercepted',
        `> GET ${server.url}/pages`,
        '> authorization: OAuth ***',
        '> accept: application/json',
        '> user-agent: statuspage-cli/…',
        `< 200 GET ${server.url}/pages (n ms)`,
      ],
    );
  });
});

test('status with no token anywhere says so, sends nothing, exit 4', { skip: LINUX_ONLY }, async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['auth', 'status', '-ks', 'statuspage-test-nowhere'], { env: NO_KEYCHAIN });
    assert.equal(result.code, 4);
    assert.equal(result.stdout, 'Token from: nowhere\n');
    assert.match(
      result.stderr,
      /^error: no API token: pass --token, set STATUSPAGE_TOKEN, or store it in the OS keychain with `statuspage auth login` \(service 'statuspage-test-nowhere', account '[^']+'\); keychain: no keychain service is running/,
    );
    assert.equal(server.requests.length, 0);
  });
});

test('logout with no keychain service: one sentence, exit 3', { skip: LINUX_ONLY }, async () => {
  const result = await runCli(['auth', 'logout', '-ku', 'someone'], { env: NO_KEYCHAIN });
  assert.equal(result.code, 3);
  assert.equal(result.stdout, '');
  assert.equal(
    result.stderr,
    "error: cannot remove the token from the keychain (service 'statuspage-token', account 'someone'): no keychain service is running: no Secret Service (gnome-keyring, KWallet, KeePassXC) answers on the D-Bus session bus\n",
  );
});

test('a keychain that never answers is given up after STATUSPAGE_KEYCHAIN_TIMEOUT, and the CLI exits', {
  skip: LINUX_ONLY,
}, async () => {
  const silent = await silentSocket();
  try {
    await withServer(async ({ server, runBare }) => {
      const env = { DBUS_SESSION_BUS_ADDRESS: silent.address, STATUSPAGE_KEYCHAIN_TIMEOUT: '1' };
      const runs = [
        await runBare(['create-incident', '-t', 'x', '-p', server.pageId], { env }),
        await runBare(['auth', 'logout'], { env }),
        await runBare(['auth', 'login', '--no-verify'], { env, input: 'tok\n' }),
      ];
      for (const [i, result] of runs.entries()) {
        assert.equal(result.timedOut, false, 'the CLI must not hang on the keychain');
        assert.equal(result.code, 3, result.stderr);
        assert.match(
          lines(result.stderr)[0] ?? '',
          /: the keychain did not answer within 1 s \(a locked keychain may be waiting for an unlock prompt; STATUSPAGE_KEYCHAIN_TIMEOUT gives it longer\)$/,
        );
        assert.equal(lines(result.stderr).length, 1);
        assert.ok(result.durationMs < 15_000, `run ${i} took ${result.durationMs} ms`);
      }
      assert.ok(silent.connections() >= 3, 'each run really asked the (silent) bus');
      assert.equal(server.requests.length, 0);
    });
  } finally {
    await silent.close();
  }
});

test('STATUSPAGE_KEYCHAIN_TIMEOUT must be a number of seconds', async () => {
  assertUsageError(
    await runCli(['auth', 'logout'], { env: { STATUSPAGE_KEYCHAIN_TIMEOUT: 'forever' } }),
    "STATUSPAGE_KEYCHAIN_TIMEOUT 'forever'",
    'number of seconds',
  );
});
