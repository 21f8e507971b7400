// The OS keychain behind the keytar API (getPassword / setPassword / deletePassword). Nothing
// here touches it until loadKeychain() is called, i.e. until a token must come from the keychain.
import { UsageError } from '../errors.js';
import type { Env } from '../output/io.js';
import { guardKeychain } from './keychain-guard.js';

export interface Keychain {
  getPassword(service: string, account: string, signal?: AbortSignal): Promise<string | null>;
  setPassword(service: string, account: string, password: string, signal?: AbortSignal): Promise<void>;
  /** true when an entry was removed, false when there was none. */
  deletePassword(service: string, account: string, signal?: AbortSignal): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'statuspage-token';

/**
 * How long one keychain call may take. A reachable keychain answers in a few hundred milliseconds
 * (the helper process included); one that does not answer in 5 s is hung or waiting for an unlock
 * prompt, and a person at 3 a.m. should not watch it for 30. gh allows 3 s, then falls back to its
 * config file; with no fallback here, a little more room for a slow start. An unlock dialog that
 * needs longer can have it: STATUSPAGE_KEYCHAIN_TIMEOUT (seconds). --timeout bounds it as well.
 */
export const KEYCHAIN_TIMEOUT_MS = 5_000;

export function keychainTimeoutMs(env: Env): number {
  const raw = env.STATUSPAGE_KEYCHAIN_TIMEOUT?.trim();
  if (!raw) return KEYCHAIN_TIMEOUT_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new UsageError(
      `STATUSPAGE_KEYCHAIN_TIMEOUT '${raw}': must be a number of seconds, more than 0 and at most 3600`,
    );
  }
  return seconds * 1000;
}

/**
 * The real keychain of this OS, every call bounded in time (and by `maxMs`, what is left of
 * --timeout) and failing with one sentence.
 */
export async function loadKeychain(
  env: Env,
  platform: NodeJS.Platform,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<Keychain> {
  const timeoutMs = Math.max(1, Math.min(keychainTimeoutMs(env), maxMs));
  const { nativeKeychain } = await import('./native-keychain.js');
  return guardKeychain(nativeKeychain(platform, env), { timeoutMs, platform });
}
