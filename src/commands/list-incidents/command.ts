import type { Command } from 'commander';
import { lazyAction } from '../../cli/action.js';
import { addConnectionFlags, addOutputFlags } from '../../cli/common-flags.js';
import { DEFAULT_ALL_LIMIT, MAX_LIMIT } from './limits.js';

export function registerListIncidents(program: Command): void {
  const cmd = program
    .command('list-incidents')
    .aliases(['incidents', 'list_incidents'])
    .summary('list open incidents (or scheduled, in-progress maintenance, or all)')
    .description(
      'List the page’s unresolved incidents, newest first: ID, name, status, impact, creation time and short link. On a terminal this is a table; in a pipe, one tab-separated line per incident.',
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
  cmd.action(lazyAction(async () => (await import('./run.js')).runListIncidents));
}
