// Where the API token comes from, in order: --token, STATUSPAGE_TOKEN, the OS keychain.
import { userInfo } from 'node:os';
import { CliError, ExitCode, UsageError } from '../errors.js';
import type { Env, Io } from '../output/io.js';
import { PromptCancelled, readHiddenLine } from '../utils/hidden-prompt.js';
import type { Keychain } from './keychain.js';
import { KeychainError } from './keychain-errors.js';

export type TokenSource = { kind: 'flag' } | { kind: 'env' } | { kind: 'keychain'; service: string; account: string };

export interface ResolvedToken {
  token: string;
  source: TokenSource;
}

export interface TokenLookup {
  flag?: string | undefined;
  /** --timeout, seconds: bounds the wait for `--token -` on standard input. */
  timeout?: number | undefined;
  keychainService: string;
  keychainUser?: string | undefined;
  loadKeychain: () => Promise<Keychain>;
}

export function keychainAccount(keychainUser: string | undefined, env: Env): string {
  if (keychainUser) return keychainUser;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'default';
  }
}

export function noTokenError(service: string, account: string, reason?: string): CliError {
  return new CliError(
    `no API token: pass --token, set STATUSPAGE_TOKEN, or store it in the OS keychain with \`statuspage auth login\` (service '${service}', account '${account}')${reason ? `; keychain: ${reason}` : ''}`,
    ExitCode.auth,
  );
}

/** The token, registered with `io` as a secret the moment it is read. */
export async function resolveToken(io: Io, lookup: TokenLookup): Promise<ResolvedToken> {
  const found = await findToken(io, lookup);
  io.addSecret(found.token);
  // A space or a control character cannot be sent in a header: say which token, never what it is.
  if (/[\s\p{Cc}]/u.test(found.token)) {
    throw new UsageError(
      `the API token from ${TOKEN_SOURCE[found.source.kind]} contains whitespace or a control character; a token is one word`,
    );
  }
  return found;
}

const TOKEN_SOURCE: Readonly<Record<ResolvedToken['source']['kind'], string>> = {
  flag: '--token',
  env: 'STATUSPAGE_TOKEN',
  keychain: 'the keychain',
};

async function findToken(io: Io, lookup: TokenLookup): Promise<ResolvedToken> {
  if (lookup.flag === '-') {
    const given = io.stdinIsTTY ? await promptForToken(io) : await pipedToken(io, lookup.timeout);
    if (!given) throw new UsageError('--token -: standard input was empty');
    return { token: given, source: { kind: 'flag' } };
  }
  const flag = lookup.flag?.trim();
  if (flag) return { token: flag, source: { kind: 'flag' } };
  const env = io.env.STATUSPAGE_TOKEN?.trim();
  if (env) return { token: env, source: { kind: 'env' } };
  const service = lookup.keychainService;
  const account = keychainAccount(lookup.keychainUser, io.env);
  let stored: string | null;
  try {
    const keychain = await lookup.loadKeychain();
    stored = await keychain.getPassword(service, account);
  } catch (error) {
    // No keychain at all (a headless server, say) means no token was ever stored there: that is
    // "no token". A keychain that exists but refuses (locked, no answer) is a keychain problem.
    if (error instanceof KeychainError && error.kind === 'unavailable')
      throw noTokenError(service, account, error.failure.sentence);
    if (error instanceof CliError) throw error;
    throw noTokenError(service, account, error instanceof Error ? error.message : String(error));
  }
  const token = stored?.trim();
  if (!token) throw noTokenError(service, account);
  return { token, source: { kind: 'keychain', service, account } };
}

async function pipedToken(io: Io, timeout: number | undefined): Promise<string> {
  const limit = timeout === undefined ? Number.POSITIVE_INFINITY : io.remainingMs(timeout);
  const bytes = await io.readStdin(
    limit,
    () => new UsageError(`--token -: standard input did not end within --timeout (${timeout} s); close the pipe`),
  );
  return bytes.toString('utf8').trim();
}

/** On a terminal, `--token -` asks without echoing, as `auth login` does: a pasted token must not stay on screen. */
async function promptForToken(io: Io): Promise<string> {
  try {
    return (await readHiddenLine(io.stdin, () => io.prompt('API token (input is hidden): '))).trim();
  } catch (error) {
    if (error instanceof PromptCancelled) throw new UsageError('--token -: cancelled; nothing was sent');
    throw error;
  } finally {
    io.prompt('\n');
  }
}
