import type { Command } from 'commander';
import { addKeychainFlags, addTransportFlags, lazyAction, option } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerStatus(auth: Command, io: Io): void {
  const cmd = auth
    .command('status')
    .summary('show where the API token comes from and whether the API accepts it')
    .description(
      'Show where commands would take the API token from (--token, STATUSPAGE_TOKEN, the OS keychain, or nowhere) and check it with one GET /pages. The token itself is never shown, only its last 4 characters.',
    )
    .addOption(option('--token <token>', 'check this token instead; "-" reads it from stdin'));
  addTransportFlags(addKeychainFlags(cmd, 'of the entry'), { retries: false }).option(
    '--profile <name>',
    'the entry of this profile (its keychain account), and its API URL',
  );
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage auth status`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseStatus,
      async () => (await import('./run.js')).runStatus,
    ),
  );
}
