// `statuspage auth login|status|logout`: the API token in the OS keychain.
import type { Command } from 'commander';
import type { Io } from '../../output/io.js';
import { registerLogin } from './login/command.js';
import { registerLogout } from './logout/command.js';
import { registerStatus } from './status/command.js';

export function defineAuth(auth: Command, io: Io): void {
  auth.description(
    'Manage the API token in the OS keychain (macOS Keychain, Secret Service on Linux, Windows Credential Manager). Commands take the token from --token, else STATUSPAGE_TOKEN, else the keychain.',
  );
  registerLogin(auth, io);
  registerStatus(auth, io);
  registerLogout(auth, io);
  for (const command of [auth, ...auth.commands]) command.exitOverride();
}
