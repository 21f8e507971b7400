import type { Command } from 'commander';
import { lazyAction } from '../../cli/action.js';
import { addConnectionFlags, addOutputFlags, option } from '../../cli/common-flags.js';

export function registerResolveIncident(program: Command): void {
  const cmd = program
    .command('resolve-incident')
    .alias('resolve_incident')
    .argument('[incident]', 'incident or maintenance ID (or use --incident)')
    .summary('resolve an incident or complete a maintenance')
    .description(
      'Resolve an incident (status resolved) or complete a maintenance (status completed), and set its components back to operational.',
    )
    .addOption(option('--incident <id>', 'incident or maintenance ID'))
    .option(
      '-e, --event <event>',
      'incident or maintenance: must match the incident (default: read from the incident itself)',
    )
    .option(
      '-c, --components <ids...>',
      'components to set operational (default: every component the incident affects)',
    )
    .option('-m, --message <text>', 'closing update shown to subscribers; newlines kept; "-" reads stdin')
    .option('--message-file <path>', 'read the message from a file, byte for byte')
    .option('--notify', 'notify subscribers (the API default)')
    .option('--no-notify', 'do not notify subscribers');
  addOutputFlags(addConnectionFlags(cmd));
  cmd.addHelpText(
    'after',
    `
The incident is read first (one GET) to learn its kind and the components it affects.
One already resolved or completed is left alone: nothing is sent, so subscribers are not
notified twice. --event, when given, must match what the incident is. The page's other open
incidents and maintenance in progress are read too (two more GETs): a component one of them
still affects keeps the worst status they give it, and the output says which and why. With
--components only those are restored; the others stay attached, and are listed.

Example:
  $ statuspage resolve-incident -p pg0000000001 --incident hc6hf30zv16c -e incident \\
      -m "The fix is deployed and error rates are back to normal."`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runResolveIncident));
}
