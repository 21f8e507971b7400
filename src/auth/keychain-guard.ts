// Every keychain call goes through here: bounded in time (a locked keychain can show a prompt and
// wait forever; 30 s like gh) and with its failure turned into one KeychainError sentence.
import type { Keychain } from './keychain.js';
import { classifyKeychainFailure, KeychainError, type KeychainOperation, timeoutFailure } from './keychain-errors.js';

export interface GuardOptions {
  timeoutMs: number;
  platform: NodeJS.Platform;
}

export function guardKeychain(inner: Keychain, options: GuardOptions): Keychain {
  async function guarded<T>(
    operation: KeychainOperation,
    service: string,
    account: string,
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Settle as a timeout before aborting: the aborted call rejects too, and must not win the race.
        // Aborting kills a backend running in a child process rather than abandoning it.
        reject(new KeychainError(operation, service, account, timeoutFailure(options.timeoutMs)));
        controller.abort();
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([call(controller.signal), timedOut]);
    } catch (error) {
      if (error instanceof KeychainError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new KeychainError(operation, service, account, classifyKeychainFailure(message, options.platform));
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    getPassword: (service, account) =>
      guarded('read', service, account, (signal) => inner.getPassword(service, account, signal)),
    setPassword: (service, account, password) =>
      guarded('store', service, account, (signal) => inner.setPassword(service, account, password, signal)),
    deletePassword: (service, account) =>
      guarded('remove', service, account, (signal) => inner.deletePassword(service, account, signal)),
  };
}
