import { ApiError } from '../../../api/errors.js';
import { loadKeychain } from '../../../auth/keychain.js';
import { KeychainError, keychainName } from '../../../auth/keychain-errors.js';
import { keychainAccount, type ResolvedToken, resolveToken, type TokenSource } from '../../../auth/token.js';
import type { RawOptions } from '../../../cli/action.js';
import { COMMON_FLAG_NAMES } from '../../../cli/option-schemas.js';
import { CliError, ExitCode } from '../../../errors.js';
import { printData } from '../../../output/io.js';
import { readStdin } from '../../../utils/stdin.js';
import { parseOptions } from '../../../utils/validate.js';
import { statusOptionsSchema } from '../options.js';
import { describePages, fetchPages } from '../verify.js';

/** Shorter tokens show no characters at all: four of eight would give half of it away. */
const MIN_LENGTH_TO_HINT = 12;

export function describeSource(source: TokenSource, platform: NodeJS.Platform = process.platform): string {
  if (source.kind === 'flag') return '--token';
  if (source.kind === 'env') return 'STATUSPAGE_TOKEN';
  return `the ${keychainName(platform)} (service '${source.service}', account '${source.account}')`;
}

/** What may be shown of a token: its length, and its last 4 characters when it is long enough. */
export function tokenHint(token: string): string {
  const length = `${token.length} characters`;
  return token.length >= MIN_LENGTH_TO_HINT ? `…${token.slice(-4)} (${length})` : length;
}

export async function runStatus(raw: RawOptions): Promise<void> {
  const options = parseOptions(statusOptionsSchema, raw, COMMON_FLAG_NAMES);
  const service = options.keychainService;
  const account = keychainAccount(options.keychainUser, process.env);
  let resolved: ResolvedToken;
  try {
    resolved = await resolveToken({
      flag: options.token,
      env: process.env,
      keychainService: service,
      keychainUser: account,
      loadKeychain,
      readStdin,
    });
  } catch (error) {
    if (error instanceof KeychainError) {
      printData(`Token from: ${describeSource({ kind: 'keychain', service, account })}, which cannot be read`);
    } else if (error instanceof CliError && error.exitCode === ExitCode.auth) {
      printData('Token from: nowhere');
    }
    throw error;
  }
  printData(`Token from: ${describeSource(resolved.source)}`);
  printData(`Token: ${tokenHint(resolved.token)}`);
  try {
    printData(`API: accepts the token (${describePages(await fetchPages(resolved.token, options))})`);
  } catch (error) {
    if (error instanceof ApiError && error.exitCode === ExitCode.auth) printData('API: rejects the token');
    else if (error instanceof CliError) printData('API: could not check the token');
    throw error;
  }
}
