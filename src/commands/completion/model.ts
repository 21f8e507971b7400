// What the completion scripts complete, read from the commander tree: commands, their
// aliases and flags (two-letter short forms included), and the values a flag accepts.
import type { Command, Option } from 'commander';
import { TWO_LETTER_FLAGS } from '../../cli/argv.js';
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
  aliases: string[];
  description: string;
  flags: FlagSpec[];
  /** What the first argument completes to (the shells for `completion`, commands for `help`). */
  argChoices?: readonly string[];
}

export interface CompletionModel {
  program: string;
  flags: FlagSpec[];
  commands: CommandSpec[];
}

const SHORT_FOR_LONG = new Map(Object.entries(TWO_LETTER_FLAGS).map(([short, long]) => [long, short]));

/** Descriptions go into quoted shell strings and one-line menus: one line, plain text. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function flagSpec(commandName: string, option: Option): FlagSpec {
  const names = [option.short, SHORT_FOR_LONG.get(option.long ?? ''), option.long].filter((n): n is string => Boolean(n));
  const spec: FlagSpec = { names, description: oneLine(option.description) };
  if (option.required || option.optional) {
    const placeholder = /<([^>.]+)(?:\.\.\.)?>|\[([^\].]+)(?:\.\.\.)?\]/.exec(option.flags);
    spec.value = placeholder?.[1] ?? placeholder?.[2] ?? 'value';
    const choices = option.argChoices ?? optionValues(commandName, option.attributeName());
    if (choices) spec.choices = choices;
    if (spec.value === 'path') spec.file = true;
  }
  return spec;
}

export function completionModel(program: Command): CompletionModel {
  const help = program.createHelp();
  const commands = help.visibleCommands(program).map((cmd): CommandSpec => {
    const spec: CommandSpec = {
      name: cmd.name(),
      aliases: cmd.aliases(),
      description: oneLine(cmd.summary() || cmd.description()),
      flags: help.visibleOptions(cmd).map((o) => flagSpec(cmd.name(), o)),
    };
    const argChoices = cmd.registeredArguments[0]?.argChoices;
    if (argChoices) spec.argChoices = argChoices;
    return spec;
  });
  const helpCommand = commands.find((c) => c.name === 'help');
  if (helpCommand) helpCommand.argChoices = commands.filter((c) => c !== helpCommand).map((c) => c.name);
  return {
    program: program.name(),
    flags: help.visibleOptions(program).map((o) => flagSpec('', o)),
    commands,
  };
}
