// Whether the real-keychain tests may run here, and throwaway entries for them. They write to the
// OS keychain, so they run only where that keychain is disposable: on Linux inside
// scripts/with-keyring.sh (a throwaway Secret Service), on CI runners, or when asked to.
import { randomBytes } from 'node:crypto';
import { type Keychain, loadKeychain } from '../../src/auth/keychain.js';

/** false when the real keychain may be used; otherwise one line naming what is missing. */
export function realKeychainSkip(env: NodeJS.ProcessEnv = process.env): string | false {
  if (env.STATUSPAGE_TEST_KEYCHAIN_SKIP) return `no real keychain: ${env.STATUSPAGE_TEST_KEYCHAIN_SKIP}`;
  if (process.platform === 'linux') {
    return env.STATUSPAGE_TEST_KEYCHAIN === 'secret-service'
      ? false
      : 'no real keychain: no throwaway Secret Service session; run the tests with `npm test` (it uses scripts/with-keyring.sh)';
  }
  if (env.GITHUB_ACTIONS === 'true' || env.STATUSPAGE_TEST_KEYCHAIN) return false;
  return `no real keychain: on ${process.platform} these tests would write throwaway entries to your own keychain; set STATUSPAGE_TEST_KEYCHAIN=1 to allow it`;
}

/** A service name no real entry uses: each test gets its own. */
export function throwawayService(label: string): string {
  return `statuspage-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

let keychain: Promise<Keychain> | undefined;

/** The keychain as the CLI sees it, for checking and cleaning up behind the CLI's back. */
export function testKeychain(): Promise<Keychain> {
  keychain ??= loadKeychain(process.env, process.platform);
  return keychain;
}
