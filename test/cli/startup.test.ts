// What each kind of run loads: help, version and usage errors must not pay for the HTTP
// client, the keychain, chalk or the prompt library, only commands that send anything load
// undici, and only a question at a terminal loads the prompt library (test/tmux/ shows it does).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';
import { type LoadReport, loadedFileContaining, loadProbeEnv } from '../support/load-probe.js';
import { PROMPT_LIBRARY_MARKER } from '../support/prompt-library.js';
import { REPO_ROOT, type RunCliOptions, type RunCliResult, runCliProcess as runCli } from '../support/run-cli.js';

// The built-in that undici requires as it initialises and that nothing on the other paths needs
// (tls only for https; http2 never, as the bundle leaves it out).
const UNDICI_BUILTINS = ['http'];
// chalk asks node:tty whether to colour; with stdout and stderr piped nothing else loads it.
const CHALK_BUILTIN = 'tty';

async function probe(
  run: (args: string[], options?: RunCliOptions) => Promise<RunCliResult>,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ result: RunCliResult; loaded: LoadReport }> {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-probe-'));
  try {
    const file = join(dir, 'loaded.json');
    const result = await run(args, { env: { ...env, ...loadProbeEnv(file) } });
    const loaded = JSON.parse(readFileSync(file, 'utf8')) as LoadReport;
    return { result, loaded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const usesUndici = (r: LoadReport) => UNDICI_BUILTINS.filter((b) => r.builtins.includes(b));
const usesKeychain = (r: LoadReport) => r.commonJs.some((f) => f.includes('keyring'));
const usesChalk = (r: LoadReport) => r.builtins.includes(CHALK_BUILTIN);
const usesPrompts = (r: LoadReport) => loadedFileContaining(r, PROMPT_LIBRARY_MARKER);

test('the prompt library is bundled in a chunk of its own that the probe can tell, and the probe sees ES modules', async () => {
  const chunks = readdirSync(join(REPO_ROOT, 'dist', 'chunks')).filter((name) =>
    readFileSync(join(REPO_ROOT, 'dist', 'chunks', name), 'utf8').includes(PROMPT_LIBRARY_MARKER),
  );
  assert.equal(chunks.length, 1, `the marker names one chunk: ${chunks.join(', ')}`);
  const { loaded } = await probe(runCli, ['--version']);
  assert.ok(
    loaded.esm.some((url) => url.endsWith('/dist/statuspage.mjs')),
    `the entry is among the ES modules loaded: ${loaded.esm.join('\n')}`,
  );
});

for (const [name, args, code, zod] of [
  ['--help', ['--help'], 0, false],
  ['--version', ['--version'], 0, false],
  ['help for a command', ['help', 'create-incident'], 0, false],
  ['the sandbox’s help', ['sandbox', '--help'], 0, false],
  ['help for status', ['status', '--help'], 0, false],
  ['help for set-component', ['help', 'set-component'], 0, false],
  ['help for show-incident', ['view', '--help'], 0, false],
  ['help for schedule-maintenance', ['schedule-maintenance', '--help'], 0, false],
  ['a missing title', ['schedule-maintenance', '-p', 'pg0000000001'], 2, true],
  ['a missing incident ID', ['resolve-incident', '-p', 'pg0000000001', '-m', 'Fixed.'], 2, true],
  ['a set-component name without a status', ['set-component', '-p', 'pg0000000001', 'API'], 2, true],
  ['an unknown flag', ['create-incident', '--bogus'], 2, false],
  ['a bad flag value', ['create-incident', '-p', 'pg0000000001', '-t', 'x', '-s', 'bogus'], 2, true],
  ['a missing page', ['resolve-incident', 'inc000000001'], 2, true],
] as const) {
  test(`${name} loads neither undici, the keychain, chalk nor the prompt library${zod ? '' : ', nor even zod'}`, async () => {
    const { result, loaded } = await probe(runCli, [...args]);
    assert.equal(result.code, code, result.stderr);
    assert.deepEqual(usesUndici(loaded), []);
    assert.equal(usesKeychain(loaded), false, loaded.commonJs.join('\n'));
    assert.equal(loaded.zod, zod, zod ? 'validating flags needs zod' : 'zod is not needed before a command runs');
    assert.equal(usesChalk(loaded), false);
    assert.equal(usesPrompts(loaded), undefined);
  });
}

// Strings only the sandbox's status page and its API server hold: no other command loads them.
const SANDBOX_MARKERS = ['http-equiv="refresh"', 'Malformed JSON in request body'];
const usesSandbox = (r: LoadReport) => SANDBOX_MARKERS.map((m) => loadedFileContaining(r, m)).find(Boolean);

test('the sandbox adds nothing to other commands: help, a usage error and a create load none of it', async () => {
  for (const args of [['--help'], ['create-incident', '-p', 'pg0000000001', '-t', 'x', '-s', 'bogus']]) {
    const { loaded } = await probe(runCli, args);
    assert.equal(usesSandbox(loaded), undefined, args.join(' '));
  }
  await withServer(async ({ runProcess: run }) => {
    const { result, loaded } = await probe(run, ['create-incident', '-t', 'x', '-q']);
    assertOk(result);
    assert.equal(usesSandbox(loaded), undefined, 'create-incident');
  });
  const { result, loaded } = await probe(runCli, ['sandbox', 'exec', '--', process.execPath, '-e', '0']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(usesSandbox(loaded), 'the markers do name the sandbox’s chunks');
});

test('--dry-run with a token in the environment loads neither undici, the keychain nor chalk', async () => {
  await withServer(async ({ server, runProcess: run }) => {
    const { result, loaded } = await probe(run, ['create-incident', '-t', 'x', '-c', 'cmp000000001', '--dry-run']);
    assertOk(result);
    assert.equal(server.requests.length, 0);
    assert.deepEqual(usesUndici(loaded), []);
    assert.equal(usesKeychain(loaded), false);
    assert.equal(usesChalk(loaded), false);
    assert.equal(usesPrompts(loaded), undefined);
  });
});

test('a request loads undici, but not the keychain when the token is given', async () => {
  await withServer(async ({ server, runProcess: run }) => {
    const { result, loaded } = await probe(run, ['create-incident', '-t', 'x', '-q']);
    assertOk(result);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(usesUndici(loaded), UNDICI_BUILTINS);
    for (const unused of ['http2', 'tls']) assert.ok(!loaded.builtins.includes(unused), `${unused} is loaded`);
    assert.equal(usesKeychain(loaded), false);
    assert.equal(usesChalk(loaded), false, '-q prints only the ID');
    assert.equal(usesPrompts(loaded), undefined, 'a script is asked nothing');
  });
});

test('chalk is loaded only to print an incident block', async () => {
  await withServer(async ({ runProcess: run }) => {
    const { result, loaded } = await probe(run, ['create-incident', '-t', 'x']);
    assertOk(result);
    assert.match(result.stdout, /^Created incident:/);
    assert.equal(usesChalk(loaded), true);
  });
});

test('the keychain is loaded when no flag or variable gives a token', async () => {
  await withServer(async ({ server, runBareProcess: runBare }) => {
    const { result, loaded } = await probe(runBare, ['create-incident', '-t', 'x', '-p', server.pageId], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    });
    assert.equal(result.code, 4, result.stderr);
    assert.equal(usesKeychain(loaded), true);
    assert.deepEqual(usesUndici(loaded), [], 'nothing is sent without a token');
  });
});

test('create, update and schedule each send exactly one request; update -c reads the incident first', async () => {
  await withServer(async ({ server, runProcess: run }) => {
    const created = await run(['create-incident', '-t', 'Outage', '-s', 'investigating', '-c', 'cmp000000001', '-q']);
    assertOk(created);
    const id = created.stdout.trim();
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['POST'],
    );

    server.requests.length = 0;
    assertOk(
      await run([
        'update-incident',
        id,
        '-s',
        'identified',
        '-c',
        'cmp000000002=degraded_performance',
        '-m',
        'Found it.',
      ]),
    );
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['GET', 'PATCH'],
    );

    server.requests.length = 0;
    assertOk(await run(['update-incident', id, '-s', 'monitoring', '-m', 'Fixed, watching.']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PATCH'],
    );

    server.requests.length = 0;
    const window = ['--scheduled', '2030-01-02T03:00:00Z', '--duration', '2h'];
    assertOk(await run(['schedule-maintenance', '-t', 'Upgrade', '-c', 'cmp000000003', ...window, '-m', 'Upgrading.']));
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['POST'],
    );
  });
});
