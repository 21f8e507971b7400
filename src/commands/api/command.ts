import type { Command } from 'commander';
import { addConnectionFlags, lazyAction } from '../../cli/command-kit.js';
import type { Io } from '../../output/io.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function defineApi(cmd: Command, io: Io): void {
  cmd
    .argument('<path>', 'below the API URL, e.g. /pages/{page}/subscribers ({page} is the page ID)')
    .description(
      'Send a request to any operation of the Statuspage API and print the answer as JSON, with the token, retries, timeout and TLS settings of every command. {page} and {page_id} in PATH become the page (--page, $STATUSPAGE_PAGE_ID).',
    )
    .option('-X, --method <method>', 'GET, POST, PUT, PATCH or DELETE (default: GET, or POST with -f, -F or --input)')
    .option(
      '-f, --raw-field <key>=<value>',
      'a string field; key[sub] nests, key[] appends (repeatable; GET: a query parameter)',
      collect,
    )
    .option(
      '-F, --field <key>=<value>',
      'a typed field: true, false, null, a number, or @file for its contents (repeatable)',
      collect,
    )
    .option('--input <path>', 'the request body from a JSON file ("-": standard input)')
    .option('--paginate', 'GET every page of a list and print them as one JSON array');
  addConnectionFlags(cmd)
    .option('--dry-run', 'validate and print the request that would be sent; send nothing')
    .option('--no-color', 'never colour the output');
  cmd.addHelpText(
    'after',
    `
METHOD and PATH must name one of the API's operations, or nothing is sent (the error lists the
closest). A write (anything but GET) is never resent after a failure whose outcome is unknown,
as the CLI cannot look for what it did; rate limits are still waited out and retried.

Example:
  $ statuspage api /pages/{page}/subscribers/count
  $ statuspage api /pages/{page}/subscribers --paginate
  $ statuspage api /pages/{page}/subscribers -f subscriber[email]=ops@example.com
  $ statuspage api -X PATCH /pages/{page}/subscribers/ab12cd34ef56 --input subscriber.json`,
  );
  cmd.action(
    lazyAction(
      io,
      async () => (await import('./options.js')).parseApi,
      async () => (await import('./run.js')).runApi,
    ),
  );
}
