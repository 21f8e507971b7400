import type { Command } from 'commander';
import { addBroadcastFlags, addMessageFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineScheduleMaintenance(cmd: Command, io: Io): void {
  cmd
    .description(
      'Schedule a maintenance window. Its components go under maintenance when it starts: at once for a window that opens now, else at its start (--auto-start).',
    )
    .option('-t, --title <title>', 'maintenance name (required unless a --template gives it; at most 255 characters)');
  addMessageFlags(cmd, 'description shown to subscribers')
    .option(
      '-c, --components <ids...>',
      'components under maintenance: IDs or names, space- or comma-separated (ID=under_maintenance only for a window that opens now)',
    )
    .option(
      '--scheduled <when>',
      'start: "now" (= in 1 minute; the default), "in 2h" / "+90m", a local "2030-01-02 03:00" (in --tz), or an ISO 8601 instant with a zone',
    )
    .option('--until <when>', 'end: a time in the same forms but "now" ("+2h" counts from now, not from the start)')
    .option('--duration <length>', 'end as a length after the start, with a unit: 90m, 2h, 1h30m, 1d (default: 1h)')
    .option(
      '--tz <zone>',
      "IANA zone of local times given, and of times shown on a terminal (default: $TZ, else the system's)",
    )
    .option('--remind', 'remind subscribers before the window starts (default, unless --no-notify)')
    .option('--no-remind', 'do not remind subscribers')
    .option('--auto-start', 'move to in progress and components to under maintenance at the start (default)')
    .option('--no-auto-start', 'start the window by hand')
    .option(
      '--auto-complete',
      'complete the window automatically at its end (default: completed by hand, components restored at the end)',
    )
    .option('--no-auto-complete', 'neither complete the window nor restore its components at the end')
    .option(
      '--dedup-key <key>',
      'if a scheduled or in-progress maintenance already has this key, print it and send nothing; else store the key on the new one',
    );
  addBroadcastFlags(cmd, 'default');
  cmd.addHelpText(
    'after',
    `
By default the window is completed by hand (resolve-incident), while its components
return to operational automatically at its end. A window opening within the hour reads the
page's components first (one GET per 100, even with --dry-run) and refuses one showing an
outage or degraded performance: under maintenance would hide it, and the window's end would
set it operational. For a window that opens now, give it as ID=under_maintenance when that is
meant; a later one is not checked with --no-auto-start, as it then moves nothing when it opens.

At a terminal, without --title or --scheduled, it asks for what the flags do not give: the
title, the start (default now), the length (default 1h), the components (type to filter) and
the message, each unless a --template gives it. --no-input (or CI, or STATUSPAGE_NO_INPUT=1)
asks nothing: --title (or a --template with a title) is then required and the start is now.

--template fills what the flags leave out: a page template's title, message, components and
notify, or a file's; a template's status and impact are not used (a maintenance is scheduled).
{{name}} in its title or message takes --var name=value.

A local time is read in --tz (else $TZ or the system's zone). One that the clocks skip when
they go forward is refused, and so is one they show twice when they go back: give its offset
then (2030-10-27T02:30+02:00). The request carries UTC; a terminal shows both.

Example:
  $ statuspage schedule-maintenance -p pg0000000001 -c cmp000000001 -t "weekly maintenance" \\
      --scheduled 2030-01-02T03:00:00Z --duration 2h -m 'Jenkins will be under maintenance'
  $ statuspage schedule-maintenance -t "weekly DB" --scheduled "2030-01-10 02:00" --tz Europe/Berlin --duration 2h`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseScheduleMaintenance,
      async () => (await import('./run.js')).runScheduleMaintenance,
    ),
  );
}
