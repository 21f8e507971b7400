import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, readAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineListComponents(cmd: Command, io: Io): void {
  cmd.description(
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
  cmd.action(readAction(io, async () => (await import('./run.js')).runListComponents));
}
