import { keychainAccount } from '../../../auth/token.js';
import { loadKeychain } from '../../../auth/keychain.js';
import { keychainName } from '../../../auth/keychain-errors.js';
import type { RawOptions } from '../../../cli/action.js';
import { COMMON_FLAG_NAMES } from '../../../cli/option-schemas.js';
import { CliError } from '../../../errors.js';
import { printMessage, registerSecret } from '../../../output/io.js';
import { parseOptions } from '../../../utils/validate.js';
import { loginOptionsSchema } from '../options.js';
import { describePages, fetchPages } from '../verify.js';
import { readTokenToStore } from './read-token.js';

export async function runLogin(raw: RawOptions): Promise<void> {
  const options = parseOptions(loginOptionsSchema, raw, COMMON_FLAG_NAMES);
  const service = options.keychainService;
  const account = keychainAccount(options.keychainUser, process.env);
  const keychain = await loadKeychain();
  const token = await readTokenToStore();
  registerSecret(token);
  let verified = '; not checked with the API (--no-verify)';
  if (options.verify) {
    try {
      verified = `; the API accepts it (${describePages(await fetchPages(token, options))})`;
    } catch (error) {
      if (error instanceof CliError) throw new CliError(`${error.message}; the token was not stored`, error.exitCode);
      throw error;
    }
  }
  await keychain.setPassword(service, account, token);
  printMessage(
    `Stored the token in the ${keychainName(process.platform)} (service '${service}', account '${account}')${verified}.`,
  );
}
