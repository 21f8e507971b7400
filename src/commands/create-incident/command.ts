import type { Command } from 'commander';
import { COMPONENT_STATUSES, IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import {
  addConnectionFlags,
  addMessageFlags,
  addNotifyFlags,
  addOutputFlags,
  lazyAction,
  option,
} from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function registerCreateIncident(program: Command, io: Io): void {
  const cmd = program
    .command('create-incident')
    .alias('create_incident')
    .summary('open a new incident')
    .description('Open a new incident on the page, optionally marking components as affected.')
    .option('-t, --title <title>', 'incident name (required, at most 255 characters)')
    .option('-s, --status <status>', `incident status: ${REALTIME_STATUSES.join(', ')}`)
    .option('-i, --impact <impact>', `impact: ${IMPACTS.join(', ')}`);
  addMessageFlags(cmd, 'first update shown to subscribers')
    .option(
      '-c, --components <ids...>',
      'affected components: IDs or names, space- or comma-separated; ID=STATUS sets one',
    )
    .addOption(
      option(
        '--component-status <status>',
        `status for the components (default: major_outage): ${COMPONENT_STATUSES.join(', ')}`,
      ),
    );
  addNotifyFlags(cmd).option(
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
  cmd.action(lazyAction(io, async () => (await import('./run.js')).runCreateIncident));
}
