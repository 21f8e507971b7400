import type { Command } from 'commander';
import { lazyAction } from '../../cli/action.js';
import { addConnectionFlags, addOutputFlags } from '../../cli/common-flags.js';

export function registerListComponents(program: Command): void {
  const cmd = program
    .command('list-components')
    .aliases(['components', 'list_components'])
    .summary('list the page’s components with their IDs')
    .description(
      'List every component of the page in the order the page shows them: name, ID, status and group. On a terminal this is a table; in a pipe, one tab-separated line per component.',
    );
  addOutputFlags(addConnectionFlags(cmd), { dryRun: false });
  cmd.addHelpText(
    'after',
    `
Any -c flag also takes these names (case-insensitive), so looking up IDs is optional.

Example:
  $ statuspage list-components -p pg0000000001
  $ statuspage components --json | jq -r '.[] | select(.status != "operational") | .name'`,
  );
  cmd.action(lazyAction(async () => (await import('./run.js')).runListComponents));
}
