import type { Command } from 'commander';
import { addKeychainFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerLogout(auth: Command, io: Io): void {
  const cmd = auth
    .command('logout')
    .summary('remove the API token from the OS keychain')
    .description('Delete the keychain entry holding the API token. --token and STATUSPAGE_TOKEN are not affected.');
  addKeychainFlags(cmd, 'of the entry').option('--profile <name>', 'the entry of this profile (its keychain account)');
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage auth logout -ku ci-bot`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseLogout,
      async () => (await import('./run.js')).runLogout,
    ),
  );
}
