import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

/** How many incidents --all shows by default, and at most (here, zod-free, because help needs them). */
export const DEFAULT_ALL_LIMIT = 25;
export const MAX_LIMIT = 1000;

export function defineListIncidents(cmd: Command, io: Io): void {
  cmd
    .description(
      'List the page’s unresolved incidents, newest first: ID, name, status, impact, creation time, short link and affected components. On a terminal this is a table; in a pipe, one tab-separated line per incident.',
    )
    .option('--scheduled', 'scheduled maintenance that has not started, soonest first')
    .option('--active-maintenance', 'maintenance in progress or being verified')
    .option(
      '--all',
      `every incident and maintenance, resolved ones too (the newest ${DEFAULT_ALL_LIMIT} unless --limit)`,
    )
    .option('--limit <count>', `show at most this many (1 to ${MAX_LIMIT})`);
  addOutputFlags(addConnectionFlags(cmd), { dryRun: false });
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage list-incidents -p pg0000000001
  $ statuspage incidents --all --limit 50 --json | jq -r '.[] | [.id, .name] | @tsv'`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseListIncidents,
      async () => (await import('./run.js')).runListIncidents,
    ),
  );
}
