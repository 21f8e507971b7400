import type { Command } from 'commander';
import { addConnectionFlags, lazyAction, option } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

export function defineShowIncident(cmd: Command, io: Io): void {
  cmd
    .argument('[incident]', 'incident or maintenance ID (or use --incident)')
    .description(
      'Show an incident or maintenance: its status, impact, times, short link and postmortem; its components with their status now; and every update as posted, oldest first, with the component changes it made.',
    )
    .addOption(option('--incident <id>', 'incident or maintenance ID'))
    .option('--markdown', 'print the timeline as Markdown for a postmortem document (times in UTC)')
    .option('--web', 'open the short link in the browser (printed instead where there is none)')
    .option('--json', 'print the API object as JSON on stdout')
    .option('--no-color', 'never colour the output');
  addConnectionFlags(cmd);
  cmd.addHelpText(
    'after',
    `
One GET. Times are in your zone on a terminal ($TZ, else the system's), in UTC in a pipe and
in --markdown. --web opens the link with $BROWSER when set (empty or "none": print it), else
open (macOS), xdg-open (Linux) or start (Windows); in a pipe, or when no browser opens, the
link is printed on stdout.

Example:
  $ statuspage show-incident hc6hf30zv16c
  $ statuspage view hc6hf30zv16c --markdown > postmortem.md`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseShowIncident,
      async () => (await import('./run.js')).runShowIncident,
    ),
  );
}
