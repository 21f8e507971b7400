// What every command's registration shares: the flag groups (each declared once, as
// cli/option-schemas.ts validates each once) and the lazy loading of run functions, so that
// `--help` or a typo never pays for zod, undici or the keychain.
import { type Command, Option } from 'commander';
import { DEFAULT_KEYCHAIN_SERVICE } from '../auth/keychain.js';
import type { Io } from '../output/io.js';
import { TWO_LETTER_FLAGS } from './argv.js';
import type { CommonOptions } from './option-schemas.js';

export type RawOptions = Record<string, unknown>;
/** A command's first step: its flags and arguments, checked, in the shape its run function takes. */
export type ParseFunction<T> = (io: Io, raw: RawOptions, args: string[]) => T;
export type RunFunction<T> = (io: Io, options: T, args: string[]) => Promise<void>;

/**
 * The action of a command, in two steps loaded one after the other: its options module (zod
 * and the option schemas) checks the flags, and only flags that pass load the run function
 * and all it needs to send anything (the session, the API's schemas, the transport). A usage
 * error therefore costs the schemas of one command, not the whole of it.
 */
export function lazyAction<T>(io: Io, parse: () => Promise<ParseFunction<T>>, run: () => Promise<RunFunction<T>>) {
  return async (...received: unknown[]): Promise<void> => {
    const command = received[received.length - 1] as Command;
    const options = (await parse())(io, command.opts(), command.args);
    await (await run())(io, options, command.args);
  };
}

/** The action of a command that reads the page and takes only the connection and output flags. */
export function readAction(io: Io, run: () => Promise<RunFunction<CommonOptions>>) {
  return lazyAction(io, async () => (await import('./option-schemas.js')).parseSharedFlags, run);
}

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

/** Which keychain entry holds the token; `entry` words it for the command (`of the entry` for auth). */
export function addKeychainFlags(cmd: Command, entry = 'holding the token'): Command {
  return cmd
    .addOption(option('--keychain-user <account>', `keychain account ${entry} (default: your OS user name)`))
    .addOption(option('--keychain-service <service>', `keychain service ${entry}`).default(DEFAULT_KEYCHAIN_SERVICE));
}

/**
 * How requests are made: TLS, the deadline, logging, and retries where the command retries
 * (auth's single token check does not).
 */
export function addTransportFlags(cmd: Command, { retries = true } = {}): Command {
  cmd
    .option('-g, --ignore-ssl', 'do not verify the API’s TLS certificate (last resort; prints a warning)')
    .option('--allow-http', 'allow a plain-http STATUSPAGE_API_URL beyond this machine (the token is sent in clear)')
    .addOption(
      new Option(
        '--timeout <seconds>',
        retries ? 'give up after this many seconds, retries included' : 'give up on the API after this many seconds',
      ).default(30),
    );
  if (retries) {
    cmd.addOption(
      new Option('--max-retries <n>', 'retry rate-limited (420/429) and failed requests up to n times (0-10)').default(
        3,
      ),
    );
  }
  return cmd.option('--verbose', 'log each request and response to stderr (token redacted)');
}

/** The token, the page, and how to reach it: every command that talks to a page. */
export function addConnectionFlags(cmd: Command): Command {
  cmd
    .addOption(
      option(
        '--token <token>',
        'API token; "-" reads it from stdin (default: $STATUSPAGE_TOKEN, then the OS keychain)',
      ),
    )
    .option('-p, --page <page>', 'page ID or name (default: $STATUSPAGE_PAGE_ID, then the profile)')
    .option('--profile <name>', 'profile from the config file (default: $STATUSPAGE_PROFILE, then the default one)');
  return addTransportFlags(addKeychainFlags(cmd));
}

interface OutputFlags {
  /** The command writes: --dry-run. */
  dryRun?: boolean;
  /** What -y skips: the last look before a broadcast, or a question of the command's own; false: none to skip. */
  yes?: string | false;
  json?: string;
  quiet?: string;
}

/**
 * --json, -q and --no-color; for a command that writes (`dryRun`), --dry-run; and -y/--yes and
 * --no-input where the command can ask something (STATUSPAGE_NO_INPUT=1 covers every command).
 */
export function addOutputFlags(
  cmd: Command,
  {
    dryRun = true,
    yes = 'send without the last look at a terminal and its question (Send? [y/N])',
    json = 'print the API object as JSON on stdout',
    quiet = 'print only the ID',
  }: OutputFlags = {},
): Command {
  if (dryRun) cmd.option('--dry-run', 'validate and print the request that would be sent; send nothing');
  const asks = dryRun && yes !== false;
  if (asks) cmd.option('-y, --yes', yes);
  cmd.option('--json', json).option('-q, --quiet', quiet).option('--no-color', 'never colour the output');
  if (asks) {
    cmd.option(
      '--no-input',
      'never prompt, even at a terminal: a missing value is an error (also STATUSPAGE_NO_INPUT=1)',
    );
  }
  return cmd;
}

/** -m / --message-file; `what` says what the message is to subscribers. */
export function addMessageFlags(cmd: Command, what: string): Command {
  return cmd
    .option('-m, --message <text>', `${what}; newlines kept; "-" reads stdin`)
    .option('--message-file <path>', 'read the message from a file, byte for byte');
}

/** --notify / --no-notify; `byDefault` says what happens without either. */
export function addNotifyFlags(cmd: Command, byDefault = 'the API default'): Command {
  return cmd.option('--notify', `notify subscribers (${byDefault})`).option('--no-notify', 'do not notify subscribers');
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** --template NAME|ID|PATH and --var name=value (repeatable). */
export function addTemplateFlags(cmd: Command): Command {
  return cmd
    .option(
      '--template <name-or-path>',
      'fill the title, message, status, components and notify from a template: a page template’s name or ID (statuspage list-templates), or a Markdown file (a value with a / or ending in .md); flags given win',
    )
    .option('--var <name>=<value>', 'fill {{name}} in the template’s title and message (repeatable)', collect);
}

/**
 * The flags every command that can notify subscribers ends with: --[no-]notify (its default
 * worded by `byDefault`), --template and --var (as option-schemas.ts's broadcastShape checks
 * them; left out with `templates: false`), then the connection and output flags.
 */
export function addBroadcastFlags(cmd: Command, byDefault?: string, { templates = true } = {}): Command {
  const notified = addNotifyFlags(cmd, byDefault);
  return addOutputFlags(addConnectionFlags(templates ? addTemplateFlags(notified) : notified));
}
