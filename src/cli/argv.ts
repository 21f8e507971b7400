import type { Command } from 'commander';
import { UsageError } from '../errors.js';

// Commander only knows one-letter short flags, but the documented short forms include
// two-letter ones (-tk, -cs, …). They are rewritten to their long form here, before parsing,
// and nowhere else.
export const TWO_LETTER_FLAGS: Readonly<Record<string, string>> = {
  '-tk': '--token',
  '-cs': '--component-status',
  '-ic': '--incident',
  '-ku': '--keychain-user',
  '-ks': '--keychain-service',
};

// Free text may legitimately be "-cs"; the value after these flags is never rewritten.
const FREE_TEXT_FLAGS = new Set(['-m', '--message', '-t', '--title']);

/**
 * `valueFlags`: the one-letter flags that take a value. `-t=Hello` means the title Hello, as in
 * gh or kubectl; commander alone would send "=Hello" to subscribers.
 */
export function normalizeArgv(args: readonly string[], valueFlags: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  let afterDoubleDash = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (afterDoubleDash || (i > 0 && FREE_TEXT_FLAGS.has(args[i - 1] as string))) {
      out.push(arg);
      continue;
    }
    if (arg === '--') afterDoubleDash = true;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const long = TWO_LETTER_FLAGS[flag];
    if (long !== undefined) out.push(long + (eq === -1 ? '' : arg.slice(eq)));
    else if (eq === 2 && valueFlags.has(flag)) out.push(flag, arg.slice(3));
    else out.push(arg);
  }
  return out;
}

/** The one-letter spellings of the options that take a value, in `command` and below it. */
export function valueFlagsOf(command: Command): Set<string> {
  const flags = new Set<string>();
  for (const option of command.options) {
    if (option.short && (option.required || option.optional)) flags.add(option.short);
  }
  for (const sub of command.commands) for (const flag of valueFlagsOf(sub)) flags.add(flag);
  return flags;
}

const LONG_TO_SHORT = new Map(Object.entries(TWO_LETTER_FLAGS).map(([short, long]) => [long, short]));
/** Options whose value is text sent to subscribers as it is. */
const TEXT_OPTIONS = new Set(['--message', '--title']);

/** What the check needs of a command option (commander's Option has these). */
export interface OptionShape {
  short?: string | undefined;
  long?: string | undefined;
  required: boolean;
}

/**
 * `-m $MSG --dry-run` with an empty $MSG reaches us as `-m --dry-run`, and commander takes
 * `--dry-run` as the message: the incident would be created for real. A value that is itself
 * one of the command's flags is therefore refused; `--message=--dry-run` is the way to mean it.
 * `args` is the command line as typed (before normalizeArgv).
 */
export function assertNoSwallowedFlags(args: readonly string[], options: readonly OptionShape[]): void {
  const bySpelling = new Map<string, OptionShape>();
  for (const option of options) {
    for (const name of [option.short, option.long, LONG_TO_SHORT.get(option.long ?? '')]) {
      if (name) bySpelling.set(name, option);
    }
  }
  const isShort = (letter: string) => bySpelling.has(`-${letter}`) || letter === 'h';
  const isFlag = (token: string) => {
    const name = token.split('=')[0] ?? token;
    if (bySpelling.has(name) || name === '-h' || name === '--help') return true;
    // Short flags run together (`-yq`), as commander reads them: every letter one of this command's.
    return /^-[A-Za-z]{2,}$/.test(token) && [...token.slice(1)].every(isShort);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return;
    const option = bySpelling.get(arg);
    if (!option?.required) continue;
    const value = args[i + 1];
    if (value !== undefined && isFlag(value)) {
      const long = option.long ?? arg;
      const how = TEXT_OPTIONS.has(long) ? 'to send that text' : 'to give that value';
      throw new UsageError(`${arg} got '${value}' as its value; ${how} use ${long}=${value}`);
    }
    i++;
  }
}
