// The real OS keychain: @napi-rs/keyring (the maintained implementation of keytar's API), one call
// per child process (see keychain-child.ts), plus the macOS search list (see macos-search-list.ts).
import { createRequire } from 'node:module';
import type { Env } from '../output/io.js';
import type { Keychain } from './keychain.js';
import { type KeyringEntryOptions, runKeychainChild } from './keychain-child.js';
import { deleteFromSearchList, findOnSearchList } from './macos-search-list.js';

// On Linux the binding otherwise falls back, silently, to the kernel keyring: memory that is lost
// at logout or reboot, so a stored token would seem to vanish. Secret Service or a clear error.
const ENTRY_OPTIONS: KeyringEntryOptions = { linux: { store: 'secret-service' } };

/** `env`: the helper process's environment (it finds the Secret Service through it). */
export function nativeKeychain(platform: NodeJS.Platform, env: Env): Keychain {
  // Resolved here, not in the child, so the child finds the copy installed next to this CLI.
  let modulePath: string;
  try {
    modulePath = createRequire(import.meta.url).resolve('@napi-rs/keyring');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const fail = () => Promise.reject(new Error(`Cannot find module @napi-rs/keyring (${message.split('\n')[0]})`));
    return { getPassword: fail, setPassword: fail, deletePassword: fail };
  }
  const run = (request: Parameters<typeof runKeychainChild>[2], signal?: AbortSignal) =>
    runKeychainChild(modulePath, ENTRY_OPTIONS, request, env, signal);
  return {
    async getPassword(service, account, signal) {
      const value = await run({ op: 'get', service, account }, signal);
      if (typeof value === 'string') return value;
      return platform === 'darwin' ? findOnSearchList(service, account, signal) : null;
    },
    async setPassword(service, account, password, signal) {
      await run({ op: 'set', service, account, password }, signal);
    },
    async deletePassword(service, account, signal) {
      if ((await run({ op: 'delete', service, account }, signal)) === true) return true;
      return platform === 'darwin' ? deleteFromSearchList(service, account, signal) : false;
    },
  };
}
