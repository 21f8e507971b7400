import type { Command } from 'commander';
import { addConnectionFlags, addNotifyFlags, addOutputFlags, lazyAction } from '../../../cli/command-kit.js';
import type { Io } from '../../../output/io.js';

export function registerPublish(postmortem: Command, io: Io): void {
  const cmd = postmortem
    .command('publish')
    .argument('<incident>', 'incident ID (a resolved incident with a draft)')
    .summary('publish the postmortem draft on the page')
    .description(
      'Publish the saved draft of a resolved incident’s postmortem on the page. Subscribers are notified only with --notify; on a terminal, --notify asks first.',
    );
  addOutputFlags(addConnectionFlags(addNotifyFlags(cmd, 'default: not notified')));
  cmd.addHelpText(
    'after',
    `
The incident and its postmortem are read first (two GETs): a draft must exist, and a postmortem
already published with the same text is left alone (nothing sent), so nobody is notified twice.

Example:
  $ statuspage postmortem publish hc6hf30zv16c
  $ statuspage postmortem publish hc6hf30zv16c --notify`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('../options.js')).parsePublishPostmortem,
      async () => (await import('./run.js')).runPublishPostmortem,
    ),
  );
}
