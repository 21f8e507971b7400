import { loadKeychain } from '../../../auth/keychain.js';
import { keychainName, noEntrySentence } from '../../../auth/keychain-errors.js';
import { keychainAccount } from '../../../auth/token.js';
import type { RawOptions } from '../../../cli/action.js';
import { COMMON_FLAG_NAMES } from '../../../cli/option-schemas.js';
import { CliError, ExitCode } from '../../../errors.js';
import { printMessage } from '../../../output/io.js';
import { parseOptions } from '../../../utils/validate.js';
import { logoutOptionsSchema } from '../options.js';

export async function runLogout(raw: RawOptions): Promise<void> {
  const options = parseOptions(logoutOptionsSchema, raw, COMMON_FLAG_NAMES);
  const service = options.keychainService;
  const account = keychainAccount(options.keychainUser, process.env);
  const keychain = await loadKeychain();
  if (!(await keychain.deletePassword(service, account))) {
    throw new CliError(`nothing to remove: ${noEntrySentence(service, account, process.platform)}`, ExitCode.auth);
  }
  printMessage(
    `Removed the token from the ${keychainName(process.platform)} (service '${service}', account '${account}').`,
  );
}
