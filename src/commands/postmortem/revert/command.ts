import type { Command } from 'commander';
import { addConnectionFlags, addOutputFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerRevert(postmortem: Command, io: Io): void {
  const cmd = postmortem
    .command('revert')
    .argument('<incident>', 'incident ID (a resolved incident with a published postmortem)')
    .summary('take a published postmortem off the page, back to a draft')
    .description(
      'Revert a published postmortem to a draft: the page no longer shows it, and the text is kept as the draft.',
    );
  addOutputFlags(addConnectionFlags(cmd));
  cmd.addHelpText(
    'after',
    `
The incident and its postmortem are read first (two GETs); one not published is left alone.

Example:
  $ statuspage postmortem revert hc6hf30zv16c`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseRevertPostmortem,
      async () => (await import('./run.js')).runRevertPostmortem,
    ),
  );
}
