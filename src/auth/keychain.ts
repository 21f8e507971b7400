// The OS keychain behind the keytar API (getPassword / setPassword / deletePassword),
// implemented by @napi-rs/keyring. Loaded only when a token has to come from the keychain.
import { CliError, ExitCode } from '../errors.js';

export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'statuspage-token';

export async function loadKeychain(): Promise<Keychain> {
  let keyring: typeof import('@napi-rs/keyring');
  try {
    keyring = await import('@napi-rs/keyring');
  } catch (error) {
    throw new CliError(
      `the OS keychain module could not be loaded (${error instanceof Error ? error.message : String(error)})`,
      ExitCode.keychain,
    );
  }
  const entry = (service: string, account: string) => new keyring.Entry(service, account);
  return {
    async getPassword(service, account) {
      return entry(service, account).getPassword() ?? null;
    },
    async setPassword(service, account, password) {
      entry(service, account).setPassword(password);
    },
    async deletePassword(service, account) {
      return entry(service, account).deleteCredential();
    },
  };
}
