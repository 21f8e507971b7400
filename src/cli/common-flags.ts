// The flags every API command shares, registered in one place so help text stays uniform.
import { type Command, Option } from 'commander';
import { DEFAULT_KEYCHAIN_SERVICE } from '../auth/keychain.js';
import { TWO_LETTER_FLAGS } from './argv.js';

const SHORT_FOR_LONG = new Map(Object.entries(TWO_LETTER_FLAGS).map(([short, long]) => [long, short]));

/**
 * An option whose documented short form has two letters (-tk, -cs, …). Commander parses
 * only the long form (argv.ts rewrites the short one); help shows both.
 */
export function option(flags: string, description: string): Option {
  const opt = new Option(flags, description);
  const short = SHORT_FOR_LONG.get(opt.long ?? '');
  if (short !== undefined && opt.short === undefined) opt.flags = `${short}, ${flags}`;
  return opt;
}

export function addConnectionFlags(cmd: Command): Command {
  return cmd
    .addOption(
      option(
        '--token <token>',
        'API token; "-" reads it from stdin (default: $STATUSPAGE_TOKEN, then the OS keychain)',
      ),
    )
    .option('-p, --page <id>', 'page ID (default: $STATUSPAGE_PAGE_ID)')
    .addOption(option('--keychain-user <account>', 'keychain account holding the token (default: your OS user name)'))
    .addOption(
      option('--keychain-service <service>', 'keychain service holding the token').default(DEFAULT_KEYCHAIN_SERVICE),
    )
    .option('-g, --ignore-ssl', 'do not verify the API’s TLS certificate (last resort; prints a warning)')
    .addOption(new Option('--timeout <seconds>', 'give up after this many seconds, retries included').default(30))
    .addOption(
      new Option('--max-retries <n>', 'retry rate-limited (420/429) and failed requests up to n times (0-10)').default(
        3,
      ),
    )
    .option('--verbose', 'log each request and response to stderr (token redacted)');
}

export function addOutputFlags(cmd: Command, { dryRun = true } = {}): Command {
  if (dryRun) cmd.option('--dry-run', 'validate and print the request that would be sent; send nothing');
  return cmd
    .option('--json', 'print the API object as JSON on stdout')
    .option('-q, --quiet', 'print only the ID')
    .option('--no-color', 'never colour the output');
}
