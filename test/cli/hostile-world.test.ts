// What a hostile or broken world does to the CLI, class by class: insecure or odd URLs, huge,
// endless or unprintable answers, servers that stall, bytes that are not UTF-8, inputs that never
// end, echoed tokens, and output streams that fail. Each asserts what is printed, the exit code
// and what was sent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentSocket } from '../support/dead-ends.js';
import { makeComponents } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';
import { type HostileMode, startHostileServer } from '../support/hostile-server.js';
import { BIN_PATH, cleanEnv, REPO_ROOT, runCli, runCliProcess, startCli } from '../support/run-cli.js';

const TOKEN = 'HOSTILE-4f1e9a27c3b85d60e2a1';
const PAGE = 'pg0000000001';

async function withHostile(mode: HostileMode, body: (url: string, requests: string[]) => Promise<void>) {
  const server = await startHostileServer(mode);
  try {
    await body(server.url, server.requests);
  } finally {
    await server.close();
  }
}

const env = (url: string, extra: Record<string, string> = {}) => ({
  STATUSPAGE_API_URL: url,
  STATUSPAGE_TOKEN: TOKEN,
  STATUSPAGE_PAGE_ID: PAGE,
  ...extra,
});

function oneErrorLine(stderr: string): string {
  const lines = stderr
    .trimEnd()
    .split('\n')
    .filter((l) => l.startsWith('error:'));
  assert.equal(lines.length, 1, stderr);
  return lines[0] as string;
}

// The tests below mostly wait (on deadlines, retries, lagging lists): they run side by side.
describe('a hostile world', { concurrency: true }, () => {
  test('plain http beyond loopback is refused before anything is sent, unless allowed', async () => {
    const remote = 'http://status.example.com/v1';
    const create = ['create-incident', '-t', 'x', '--dry-run'];
    assertUsageError(
      await runCli(create, { env: env(remote) }),
      "STATUSPAGE_API_URL 'http://status.example.com/v1' is plain http to status.example.com",
      '--allow-http',
    );
    for (const allowed of [
      await runCli([...create, '--allow-http'], { env: env(remote) }),
      await runCli(create, { env: env(remote, { STATUSPAGE_ALLOW_HTTP: '1' }) }),
    ]) {
      assertOk(allowed);
      assert.match(allowed.stdout, /^POST http:\/\/status\.example\.com\/v1\/pages\/pg0000000001\/incidents\n/);
    }
    for (const loopback of ['http://localhost:9/v1', 'http://127.1.2.3:9/v1', 'http://[::1]:9/v1']) {
      assertOk(await runCli(create, { env: env(loopback) }));
    }
    for (const odd of ['https://api.statuspage.io/v1?x=1', 'https://api.statuspage.io/v1#top']) {
      assertUsageError(await runCli(create, { env: env(odd) }), 'must not have a ?query or #fragment');
    }
  });

  test('an https URL answered without TLS: one line naming the likely cause; --ignore-ssl is not suggested', async () => {
    await withHostile('plain-http', async (url) => {
      const result = await runCli(['list-components'], { env: env(url) });
      assert.equal(result.code, 7);
      assert.match(
        oneErrorLine(result.stderr),
        /^error: 127\.0\.0\.1:\d+ did not answer with TLS; is the URL http:\/\/\?$/,
      );
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      const ignoring = await runCli(['list-components', '--ignore-ssl'], { env: env(url) });
      assert.equal(ignoring.code, 7);
      assert.doesNotMatch(ignoring.stderr, /pass --ignore-ssl/);
    });
  });

  test('--timeout bounds a TLS handshake that never completes, and nothing is said to be sent', async () => {
    await withHostile('tls-stall', async (url, requests) => {
      const started = Date.now();
      const result = await runCli(['create-incident', '-t', 'x', '--timeout', '2'], { env: env(url) });
      assert.equal(result.code, 7, result.stderr);
      assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms with --timeout 2`);
      assert.match(
        oneErrorLine(result.stderr),
        /could not connect to 127\.0\.0\.1:\d+ in time \(--timeout\); nothing was sent/,
      );
      assert.doesNotMatch(result.stderr, /may (exist|still)|not confirmed/);
      assert.ok(requests.length >= 1, 'it did try');
    });
  });

  for (const mode of ['huge', 'endless'] as const) {
    test(`a ${mode} answer is cut off at the response limit: one line, exit 7`, async () => {
      await withHostile(mode, async (url) => {
        const result = await runCli(['list-components'], { env: env(url) });
        assert.equal(result.code, 7, result.stderr);
        assert.equal(result.stdout, '');
        assert.match(
          oneErrorLine(result.stderr),
          /^error: GET \/pages\/pg0000000001\/components: HTTP 200, but the answer from 127\.0\.0\.1:\d+ is larger than 32 MiB, the most the CLI reads; stopped reading it$/,
        );
      });
    });
  }

  test('an answer too deep to print after a write: what was done is printed, with a warning, exit 0', async () => {
    await withHostile('deep-json', async (url) => {
      const result = await runCli(['update-incident', 'inc000000001', '-s', 'monitoring', '--json'], { env: env(url) });
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), {
        id: 'inc000000001',
        name: 'Deep',
        status: 'identified',
        shortlink: 'https://stspg.io/1',
      });
      assert.match(
        result.stderr,
        /^warning: the API's answer could not be printed in full \(.*\); its main fields are shown, and the change was made\n$/,
      );
    });
  });

  test('a token echoed in an error body is masked before the excerpt is cut', async () => {
    await withHostile('echo-token', async (url) => {
      const result = await runCli(['list-components'], { env: env(url) });
      assert.equal(result.code, 1);
      const output = result.stdout + result.stderr;
      for (let i = 0; i + 4 <= TOKEN.length; i++) {
        assert.ok(!output.includes(TOKEN.slice(i, i + 4)), `'${TOKEN.slice(i, i + 4)}' of the token shows:\n${output}`);
      }
      assert.match(result.stderr, /Authorization: OAuth \*\*\*/);
    });
  });

  test('--timeout bounds stdin for -m - and --token - when the pipe is never closed', async () => {
    await withServer(async ({ server }) => {
      for (const args of [
        ['create-incident', '-t', 'x', '-m', '-', '--timeout', '1'],
        ['create-incident', '-t', 'x', '--token', '-', '--timeout', '1'],
      ]) {
        const result = await runCliProcess(args, {
          env: { STATUSPAGE_API_URL: server.url, STATUSPAGE_PAGE_ID: server.pageId },
          stdinOpen: true,
          timeoutMs: 15_000,
        });
        assert.equal(result.timedOut, false, 'the CLI must not wait for ever');
        assertUsageError(result, 'standard input did not end within --timeout (1 s)');
      }
      assert.equal(server.requests.length, 0);
    });
  });

  test('--timeout bounds the keychain, whose own bound is now 5 s', {
    skip: process.platform !== 'linux',
  }, async () => {
    const silent = await silentSocket();
    try {
      const result = await runCli(['create-incident', '-t', 'x', '--timeout', '1.5'], {
        env: {
          STATUSPAGE_API_URL: 'http://127.0.0.1:9/v1',
          STATUSPAGE_PAGE_ID: PAGE,
          DBUS_SESSION_BUS_ADDRESS: silent.address,
        },
      });
      assert.equal(result.code, 3, result.stderr);
      assert.match(result.stderr, /the keychain did not answer within [01](\.\d)? s/);
    } finally {
      await silent.close();
    }
  });

  test('the keychain helper dies with the CLI when the CLI is terminated', {
    skip: process.platform !== 'linux',
  }, async () => {
    const silent = await silentSocket();
    try {
      const cli = startCli(['create-incident', '-t', 'x'], {
        env: {
          STATUSPAGE_API_URL: 'http://127.0.0.1:9/v1',
          STATUSPAGE_PAGE_ID: PAGE,
          DBUS_SESSION_BUS_ADDRESS: silent.address,
          STATUSPAGE_KEYCHAIN_TIMEOUT: '60',
        },
      });
      for (let i = 0; i < 200 && silent.connections() === 0; i++) await sleep(25);
      assert.ok(silent.connections() > 0, 'the helper reached the (silent) bus');
      cli.child.kill('SIGTERM');
      const result = await cli.done;
      assert.equal(result.code, 143);
      for (let i = 0; i < 120 && silent.open() > 0; i++) await sleep(25);
      assert.equal(silent.open(), 0, 'no helper is left connected to the bus');
    } finally {
      await silent.close();
    }
  });

  test('lists are read to the end: no silent cut at 10 000 components', async () => {
    await withServer(
      async ({ run }) => {
        const list = await run(['list-components', '-q']);
        assertOk(list);
        assert.equal(list.stdout.trimEnd().split('\n').length, 10_050);
        assertOk(await run(['create-incident', '-t', 'x', '-c', 'Component 10050', '-q']));
      },
      { components: makeComponents(10_050) },
    );
  });

  test('a message that is not UTF-8 is refused with the byte and its offset; a BOM is dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statuspage-bytes-'));
    try {
      const latin1 = join(dir, 'notes.md');
      writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21]));
      const utf16 = join(dir, 'utf16.md');
      writeFileSync(utf16, Buffer.from('\ufeffHi', 'utf16le'));
      const bom = join(dir, 'bom.md');
      writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café ✓\n')]));
      await withServer(async ({ server, run }) => {
        assertUsageError(
          await run(['create-incident', '-t', 'x', '--message-file', latin1]),
          `--message-file '${latin1}' is not valid UTF-8 (byte 0xE9 at offset 3)`,
        );
        assertUsageError(await run(['create-incident', '-t', 'x', '--message-file', utf16]), 'is UTF-16');
        assertUsageError(
          await run(['create-incident', '-t', 'x', '-m', '-'], { input: Buffer.from([0x4f, 0x4b, 0xc3, 0x28]) }),
          '--message - is not valid UTF-8 (byte 0xC3 at offset 2)',
        );
        assertUsageError(await run(['create-incident', '-t', 'x', '-m', 'broken \uFFFD text']), '--message', 'U+FFFD');
        assert.equal(server.requests.length, 0);
        assertOk(await run(['create-incident', '-t', 'x', '--message-file', bom, '-q']));
        assert.equal((onlyBody(server, 'POST') as { incident: { body: string } }).incident.body, 'Café ✓\n');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the 25 000-character limit counts code points, as the API does', async () => {
    await withServer(async ({ server, run }) => {
      assertOk(await run(['create-incident', '-t', '🚀'.repeat(255), '-m', '🚀'.repeat(25_000), '-q']));
      assertUsageError(
        await run(['create-incident', '-t', 'x', '-m', `${'🚀'.repeat(25_000)}x`]),
        '--message',
        'at most 25000 are allowed',
      );
      assertUsageError(
        await run(['create-incident', '-t', '🚀'.repeat(256)]),
        '--title',
        'is 256 characters long; at most 255 are allowed',
      );
      assert.equal(server.mutations().length, 1);
    });
  });

  test('--token - on a terminal reads the token at a hidden prompt', async () => {
    await withServer(async ({ server, runBare }) => {
      // --yes: the last look before the create (test/cli/last-look.test.ts) is not what is tested here.
      const args = ['create-incident', '-t', 'x', '-p', server.pageId, '--token', '-', '-q', '--yes'];
      const result = await runBare(args, {
        input: `${server.token}\r`,
        tty: { stdin: true, stderr: true },
      });
      assertOk(result);
      assert.equal(result.stderr, 'API token (input is hidden): \n');
      assert.equal(server.requests[0]?.headers.authorization, `OAuth ${server.token}`);
    });
  });

  test('a full disk on stdout is one line on stderr and exit 1', { skip: process.platform !== 'linux' }, async () => {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN_PATH, 'completion', 'bash'], {
      cwd: REPO_ROOT,
      env: cleanEnv(),
      stdio: ['ignore', full, 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    assert.equal(code, 1);
    assert.equal(stderr, 'error: cannot write to standard output (ENOSPC)\n');
  });

  test('a stderr that closes mid-run does not change what is sent: the create is still retried and made once', async () => {
    await withServer(async ({ server, start }) => {
      server.failNext({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } });
      const cli = start(['create-incident', '-t', 'Once', '-q']);
      cli.child.stderr.destroy();
      const result = await cli.done;
      assert.equal(result.code, 0);
      assert.equal(server.incidents.size, 1);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 2, 'rate limited, then sent again');
    });
  });

  test('--timeout too short to send anything says nothing was sent', async () => {
    await withServer(async ({ server, run }) => {
      const result = await run(['create-incident', '-t', 'x', '--timeout', '0.0001']);
      assert.equal(result.code, 7);
      assert.equal(server.requests.length, 0);
      assert.match(
        oneErrorLine(result.stderr),
        /passed before POST \/pages\/pg0000000001\/incidents could be sent; nothing was sent$/,
      );
      assert.doesNotMatch(result.stderr, /may exist|not confirmed/);
    });
  });
});
