// `statuspage auth` and the token lookup against the real OS keychain, not a fake: on Linux a
// Secret Service (gnome-keyring in a throwaway D-Bus session, see scripts/with-keyring.sh), on the
// macOS and Windows CI runners their own keychains. Every test uses its own service name.
// The locked-keyring test is last on purpose: the keyring stays locked for the rest of the session.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { after, describe, test } from 'node:test';
import { keychainName } from '../../src/auth/keychain-errors.js';
import { withServer } from '../support/harness.js';
import { realKeychainSkip, testKeychain, throwawayService } from '../support/real-keychain.js';
import { BIN_PATH, cleanEnv, REPO_ROOT, type RunCliResult } from '../support/run-cli.js';

const SKIP = realKeychainSkip();
const NAME = keychainName(process.platform);
const ACCOUNT = 'statuspage-tester';
const TOKEN = 'kc-token-5f1d8a0c9b7e4d2a';

function assertNoToken(result: RunCliResult, token = TOKEN): void {
  assert.ok(
    !result.stdout.includes(token) && !result.stderr.includes(token),
    `the token leaked:\n${result.stdout}\n${result.stderr}`,
  );
}

describe('the real OS keychain', { skip: SKIP }, () => {
  const entries: Array<[string, string]> = [];
  const service = (label: string, account = ACCOUNT) => {
    const name = throwawayService(label);
    entries.push([name, account]);
    return name;
  };
  after(async () => {
    const keychain = await testKeychain();
    for (const [name, account] of entries) await keychain.deletePassword(name, account).catch(() => false);
  });

  test('login stores the token from stdin; commands find it; status names the keychain; logout removes it', async () => {
    const svc = service('flow');
    await withServer(
      async ({ server, runBareProcess: runBare }) => {
        const entry = ['-ks', svc, '-ku', ACCOUNT];
        const login = await runBare(['auth', 'login', ...entry], { input: `${TOKEN}\n` });
        assert.equal(login.code, 0, login.stderr);
        assert.equal(login.stdout, '');
        assert.equal(
          login.stderr,
          `Stored the token in the ${NAME} (service '${svc}', account '${ACCOUNT}'); the API accepts it (1 page: Fake Status (pg0000000001)).\n`,
        );
        assertNoToken(login);
        assert.equal(await (await testKeychain()).getPassword(svc, ACCOUNT), TOKEN);

        // No --token, no STATUSPAGE_TOKEN: the keychain it is.
        const created = await runBare([
          'create-incident',
          '-t',
          'From the keychain',
          '-p',
          server.pageId,
          '-q',
          ...entry,
        ]);
        assert.equal(created.code, 0, created.stderr);
        const post = server.requests.find((r) => r.method === 'POST');
        assert.equal(post?.headers.authorization, `OAuth ${TOKEN}`);
        assertNoToken(created);

        const status = await runBare(['auth', 'status', ...entry]);
        assert.equal(status.code, 0, status.stderr);
        assert.deepEqual(status.stdout.split('\n').filter(Boolean), [
          `Token from: the ${NAME} (service '${svc}', account '${ACCOUNT}')`,
          `Token: …${TOKEN.slice(-4)} (${TOKEN.length} characters)`,
          'API: accepts the token (1 page: Fake Status (pg0000000001))',
        ]);
        assertNoToken(status);

        const logout = await runBare(['auth', 'logout', ...entry]);
        assert.equal(logout.code, 0, logout.stderr);
        assert.equal(logout.stderr, `Removed the token from the ${NAME} (service '${svc}', account '${ACCOUNT}').\n`);
        assert.equal(await (await testKeychain()).getPassword(svc, ACCOUNT), null);

        const before = server.requests.length;
        const after = await runBare(['create-incident', '-t', 'x', '-p', server.pageId, ...entry]);
        assert.equal(after.code, 4);
        assert.equal(
          after.stderr,
          `error: no API token: pass --token, set STATUSPAGE_TOKEN, or store it in the OS keychain with \`statuspage auth login\` (service '${svc}', account '${ACCOUNT}')\n`,
        );
        assert.equal(server.requests.length, before, 'nothing sent without a token');

        const again = await runBare(['auth', 'logout', ...entry]);
        assert.equal(again.code, 4);
        assert.equal(
          again.stderr,
          `error: nothing to remove: no entry for service '${svc}', account '${ACCOUNT}' in the ${NAME}\n`,
        );
        const nowhere = await runBare(['auth', 'status', ...entry]);
        assert.equal(nowhere.code, 4);
        assert.equal(nowhere.stdout, 'Token from: nowhere\n');
      },
      { token: TOKEN },
    );
  });

  test('a token the API rejects (401) is not stored, and the stored one stays', async () => {
    const svc = service('rejected');
    await withServer(
      async ({ server, runBareProcess: runBare }) => {
        const entry = ['-ks', svc, '-ku', ACCOUNT];
        const rejected = await runBare(['auth', 'login', ...entry], { input: 'kc-wrong-token-77aa\n' });
        assert.equal(rejected.code, 4);
        assert.match(rejected.stderr, /HTTP 401 Unauthorized.*; the token was not stored\n$/);
        assertNoToken(rejected, 'kc-wrong-token-77aa');
        assert.equal(await (await testKeychain()).getPassword(svc, ACCOUNT), null);

        assert.equal((await runBare(['auth', 'login', ...entry], { input: `${server.token}\n` })).code, 0);
        assert.equal((await runBare(['auth', 'login', ...entry], { input: 'kc-wrong-token-77aa\n' })).code, 4);
        assert.equal(await (await testKeychain()).getPassword(svc, ACCOUNT), server.token);
      },
      { token: TOKEN },
    );
  });

  test('--no-verify stores without asking the API; the account defaults to the OS user name', async () => {
    const me = userInfo().username;
    const svc = service('noverify', me);
    await withServer(async ({ server, runBareProcess: runBare }) => {
      const result = await runBare(['auth', 'login', '--no-verify', '-ks', svc], { input: `${TOKEN}\n` });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(
        result.stderr,
        `Stored the token in the ${NAME} (service '${svc}', account '${me}'); not checked with the API (--no-verify).\n`,
      );
      assert.equal(server.requests.length, 0);
      assert.equal(await (await testKeychain()).getPassword(svc, me), TOKEN);
    });
  });

  test('--token and STATUSPAGE_TOKEN still come before the keychain', async () => {
    const svc = service('precedence');
    await (await testKeychain()).setPassword(svc, ACCOUNT, 'kc-stored-token-31c4');
    await withServer(async ({ server, runBareProcess: runBare }) => {
      const args = ['create-incident', '-t', 'x', '-p', server.pageId, '-q', '-ks', svc, '-ku', ACCOUNT];
      assert.equal((await runBare(args, { env: { STATUSPAGE_TOKEN: server.token } })).code, 0);
      assert.equal(
        (await runBare([...args, '--token', server.token], { env: { STATUSPAGE_TOKEN: 'kc-env-wrong' } })).code,
        0,
      );
      const fromKeychain = await runBare(args);
      assert.equal(fromKeychain.code, 4, 'the stored token is not the server’s');
      const auth = server.requests.map((r) => r.headers.authorization);
      assert.deepEqual(auth, [`OAuth ${server.token}`, `OAuth ${server.token}`, 'OAuth kc-stored-token-31c4']);
    });
  });

  const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
  test('in a terminal, login prompts for the token and does not echo it', {
    skip: hasScript ? false : 'needs Linux and script(1)',
  }, async () => {
    const svc = service('tty');
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = [process.execPath, BIN_PATH, 'auth', 'login', '--no-verify', '-ks', svc, '-ku', ACCOUNT]
      .map(quote)
      .join(' ');
    // script(1) gives the CLI a pseudo-terminal; the token is typed only once the prompt shows.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let typed = false;
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!typed && output.includes('(input is hidden): ')) {
        typed = true;
        child.stdin.write(`${TOKEN}\r`);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(timer);
    assert.equal(code, 0, output);
    assert.ok(typed, `no prompt seen:\n${output}`);
    assert.match(output, /Paste your Statuspage API token \(input is hidden\): \r?\n/);
    assert.match(output, new RegExp(`Stored the token in the ${NAME} \\(service '${svc}'`));
    assert.ok(!output.includes(TOKEN), `the token was echoed:\n${output}`);
    assert.equal(await (await testKeychain()).getPassword(svc, ACCOUNT), TOKEN);
  });

  const macKeychain = process.env.STATUSPAGE_TEST_MACOS_KEYCHAIN;
  test('macOS: an entry made with `security add-generic-password` in a keychain on the search list is found', {
    skip:
      process.platform !== 'darwin'
        ? 'macOS only'
        : macKeychain
          ? false
          : 'set STATUSPAGE_TEST_MACOS_KEYCHAIN to a non-default keychain on the search list',
  }, async () => {
    const me = userInfo().username;
    const svc = service('security', me);
    const added = spawnSync('security', [
      'add-generic-password',
      '-a',
      me,
      '-s',
      svc,
      '-w',
      TOKEN,
      macKeychain as string,
    ]);
    assert.equal(added.status, 0, String(added.stderr));
    await withServer(
      async ({ server, runBareProcess: runBare }) => {
        const result = await runBare(['create-incident', '-t', 'x', '-p', server.pageId, '-q', '-ks', svc]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(server.requests[0]?.headers.authorization, `OAuth ${TOKEN}`);
        assertNoToken(result);
        const logout = await runBare(['auth', 'logout', '-ks', svc]);
        assert.equal(logout.code, 0, logout.stderr);
        assert.equal(
          spawnSync('security', ['find-generic-password', '-a', me, '-s', svc, macKeychain as string]).status,
          44,
        );
      },
      { token: TOKEN },
    );
  });

  test('a locked keyring: one sentence, exit 3 (Linux)', {
    skip: process.platform === 'linux' ? false : 'locks the Secret Service keyring',
  }, async () => {
    const svc = service('locked');
    await (await testKeychain()).setPassword(svc, ACCOUNT, TOKEN);
    const locked = spawnSync('dbus-send', [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.secrets',
      '/org/freedesktop/secrets',
      'org.freedesktop.Secret.Service.Lock',
      'array:objpath:/org/freedesktop/secrets/collection/login',
    ]);
    assert.equal(locked.status, 0, String(locked.stderr));
    await withServer(async ({ server, runBareProcess: runBare }) => {
      const result = await runBare(['create-incident', '-t', 'x', '-p', server.pageId, '-ks', svc, '-ku', ACCOUNT]);
      assert.equal(result.code, 3);
      assert.equal(
        result.stderr,
        `error: cannot read the token from the keychain (service '${svc}', account '${ACCOUNT}'): the keychain is locked: the Secret Service keyring is locked (or has no default keyring) and no unlock prompt could be shown; unlock it, e.g. by logging in to the desktop, and retry\n`,
      );
      const status = await runBare(['auth', 'status', '-ks', svc, '-ku', ACCOUNT]);
      assert.equal(status.code, 3);
      assert.equal(
        status.stdout,
        `Token from: the ${NAME} (service '${svc}', account '${ACCOUNT}'), which cannot be read\n`,
      );
      assert.equal(server.requests.length, 0);
    });
  });
});
