import type { Command } from 'commander';
import { addBroadcastFlags, addMessageFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineEditUpdate(cmd: Command, io: Io): void {
  cmd
    .argument('<incident>', 'incident or maintenance ID')
    .argument('[update]', 'ID of the update to edit (default: the latest)')
    .description(
      'Edit an update already posted on an incident: its text, the time it is shown at, or both. Subscribers are not notified of the edit unless --notify is given.',
    );
  addMessageFlags(cmd, 'the corrected text');
  cmd.option(
    '--display-at <time>',
    'the time the update is shown at: an ISO 8601 instant with a zone (2030-01-02T03:04:00Z)',
  );
  addBroadcastFlags(cmd, 'default: not notified', { templates: false });
  cmd.addHelpText(
    'after',
    `
The incident is read first (one GET) to find the update (without an ID, the latest) and its
text. An edit that would change nothing is an error, and nothing is sent. --dry-run shows the
old and new text (a diff on a terminal) and the request.

Example:
  $ statuspage edit-update hc6hf30zv16c -m "We found the root cause: a bad deploy of the API."
  $ statuspage edit-update hc6hf30zv16c upd000000002 --display-at 2030-01-02T03:04:00Z`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseEditUpdate,
      async () => (await import('./run.js')).runEditUpdate,
    ),
  );
}
