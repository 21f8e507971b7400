import type { Command } from 'commander';
import { lazyAction } from '../../../cli/action.js';
import { addApiFlags, addKeychainFlags } from '../flags.js';

export function registerLogin(auth: Command): void {
  const cmd = auth
    .command('login')
    .summary('store the API token in the OS keychain')
    .description(
      'Store the API token in the OS keychain, where every command finds it. In a terminal it is read at a hidden prompt; otherwise from the first line of standard input. It is checked with one GET /pages first, and not stored if the API rejects it.',
    )
    .option('--no-verify', 'store the token without checking it with the API first');
  addApiFlags(addKeychainFlags(cmd));
  cmd.addHelpText(
    'after',
    `
Example:
  $ pass show statuspage | statuspage auth login
  $ statuspage auth login -ks statuspage-token -ku ci-bot`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runLogin));
}
