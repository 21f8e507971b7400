import { ApiError } from '../../../api/errors.js';
import { loadKeychain } from '../../../auth/keychain.js';
import { KeychainError, keychainName } from '../../../auth/keychain-errors.js';
import { keychainAccount, type ResolvedToken, resolveToken, type TokenSource } from '../../../auth/token.js';
import { loadProfile } from '../../../config/config.js';
import { CliError, ExitCode } from '../../../errors.js';
import type { Io } from '../../../output/io.js';
import type { StatusOptions } from '../options.js';
import { describePages, fetchPages } from '../verify.js';

/** Shorter tokens show no characters at all: four of eight would give half of it away. */
const MIN_LENGTH_TO_HINT = 12;

export function describeSource(source: TokenSource, platform: NodeJS.Platform): string {
  if (source.kind === 'flag') return '--token';
  if (source.kind === 'env') return 'STATUSPAGE_TOKEN';
  return `the ${keychainName(platform)} (service '${source.service}', account '${source.account}')`;
}

/** What may be shown of a token: its length, and its last 4 characters when it is long enough. */
export function tokenHint(token: string): string {
  const length = `${token.length} characters`;
  return token.length >= MIN_LENGTH_TO_HINT ? `…${token.slice(-4)} (${length})` : length;
}

export async function runStatus(io: Io, options: StatusOptions): Promise<void> {
  const { keychainService: service, keychainUser, token, profile, ...transport } = options;
  const chosen = await loadProfile(io.env, profile);
  const account = keychainAccount(keychainUser ?? chosen?.profile.keychain_user, io.env);
  // Where each setting comes from, first to last: what a command would use.
  if (chosen) io.out(`Profile: ${chosen.name} (page ${chosen.profile.page}; keychain account '${account}')`);
  let resolved: ResolvedToken;
  try {
    resolved = await resolveToken(io, {
      flag: token,
      timeout: transport.timeout,
      keychainService: service,
      keychainUser: account,
      loadKeychain: () => loadKeychain(io.env, io.platform, io.remainingMs(transport.timeout)),
    });
  } catch (error) {
    if (error instanceof KeychainError) {
      io.out(
        `Token from: ${describeSource({ kind: 'keychain', service, account }, io.platform)}, which cannot be read`,
      );
    } else if (error instanceof CliError && error.exitCode === ExitCode.auth) {
      io.out('Token from: nowhere');
    }
    throw error;
  }
  io.out(`Token from: ${describeSource(resolved.source, io.platform)}`);
  io.out(`Token: ${tokenHint(resolved.token)}`);
  try {
    io.out(`API: accepts the token (${describePages(await fetchPages(io, resolved.token, transport, chosen))})`);
  } catch (error) {
    if (error instanceof ApiError && error.exitCode === ExitCode.auth) io.out('API: rejects the token');
    else if (error instanceof CliError) io.out('API: could not check the token');
    throw error;
  }
}
