// The guard around every keychain call, driven through the in-memory keychain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeychainError } from '../../src/auth/keychain-errors.js';
import { guardKeychain } from '../../src/auth/keychain-guard.js';
import { memoryKeychain } from '../support/memory-keychain.js';

test('values pass through unchanged', async () => {
  const inner = memoryKeychain({ 'svc/alice': 'tok' });
  const keychain = guardKeychain(inner, { timeoutMs: 5_000, platform: 'linux' });
  assert.equal(await keychain.getPassword('svc', 'alice'), 'tok');
  assert.equal(await keychain.getPassword('svc', 'bob'), null);
  await keychain.setPassword('svc', 'bob', 'tok2');
  assert.equal(inner.entries.get('svc/bob'), 'tok2');
  assert.equal(await keychain.deletePassword('svc', 'bob'), true);
  assert.equal(await keychain.deletePassword('svc', 'bob'), false);
});

test('a call that never answers is abandoned after the timeout, and aborted', async () => {
  const inner = memoryKeychain();
  inner.hang();
  const keychain = guardKeychain(inner, { timeoutMs: 100, platform: 'darwin' });
  const started = Date.now();
  await assert.rejects(keychain.getPassword('svc', 'alice'), (error: unknown) => {
    assert.ok(error instanceof KeychainError);
    assert.equal(error.kind, 'timeout');
    assert.equal(error.exitCode, 3);
    assert.match(
      error.message,
      /^cannot read the token from the keychain \(service 'svc', account 'alice'\): the keychain did not answer within 0\.1 s/,
    );
    return true;
  });
  assert.ok(Date.now() - started < 10_000, 'the timeout, not the call, decides');
  assert.equal(inner.aborted, 1, 'the backend is told to stop');
});

test('each operation names itself in the error', async () => {
  const inner = memoryKeychain();
  inner.failWith('Platform failure: DBus error: Failed to connect to socket /x: No such file or directory');
  const keychain = guardKeychain(inner, { timeoutMs: 5_000, platform: 'linux' });
  const expectations: Array<[Promise<unknown>, RegExp]> = [
    [keychain.getPassword('s', 'a'), /^cannot read the token from the keychain/],
    [keychain.setPassword('s', 'a', 'p'), /^cannot store the token in the keychain/],
    [keychain.deletePassword('s', 'a'), /^cannot remove the token from the keychain/],
  ];
  for (const [call, prefix] of expectations) {
    await assert.rejects(call, (error: unknown) => {
      assert.ok(error instanceof KeychainError);
      assert.equal(error.kind, 'unavailable');
      assert.match(error.message, prefix);
      assert.match(error.message, /no keychain service is running/);
      return true;
    });
  }
});

test('the password being stored never appears in an error', async () => {
  const inner = memoryKeychain();
  inner.failWith('Attribute too long');
  const keychain = guardKeychain(inner, { timeoutMs: 5_000, platform: 'win32' });
  await assert.rejects(keychain.setPassword('s', 'a', 'very-secret-value'), (error: unknown) => {
    assert.ok(error instanceof Error && !error.message.includes('very-secret-value'));
    assert.ok(!String(error.stack).includes('very-secret-value'));
    return true;
  });
});
