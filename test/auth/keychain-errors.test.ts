// Each platform failure becomes one sentence naming what is wrong; the messages below are what the
// backends really say (Linux ones captured from @napi-rs/keyring against gnome-keyring and D-Bus).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifyKeychainFailure,
  KeychainError,
  noEntrySentence,
  timeoutFailure,
} from '../../src/auth/keychain-errors.js';
import { ExitCode } from '../../src/errors.js';

const cases: Array<[NodeJS.Platform, string, string, RegExp]> = [
  [
    'linux',
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
    'unavailable',
    /^no keychain service is running: no Secret Service .* D-Bus session bus$/,
  ],
  [
    'linux',
    'Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory',
    'unavailable',
    /no keychain service is running/,
  ],
  [
    'linux',
    'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files',
    'unavailable',
    /no keychain service is running/,
  ],
  [
    'linux',
    "Couldn't access platform storage: Secret Service: unlock prompt was dismissed",
    'locked',
    /^the keychain is locked: .*unlock it/,
  ],
  ['linux', "Couldn't access platform storage: Secret Service: no result found", 'locked', /^the keychain is locked/],
  [
    'darwin',
    'User interaction is not allowed.',
    'locked',
    /^the keychain is locked: unlock it with `security unlock-keychain`/,
  ],
  [
    'darwin',
    'security: SecKeychainSearchCopyNext: User interaction is not allowed.',
    'locked',
    /security unlock-keychain/,
  ],
  [
    'darwin',
    'No keychain is available. You may need to restart your computer.',
    'unavailable',
    /^no keychain is available: .*security default-keychain/,
  ],
  [
    'win32',
    'Platform failure: A specified logon session does not exist. It may already have been terminated. (os error 1312)',
    'unavailable',
    /Windows Credential Manager cannot be used/,
  ],
  [
    'linux',
    'Cannot find native binding. npm has a bug related to optional dependencies',
    'unavailable',
    /^no keychain support for linux-.*@napi-rs\/keyring binary could not be loaded/,
  ],
  [
    'linux',
    'Bad encoding\nof something odd',
    'failed',
    /^the Secret Service keyring failed: Bad encoding of something odd$/,
  ],
  ['win32', 'Attribute too long', 'failed', /^the Windows Credential Manager failed: Attribute too long$/],
];

test('platform failures map to one sentence per kind', () => {
  for (const [platform, message, kind, sentence] of cases) {
    const failure = classifyKeychainFailure(message, platform);
    assert.equal(failure.kind, kind, `${platform}: ${message}`);
    assert.match(failure.sentence, sentence, `${platform}: ${message}`);
    assert.ok(!failure.sentence.includes('\n'), 'one line');
  }
});

test('a timeout names the time and the likely cause', () => {
  assert.deepEqual(timeoutFailure(30_000), {
    kind: 'timeout',
    sentence:
      'the keychain did not answer within 30 s (a locked keychain may be waiting for an unlock prompt; STATUSPAGE_KEYCHAIN_TIMEOUT gives it longer)',
  });
  assert.match(timeoutFailure(250).sentence, /within 0\.3 s/);
});

test('a missing entry names service and account', () => {
  assert.equal(
    noEntrySentence('statuspage-token', 'alice', 'darwin'),
    "no entry for service 'statuspage-token', account 'alice' in the macOS Keychain",
  );
  assert.match(noEntrySentence('s', 'a', 'linux'), /Secret Service keyring$/);
  assert.match(noEntrySentence('s', 'a', 'win32'), /Windows Credential Manager$/);
});

test('KeychainError says what could not be done to which entry, with exit code 3', () => {
  const error = new KeychainError(
    'store',
    'svc',
    'bob',
    classifyKeychainFailure('User interaction is not allowed.', 'darwin'),
  );
  assert.equal(error.exitCode, ExitCode.keychain);
  assert.equal(error.kind, 'locked');
  assert.equal(
    error.message,
    "cannot store the token in the keychain (service 'svc', account 'bob'): the keychain is locked: unlock it with `security unlock-keychain` and retry",
  );
});
