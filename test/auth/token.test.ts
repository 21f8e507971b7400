// Token precedence and the keychain's failures as resolveToken reports them (in-memory keychain).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeychainError } from '../../src/auth/keychain-errors.js';
import { guardKeychain } from '../../src/auth/keychain-guard.js';
import { resolveToken, type TokenLookup } from '../../src/auth/token.js';
import { CliError, ExitCode } from '../../src/errors.js';
import type { Env, Io } from '../../src/output/io.js';
import { memoryIo } from '../support/memory-io.js';
import { type MemoryKeychain, memoryKeychain } from '../support/memory-keychain.js';

function lookup(keychain: MemoryKeychain, overrides: Partial<TokenLookup> = {}): TokenLookup {
  return {
    keychainService: 'svc',
    keychainUser: 'alice',
    loadKeychain: async () => guardKeychain(keychain, { timeoutMs: 5_000, platform: 'linux' }),
    ...overrides,
  };
}

/** An Io with this environment, and a token waiting on stdin for `--token -`. */
const ioWith = (env: Env = {}): Io => memoryIo({ env, input: 'from-stdin\n' }).io;

test('--token, then STATUSPAGE_TOKEN, then the keychain', async () => {
  const keychain = memoryKeychain({ 'svc/alice': 'from-keychain' });
  const env = { STATUSPAGE_TOKEN: 'from-env' };
  assert.deepEqual(await resolveToken(ioWith(env), lookup(keychain, { flag: 'from-flag' })), {
    token: 'from-flag',
    source: { kind: 'flag' },
  });
  assert.deepEqual(await resolveToken(ioWith(env), lookup(keychain)), { token: 'from-env', source: { kind: 'env' } });
  assert.deepEqual(await resolveToken(ioWith(), lookup(keychain)), {
    token: 'from-keychain',
    source: { kind: 'keychain', service: 'svc', account: 'alice' },
  });
  assert.deepEqual(await resolveToken(ioWith(env), lookup(keychain, { flag: '-' })), {
    token: 'from-stdin',
    source: { kind: 'flag' },
  });
  assert.deepEqual(keychain.calls, ['get svc/alice'], 'the keychain is asked only when nothing else gave a token');
});

test('a token found is registered for redaction at once', async () => {
  const io = ioWith();
  await resolveToken(io, lookup(memoryKeychain({ 'svc/alice': 'redact-me-please' })));
  assert.equal(io.redact('Authorization: OAuth redact-me-please'), 'Authorization: OAuth ***');
});

test('no entry: the "no token" error (exit 4) naming all three ways', async () => {
  await assert.rejects(resolveToken(ioWith(), lookup(memoryKeychain())), (error: unknown) => {
    assert.ok(error instanceof CliError);
    assert.equal(error.exitCode, ExitCode.auth);
    assert.match(
      error.message,
      /^no API token: pass --token, set STATUSPAGE_TOKEN, or store it in the OS keychain with `statuspage auth login` \(service 'svc', account 'alice'\)$/,
    );
    return true;
  });
});

test('no keychain service: still "no token" (exit 4), with the reason', async () => {
  const keychain = memoryKeychain();
  keychain.failWith(
    'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
  );
  await assert.rejects(resolveToken(ioWith(), lookup(keychain)), (error: unknown) => {
    assert.ok(error instanceof CliError && !(error instanceof KeychainError));
    assert.equal(error.exitCode, ExitCode.auth);
    assert.match(error.message, /^no API token: .*; keychain: no keychain service is running: /);
    return true;
  });
});

test('a locked keychain or one that does not answer is a keychain error (exit 3)', async () => {
  const locked = memoryKeychain();
  locked.failWith("Couldn't access platform storage: Secret Service: unlock prompt was dismissed");
  await assert.rejects(resolveToken(ioWith(), lookup(locked)), (error: unknown) => {
    assert.ok(error instanceof KeychainError);
    assert.equal(error.exitCode, ExitCode.keychain);
    assert.match(
      error.message,
      /^cannot read the token from the keychain \(service 'svc', account 'alice'\): the keychain is locked/,
    );
    return true;
  });
  const silent = memoryKeychain();
  silent.hang();
  const quick = lookup(silent, {
    loadKeychain: async () => guardKeychain(silent, { timeoutMs: 50, platform: 'linux' }),
  });
  await assert.rejects(
    resolveToken(ioWith(), quick),
    (error: unknown) => error instanceof KeychainError && error.kind === 'timeout',
  );
});
