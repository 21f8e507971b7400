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

/** A command's one-letter flags: those that take a value, and those that do not. */
export interface ShortFlags {
  value: ReadonlySet<string>;
  boolean: ReadonlySet<string>;
}

const NO_SHORT_FLAGS: ShortFlags = { value: new Set(), boolean: new Set() };

/**
 * `-qt`, as commander reads it: flags that take no value, then (last) the one that takes the
 * value: `{ booleans: '-q', flag: '-t' }`. Anything else (a two-letter flag, a word) is undefined.
 */
function splitGroup(group: string, flags: ShortFlags): { booleans: string; flag: string } | undefined {
  const letters = [...group.slice(1)];
  const flag = `-${letters.at(-1)}`;
  if (!flags.value.has(flag) || !letters.slice(0, -1).every((l) => flags.boolean.has(`-${l}`))) return undefined;
  return { booleans: letters.length > 1 ? `-${letters.slice(0, -1).join('')}` : '', flag };
}

/** Whether the value after `arg` is text to send as it is (-m, -t, or a group ending in one). */
function takesFreeText(arg: string, flags: ShortFlags): boolean {
  if (FREE_TEXT_FLAGS.has(arg)) return true;
  const group = /^-[A-Za-z]{2,}$/.test(arg) && TWO_LETTER_FLAGS[arg] === undefined ? splitGroup(arg, flags) : undefined;
  return group !== undefined && FREE_TEXT_FLAGS.has(group.flag);
}

/**
 * `flags`: the command's one-letter flags. `-t=Hello` (or `-qt=Hello`) means the title Hello, as
 * in gh or kubectl; commander alone would send "=Hello" to subscribers.
 */
export function normalizeArgv(args: readonly string[], flags: ShortFlags = NO_SHORT_FLAGS): string[] {
  const out: string[] = [];
  let afterDoubleDash = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (afterDoubleDash || (i > 0 && takesFreeText(args[i - 1] as string, flags))) {
      out.push(arg);
      continue;
    }
    if (arg === '--') afterDoubleDash = true;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const long = TWO_LETTER_FLAGS[name];
    const group = long === undefined && eq > 1 && /^-[A-Za-z]+$/.test(name) ? splitGroup(name, flags) : undefined;
    if (long !== undefined) out.push(long + (eq === -1 ? '' : arg.slice(eq)));
    else if (group) out.push(...(group.booleans ? [group.booleans] : []), group.flag, arg.slice(eq + 1));
    else out.push(arg);
  }
  return out;
}

/** The one-letter flags of `command` and the commands below it. */
export function shortFlagsOf(command: Command): ShortFlags {
  const value = new Set<string>();
  const boolean = new Set<string>();
  const collect = (cmd: Command) => {
    for (const option of cmd.options) {
      if (option.short) (option.required || option.optional ? value : boolean).add(option.short);
    }
    for (const sub of cmd.commands) collect(sub);
  };
  collect(command);
  // -h is commander's own on every command, and not among its options.
  boolean.add('-h');
  return { value, boolean };
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
  // `-qm`: short flags run together, the last one taking the next argument as its value.
  const grouped = (token: string) =>
    /^-[A-Za-z]{2,}$/.test(token) && [...token.slice(1)].every(isShort)
      ? bySpelling.get(`-${token.at(-1)}`)
      : undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return;
    const option = bySpelling.get(arg) ?? grouped(arg);
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
