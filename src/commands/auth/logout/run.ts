import { loadKeychain } from '../../../auth/keychain.js';
import { keychainName, noEntrySentence } from '../../../auth/keychain-errors.js';
import { keychainAccount } from '../../../auth/token.js';
import { loadProfile } from '../../../config/config.js';
import { CliError, ExitCode } from '../../../errors.js';
import type { Io } from '../../../output/io.js';
import type { LogoutOptions } from '../options.js';

export async function runLogout(io: Io, options: LogoutOptions): Promise<void> {
  const service = options.keychainService;
  const chosen = await loadProfile(io.env, options.profile);
  const account = keychainAccount(options.keychainUser ?? chosen?.profile.keychain_user, io.env);
  const keychain = await loadKeychain(io.env, io.platform);
  if (!(await keychain.deletePassword(service, account))) {
    throw new CliError(`nothing to remove: ${noEntrySentence(service, account, io.platform)}`, ExitCode.auth);
  }
  io.err(`Removed the token from the ${keychainName(io.platform)} (service '${service}', account '${account}').`);
}
