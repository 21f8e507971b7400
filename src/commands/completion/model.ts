// What the completion scripts complete, read from the commander tree: commands (command groups
// such as `auth` with theirs, at any depth), their aliases and flags (two-letter short forms
// included), and the values a flag accepts.
import type { Command, Option } from 'commander';
import { TWO_LETTER_FLAGS } from '../../cli/argv.js';
import { safeWord } from './shell-words.js';
import { optionValues } from './values.js';

export interface FlagSpec {
  /** Every spelling: `-t`, `--title`, `-tk`, … */
  names: string[];
  description: string;
  /** The flag takes a value (`<title>`); its name is the placeholder. */
  value?: string;
  /** The accepted values, when there is a fixed set. */
  choices?: readonly string[];
  /** The value is a file path. */
  file?: boolean;
}

export interface CommandSpec {
  name: string;
  /** Canonical names from the program down to this command: `[]` for the program, `['auth', 'login']`. */
  path: string[];
  aliases: string[];
  description: string;
  flags: FlagSpec[];
  /** The subcommands of a command group (the program, `auth`); empty for a command that runs. */
  commands: CommandSpec[];
  /** What the first argument completes to (the shells for `completion`, commands for `help`). */
  argChoices?: readonly string[];
}

export interface CompletionModel {
  program: string;
  /** The program as a command group: its own flags, and the commands under it. */
  root: CommandSpec;
}

const SHORT_FOR_LONG = new Map(Object.entries(TWO_LETTER_FLAGS).map(([short, long]) => [long, short]));

/** Descriptions go into quoted shell strings and one-line menus: one line, plain text. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function flagSpec(commandPath: readonly string[], option: Option): FlagSpec {
  const names = [option.short, SHORT_FOR_LONG.get(option.long ?? ''), option.long].filter((n): n is string =>
    Boolean(n),
  );
  const spec: FlagSpec = { names, description: oneLine(option.description) };
  if (option.required || option.optional) {
    const placeholder = /<([^>.]+)(?:\.\.\.)?>|\[([^\].]+)(?:\.\.\.)?\]/.exec(option.flags);
    spec.value = placeholder?.[1] ?? placeholder?.[2] ?? 'value';
    const choices = option.argChoices ?? optionValues(commandPath.join(' '), option.attributeName());
    if (choices) spec.choices = choices;
    // `<path>`, or `<name-or-path>` (--template): a file is one of the values.
    if (spec.value === 'path' || spec.value.endsWith('-or-path')) spec.file = true;
  }
  return spec;
}

function commandSpec(cmd: Command, path: string[], help: ReturnType<Command['createHelp']>): CommandSpec {
  const spec: CommandSpec = {
    name: path.at(-1) ?? cmd.name(),
    path,
    aliases: path.length === 0 ? [] : cmd.aliases(),
    description: oneLine(cmd.summary() || cmd.description()),
    flags: help.visibleOptions(cmd).map((o) => flagSpec(path, o)),
    commands: help.visibleCommands(cmd).map((sub) => commandSpec(sub, [...path, sub.name()], help)),
  };
  const argChoices = cmd.registeredArguments[0]?.argChoices;
  if (argChoices) spec.argChoices = argChoices;
  // A group's `help` (commander adds one to every group) takes the name of a sibling.
  const helpCommand = spec.commands.find((c) => c.name === 'help');
  if (helpCommand) helpCommand.argChoices = spec.commands.filter((c) => c !== helpCommand).map((c) => c.name);
  return spec;
}

export function completionModel(program: Command): CompletionModel {
  return { program: program.name(), root: commandSpec(program, [], program.createHelp()) };
}

/** The program and every command under it, parents before their subcommands. */
export function allCommands(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.commands.flatMap(allCommands)];
}

/** A command's path as one shell word: `/` for the program, `/auth/login`; names never contain `/`. */
export function pathWord(spec: CommandSpec): string {
  return `/${spec.path.map(safeWord).join('/')}`;
}
