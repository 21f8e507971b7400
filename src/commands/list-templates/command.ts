import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, readAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineListTemplates(cmd: Command, io: Io): void {
  cmd.description(
    'List the page’s incident templates: name, ID, title, the status and components they set, and whether they notify subscribers. On a terminal this is a table; in a pipe, one tab-separated line per template.',
  );
  addOutputFlags(addConnectionFlags(cmd), { dryRun: false });
  cmd.addHelpText(
    'after',
    `
create-incident --template takes these names (case-insensitive) or IDs.

Example:
  $ statuspage list-templates -p pg0000000001
  $ statuspage templates --json | jq -r '.[] | .name'`,
  );
  cmd.action(readAction(io, async () => (await import('./run.js')).runListTemplates));
}
