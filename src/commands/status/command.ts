import type { Command } from 'commander';
import { addConnectionFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

/** How far ahead "upcoming" maintenance looks (here, zod-free, because help needs it). */
export const UPCOMING_DAYS = 7;

export function defineStatus(cmd: Command, io: Io): void {
  cmd
    .description(
      `Show the page at a glance: every component that is not operational, the open incidents, maintenance in progress and maintenance starting in the next ${UPCOMING_DAYS} days.`,
    )
    .option(
      '--exit-status',
      'exit 1 unless every component is operational and no incident or maintenance is in progress',
    )
    .option(
      '--json',
      'print {page, components, incidents, maintenances: {active, upcoming}} as JSON: the API objects, every component included',
    )
    .option('--no-color', 'never colour the output');
  addConnectionFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Reads only, in five GETs on most pages: the page, its components (100 per request), the
unresolved incidents, the maintenance in progress and the scheduled maintenance.

Exit status: without --exit-status, 0 whenever the page could be read. With it, 0 when every
component is operational and no incident or maintenance is in progress, 1 otherwise (upcoming
maintenance does not count); a page that cannot be read exits as any command does (4, 5, 7, …).

Example:
  $ statuspage status -p pg0000000001
  $ statuspage status --exit-status > /dev/null || notify-on-call "statuspage: not all clear"`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parsePageStatus,
      async () => (await import('./run.js')).runStatus,
    ),
  );
}
