import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerShow(postmortem: Command, io: Io): void {
  const cmd = postmortem
    .command('show')
    .argument('<incident>', 'incident ID')
    .summary('print the postmortem and whether it is published')
    .description(
      'Print an incident’s postmortem: the published text (or the draft, when it is not published, or with --draft) and its state. -q prints the text alone, to edit and save again with draft.',
    )
    .option('--draft', 'print the draft even when a published text exists');
  addOutputFlags(addConnectionFlags(cmd), { dryRun: false });
  cmd.addHelpText(
    'after',
    `
Example:
  $ statuspage postmortem show hc6hf30zv16c
  $ statuspage postmortem show hc6hf30zv16c --draft -q > postmortem.md`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseShowPostmortem,
      async () => (await import('./run.js')).runShowPostmortem,
    ),
  );
}
