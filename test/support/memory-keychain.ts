// An in-memory keychain behind the same interface as the real one, for unit tests: it can hold
// entries, fail every call with a given platform message, or never answer (a pending unlock prompt).
import type { Keychain } from '../../src/auth/keychain.js';

export interface MemoryKeychain extends Keychain {
  entries: Map<string, string>;
  /** Every later call rejects with this message, as a backend would. */
  failWith(message: string): void;
  /** Every later call never settles until aborted; the abort is recorded. */
  hang(): void;
  aborted: number;
  calls: string[];
}

export function memoryKeychain(initial: Record<string, string> = {}): MemoryKeychain {
  const entries = new Map(Object.entries(initial));
  let failure: string | undefined;
  let hanging = false;
  const key = (service: string, account: string) => `${service}/${account}`;

  const keychain: MemoryKeychain = {
    entries,
    aborted: 0,
    calls: [],
    failWith(message) {
      failure = message;
    },
    hang() {
      hanging = true;
    },
    getPassword: (service, account, signal) =>
      answer(`get ${key(service, account)}`, signal, () => entries.get(key(service, account)) ?? null),
    setPassword: (service, account, password, signal) =>
      answer(`set ${key(service, account)}`, signal, () => {
        entries.set(key(service, account), password);
      }),
    deletePassword: (service, account, signal) =>
      answer(`delete ${key(service, account)}`, signal, () => entries.delete(key(service, account))),
  };

  function answer<T>(call: string, signal: AbortSignal | undefined, result: () => T): Promise<T> {
    keychain.calls.push(call);
    if (hanging) {
      return new Promise<T>((_, reject) => {
        signal?.addEventListener('abort', () => {
          keychain.aborted++;
          reject(new Error('aborted'));
        });
      });
    }
    if (failure !== undefined) return Promise.reject(new Error(failure));
    return Promise.resolve(result());
  }

  return keychain;
}
