// `statuspage postmortem show|draft|publish|revert INCIDENT`: the write-up after an incident.
import type { Command } from 'commander';
import {
  addBroadcastFlags,
  addConnectionFlags,
  addMessageFlags,
  addOutputFlags,
  lazyAction,
} from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function definePostmortem(postmortem: Command, io: Io): void {
  postmortem.description(
    'The postmortem of a resolved incident: save a draft (from a file or stdin), show it, publish it on the page (subscribers are notified only with --notify), or revert it to a draft.',
  );

  const show = postmortem
    .command('show')
    .argument('<incident>', 'incident ID')
    .summary('print the postmortem and whether it is published')
    .description(
      'Print an incident’s postmortem: the published text (or the draft, when it is not published, or with --draft) and its state. -q prints the text alone, to edit and save again with draft.',
    )
    .option('--draft', 'print the draft even when a published text exists');
  addOutputFlags(addConnectionFlags(show), {
    dryRun: false,
    json: 'print the postmortem as the API returns it',
    quiet: 'print only the text',
  });
  show.addHelpText(
    'after',
    `
Example:
  $ statuspage postmortem show hc6hf30zv16c
  $ statuspage postmortem show hc6hf30zv16c --draft -q > postmortem.md`,
  );
  show.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseShowPostmortem,
      async () => (await import('./show/run.js')).runShowPostmortem,
    ),
  );

  const draft = postmortem
    .command('draft')
    .argument('<incident>', 'incident ID (a resolved incident)')
    .summary('save the postmortem draft from a file, stdin or text')
    .description(
      'Save the draft of a resolved incident’s postmortem, exactly as given (Markdown). Nothing is shown on the page or sent to anyone until it is published.',
    );
  addMessageFlags(draft, 'the postmortem (Markdown)');
  // A draft and a revert notify nobody: there is no last look for -y to skip.
  addOutputFlags(addConnectionFlags(draft), { yes: false });
  draft.addHelpText(
    'after',
    `
The incident is read first (one GET): the API takes a postmortem only once it is resolved.

Example:
  $ statuspage postmortem draft hc6hf30zv16c --message-file postmortem.md
  $ statuspage show-incident hc6hf30zv16c --markdown | statuspage postmortem draft hc6hf30zv16c -m -`,
  );
  draft.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseDraftPostmortem,
      async () => (await import('./draft/run.js')).runDraftPostmortem,
    ),
  );

  const publish = postmortem
    .command('publish')
    .argument('<incident>', 'incident ID (a resolved incident with a draft)')
    .summary('publish the postmortem draft on the page')
    .description(
      'Publish the saved draft of a resolved incident’s postmortem on the page. Subscribers are notified only with --notify; on a terminal, --notify asks first.',
    );
  addBroadcastFlags(publish, 'default: not notified', { templates: false });
  publish.addHelpText(
    'after',
    `
The incident and its postmortem are read first (two GETs): a draft must exist, and a postmortem
already published with the same text is left alone (nothing sent), so nobody is notified twice.

Example:
  $ statuspage postmortem publish hc6hf30zv16c
  $ statuspage postmortem publish hc6hf30zv16c --notify`,
  );
  publish.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parsePublishPostmortem,
      async () => (await import('./publish/run.js')).runPublishPostmortem,
    ),
  );

  const revert = postmortem
    .command('revert')
    .argument('<incident>', 'incident ID (a resolved incident with a published postmortem)')
    .summary('take a published postmortem off the page, back to a draft')
    .description(
      'Revert a published postmortem to a draft: the page no longer shows it, and the text is kept as the draft.',
    );
  addOutputFlags(addConnectionFlags(revert), { yes: false });
  revert.addHelpText(
    'after',
    `
The incident and its postmortem are read first (two GETs); one not published is left alone.

Example:
  $ statuspage postmortem revert hc6hf30zv16c`,
  );
  revert.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseRevertPostmortem,
      async () => (await import('./revert/run.js')).runRevertPostmortem,
    ),
  );

  for (const command of [postmortem, ...postmortem.commands]) command.exitOverride();
}
