import type { Command } from 'commander';
import { addBroadcastFlags, addMessageFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineResolveIncident(cmd: Command, io: Io): void {
  cmd
    .argument(
      '[incident]',
      'incident or maintenance ID (or use --incident); left out at a terminal, it is picked from a list',
    )
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
    );
  addMessageFlags(cmd, 'closing update shown to subscribers');
  addBroadcastFlags(cmd, undefined, { templates: false });
  cmd.addHelpText(
    'after',
    `
The incident is read first (one GET) to learn its kind and the components it affects.
One already resolved or completed is left alone: nothing is sent, so subscribers are not
notified twice. --event, when given, must match what the incident is. The page's other open
incidents, maintenance in progress and scheduled maintenance are read too (three more GETs): a
component one of them still affects keeps the worst status they give it, and the output says
which and why. A maintenance gives back only the components it holds under maintenance. With
--components only those are restored; the others stay attached, and are listed.

Without an ID, at a terminal, it asks which unresolved incident or maintenance in progress to
resolve, newest first. In a script, in CI or with --no-input, the ID is required.

Example:
  $ statuspage resolve-incident -p pg0000000001 --incident hc6hf30zv16c -e incident \\
      -m "The fix is deployed and error rates are back to normal."`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseResolveIncident,
      async () => (await import('./run.js')).runResolveIncident,
    ),
  );
}
