import type { Command } from 'commander';
import { addKeychainFlags, addOutputFlags, addTransportFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineListPages(cmd: Command, io: Io): void {
  cmd
    .description(
      'List the pages the token may manage (one GET /pages): name, ID, and the status page’s address. Any --page also takes these names.',
    )
    .addOption(
      option(
        '--token <token>',
        'API token; "-" reads it from stdin (default: $STATUSPAGE_TOKEN, then the OS keychain)',
      ),
    )
    .option('--profile <name>', 'profile whose API URL and keychain account to use');
  addOutputFlags(addTransportFlags(addKeychainFlags(cmd)), { dryRun: false });
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage list-pages
  $ statuspage pages -q | head -1`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseListPages,
      async () => (await import('./run.js')).runListPages,
    ),
  );
}
