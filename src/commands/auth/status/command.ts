import type { Command } from 'commander';
import { lazyAction } from '../../../cli/action.js';
import { option } from '../../../cli/common-flags.js';
import { addApiFlags, addKeychainFlags } from '../flags.js';

export function registerStatus(auth: Command): void {
  const cmd = auth
    .command('status')
    .summary('show where the API token comes from and whether the API accepts it')
    .description(
      'Show where commands would take the API token from (--token, STATUSPAGE_TOKEN, the OS keychain, or nowhere) and check it with one GET /pages. The token itself is never shown, only its last 4 characters.',
    )
    .addOption(option('--token <token>', 'check this token instead; "-" reads it from stdin'));
  addApiFlags(addKeychainFlags(cmd));
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage auth status`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runStatus));
}
