import type { Command } from 'commander';
import { addKeychainFlags, addTransportFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerLogin(auth: Command, io: Io): void {
  const cmd = auth
    .command('login')
    .summary('store the API token in the OS keychain')
    .description(
      'Store the API token in the OS keychain, where every command finds it. In a terminal it is read at a hidden prompt; otherwise from the first line of standard input. It is checked with one GET /pages first, and not stored if the API rejects it.',
    )
    .option('--no-verify', 'store the token without checking it with the API first');
  addTransportFlags(addKeychainFlags(cmd, 'of the entry'), { retries: false }).option(
    '--profile <name>',
    'the entry of this profile (its keychain account), and its API URL',
  );
  cmd.addHelpText(
    'after',
    `
Example:
  $ pass show statuspage | statuspage auth login
  $ statuspage auth login -ks statuspage-token -ku ci-bot`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseLogin,
      async () => (await import('./run.js')).runLogin,
    ),
  );
}
