import type { Command } from 'commander';
import { lazyAction } from '../../../cli/action.js';
import { addKeychainFlags } from '../flags.js';

export function registerLogout(auth: Command): void {
  const cmd = auth
    .command('logout')
    .summary('remove the API token from the OS keychain')
    .description('Delete the keychain entry holding the API token. --token and STATUSPAGE_TOKEN are not affected.');
  addKeychainFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage auth logout -ku ci-bot`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runLogout));
}
