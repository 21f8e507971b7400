import type { Command } from 'commander';
import { IMPACTS, REALTIME_STATUSES, COMPONENT_STATUSES } from '../../api/constants.js';
import { lazyAction } from '../../cli/action.js';
import { addConnectionFlags, addOutputFlags, option } from '../../cli/common-flags.js';

export function registerCreateIncident(program: Command): void {
  const cmd = program
    .command('create-incident')
    .alias('create_incident')
    .summary('open a new incident')
    .description('Open a new incident on the page, optionally marking components as affected.')
    .option('-t, --title <title>', 'incident name (required, at most 255 characters)')
    .option('-s, --status <status>', `incident status: ${REALTIME_STATUSES.join(', ')}`)
    .option('-i, --impact <impact>', `impact: ${IMPACTS.join(', ')}`)
    .option('-m, --message <text>', 'first update shown to subscribers; newlines kept; "-" reads stdin')
    .option('--message-file <path>', 'read the message from a file, byte for byte')
    .option(
      '-c, --components <ids...>',
      'affected components: IDs or names, space- or comma-separated; ID=STATUS sets one',
    )
    .addOption(
      option(
        '--component-status <status>',
        `status for the components (default: major_outage): ${COMPONENT_STATUSES.join(', ')}`,
      ),
    )
    .option('--notify', 'notify subscribers (the API default)')
    .option('--no-notify', 'do not notify subscribers')
    .option(
      '--dedup-key <key>',
      'if an unresolved incident already has this key, print it and send nothing; else store the key on the new one',
    );
  addOutputFlags(addConnectionFlags(cmd));
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage create-incident -p pg0000000001 -s investigating -i major \\
      -c cmp000000001 -cs major_outage -t "API errors" -m "We are investigating elevated error rates."`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runCreateIncident));
}
