import type { Command } from 'commander';
import { COMPONENT_STATUSES, IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import { addBroadcastFlags, addMessageFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineCreateIncident(cmd: Command, io: Io): void {
  cmd
    .description('Open a new incident on the page, optionally marking components as affected.')
    .option(
      '-t, --title <title>',
      'incident name (required unless a --template gives it, or asked at a terminal; at most 255 characters)',
    )
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
    )
    .option(
      '--dedup-key <key>',
      'if an unresolved incident already has this key, print it and send nothing; else store the key on the new one',
    );
  addBroadcastFlags(cmd);
  cmd.addHelpText(
    'after',
    `
--template fills what the flags leave out: a page template (its title, message, status,
components and notify; statuspage list-templates lists them) or a Markdown file whose front
matter gives title, status, impact, components and notify. {{name}} in its title or message
takes --var name=value; a placeholder left without a value is an error, and nothing is sent.

At a terminal, without --title, it asks for what the flags do not give: a template to start
from (when the page has any) and its placeholders, the title, the components (type to filter)
and their status, the incident's status and impact, and the message (in $VISUAL/$EDITOR, or -
for one line; an empty message cancels). --no-input (or CI, or STATUSPAGE_NO_INPUT=1) asks
nothing: --title is then required.

Example:
  $ statuspage create-incident -p pg0000000001 -s investigating -i major \\
      -c cmp000000001 -cs major_outage -t "API errors" -m "We are investigating elevated error rates."
  $ statuspage create-incident --template "API outage" --var region=eu-west-1 -i critical`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseCreateIncident,
      async () => (await import('./run.js')).runCreateIncident,
    ),
  );
}
