import type { Command } from 'commander';
import { addConnectionFlags, addMessageFlags, addOutputFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerDraft(postmortem: Command, io: Io): void {
  const cmd = postmortem
    .command('draft')
    .argument('<incident>', 'incident ID (a resolved incident)')
    .summary('save the postmortem draft from a file, stdin or text')
    .description(
      'Save the draft of a resolved incident’s postmortem, exactly as given (Markdown). Nothing is shown on the page or sent to anyone until it is published.',
    );
  addMessageFlags(cmd, 'the postmortem (Markdown)');
  addOutputFlags(addConnectionFlags(cmd));
  cmd.addHelpText(
    'after',
    `
The incident is read first (one GET): the API takes a postmortem only once it is resolved.

Example:
  $ statuspage postmortem draft hc6hf30zv16c --message-file postmortem.md
  $ statuspage show-incident hc6hf30zv16c --markdown | statuspage postmortem draft hc6hf30zv16c -m -`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parseDraftPostmortem,
      async () => (await import('./run.js')).runDraftPostmortem,
    ),
  );
}
