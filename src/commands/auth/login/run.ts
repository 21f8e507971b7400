import { loadKeychain } from '../../../auth/keychain.js';
import { keychainName } from '../../../auth/keychain-errors.js';
import { keychainAccount } from '../../../auth/token.js';
import { loadProfile } from '../../../config/config.js';
import { CliError } from '../../../errors.js';
import type { Io } from '../../../output/io.js';
import type { LoginOptions } from '../options.js';
import { describePages, fetchPages } from '../verify.js';
import { readTokenToStore } from './read-token.js';

export async function runLogin(io: Io, options: LoginOptions): Promise<void> {
  const { keychainService: service, keychainUser, verify, profile, ...transport } = options;
  const chosen = await loadProfile(io.env, profile);
  const account = keychainAccount(keychainUser ?? chosen?.profile.keychain_user, io.env);
  const keychain = await loadKeychain(io.env, io.platform);
  const asking = Date.now();
  const token = await readTokenToStore(io);
  io.addSecret(token);
  // The time a person took at the prompt is not the API's: --timeout counts from the answer.
  const startedAt = io.stdinIsTTY ? io.startedAt + (Date.now() - asking) : io.startedAt;
  let verified = '; not checked with the API (--no-verify)';
  if (verify) {
    try {
      verified = `; the API accepts it (${describePages(await fetchPages(io, token, transport, chosen, startedAt))})`;
    } catch (error) {
      if (error instanceof CliError) throw error.withNote('the token was not stored');
      throw error;
    }
  }
  await keychain.setPassword(service, account, token);
  io.err(
    `Stored the token in the ${keychainName(io.platform)} (service '${service}', account '${account}')${verified}.`,
  );
}
