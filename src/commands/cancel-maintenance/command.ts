import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineCancelMaintenance(cmd: Command, io: Io): void {
  cmd
    .argument('[maintenance]', 'maintenance ID (or use --incident)')
    .description('Cancel a scheduled maintenance before it starts: it is deleted from the page. This cannot be undone.')
    .addOption(option('--incident <id>', 'maintenance ID'));
  addOutputFlags(addConnectionFlags(cmd), {
    yes: 'delete without asking (required where there is no terminal to ask on)',
  });
  cmd.addHelpText(
    'after',
    `
The maintenance is read first (one GET): only one still scheduled can be cancelled. One in
progress is completed with resolve-incident instead; an incident is resolved, not deleted.
On a terminal the command asks before deleting (y/N); without one it needs --yes. --dry-run
prints the DELETE and asks nothing. A declined question sends nothing and exits 2.

Example:
  $ statuspage cancel-maintenance -p pg0000000001 hc6hf30zv16c
  $ statuspage cancel-maintenance "$ID" --yes -q`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseCancelMaintenance,
      async () => (await import('./run.js')).runCancelMaintenance,
    ),
  );
}
