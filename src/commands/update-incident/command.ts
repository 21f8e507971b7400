import type { Command } from 'commander';
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES } from '../../api/constants.js';
import { addBroadcastFlags, addMessageFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineUpdateIncident(cmd: Command, io: Io): void {
  cmd
    .argument('[incident]', 'incident ID (or use --incident); left out at a terminal, it is picked from a list')
    .description('Change an incident’s status, impact, title or components, and post a message to subscribers.')
    .addOption(option('--incident <id>', 'incident ID'))
    .option('-s, --status <status>', `new status: ${INCIDENT_STATUSES.join(', ')}`)
    .option('-i, --impact <impact>', `impact: ${IMPACTS.join(', ')}`)
    .option('-t, --title <title>', 'new incident name (at most 255 characters)');
  addMessageFlags(cmd, 'update shown to subscribers')
    .option(
      '-c, --components <ids...>',
      'components: IDs or names; without a status they are only attached; ID=STATUS sets one',
    )
    .addOption(option('--component-status <status>', `status for the components: ${COMPONENT_STATUSES.join(', ')}`))
    .option('--scheduled <when>', 'move a scheduled maintenance to start then (forms as in schedule-maintenance)')
    .option('--until <when>', 'move its end to then')
    .option('--duration <length>', 'make it this long, from its (new) start: 90m, 2h, 1h30m, 1d')
    .option(
      '--tz <zone>',
      "IANA zone of local times given, and of times shown on a terminal (default: $TZ, else the system's)",
    );
  addBroadcastFlags(cmd);
  cmd.addHelpText(
    'after',
    `
With --components the incident is read first (one GET): the components it already lists stay
attached, since the API replaces the list with the one sent. A status of the other kind
(completed on an incident, monitoring on a maintenance) is then refused.

--status resolved or completed closes it as resolve-incident does: the incident and the page's
other open incidents are read, and its components are restored (to operational, or to the
worst status another open incident still gives them). --status in_progress on a scheduled
maintenance reads it too, and puts its operational components under maintenance.

Without an ID, at a terminal, it asks which unresolved incident to update (with --scheduled,
--until or --duration: which scheduled maintenance to move). In a script, in CI or with
--no-input, the ID is required.

--template fills what the flags leave out, as for create-incident: a page template's title,
message, status, components and notify, or a file's (impact too); {{name}} takes --var.
Its components are attached, their status unchanged unless --component-status (or a file's
NAME=STATUS) says. A template that resolves restores every component the incident affects, as
without -c: only -c narrows what is restored. A status --component-status or a file's
NAME=STATUS gives is set even then (so a resolved incident can leave a component degraded),
unless another open incident gives it a worse one; a maintenance still gives back only what
it holds.

--scheduled, --until and --duration move a maintenance that has not started (status scheduled;
it is read first). --scheduled alone keeps the window's length; --duration alone counts from
its current start; --until alone moves only the end. Times take the forms schedule-maintenance
takes: "now", "in 2h", "+90m", a local "2030-01-02 03:00" (in --tz), or an ISO 8601 instant.

Example:
  $ statuspage update-incident -p pg0000000001 --incident hc6hf30zv16c -s identified \\
      -m "We found the root cause, and we are working on a hotfix."
  $ statuspage update-incident hc6hf30zv16c --scheduled "2030-01-10 02:00" --tz Europe/Berlin`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseUpdateIncident,
      async () => (await import('./run.js')).runUpdateIncident,
    ),
  );
}
