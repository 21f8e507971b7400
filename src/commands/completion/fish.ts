// The fish completion script: `statuspage completion fish | source`, or saved as
// ~/.config/fish/completions/statuspage.fish.
import type { CommandSpec, CompletionModel, FlagSpec } from './model.js';
import { safeWord, words } from './shell-words.js';

function fishQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function flagNames(flag: FlagSpec): string {
  return flag.names
    .map((name) => {
      if (name.startsWith('--')) return `-l ${safeWord(name.slice(2))}`;
      // Fish calls multi-letter single-dash flags (-tk, -cs) old-style options.
      return name.length === 2 ? `-s ${safeWord(name.slice(1))}` : `-o ${safeWord(name.slice(1))}`;
    })
    .join(' ');
}

/** The `complete` arguments for one flag; values get a line of their own so they are not all labelled with the flag's description. */
function flagLines(prefix: string, flag: FlagSpec): string[] {
  const names = flagNames(flag);
  const described = `-d ${fishQuoted(flag.description)}`;
  if (flag.value === undefined) return [`${prefix} ${names} ${described}`];
  if (flag.file) return [`${prefix} ${names} -r -F ${described}`];
  if (!flag.choices) return [`${prefix} ${names} -x ${described}`];
  return [`${prefix} ${names} -x -a ${fishQuoted(words(flag.choices))}`, `${prefix} ${names} -x ${described}`];
}

function commandLines(program: string, command: CommandSpec): string[] {
  const seen = fishQuoted(`__fish_seen_subcommand_from ${words([command.name, ...command.aliases])}`);
  const lines = [`complete -c ${program} -n __fish_use_subcommand -a ${safeWord(command.name)} -d ${fishQuoted(command.description)}`];
  if (command.argChoices) lines.push(`complete -c ${program} -n ${seen} -a ${fishQuoted(words(command.argChoices))}`);
  for (const flag of command.flags) lines.push(...flagLines(`complete -c ${program} -n ${seen}`, flag));
  return lines;
}

export function fishScript(model: CompletionModel): string {
  const program = safeWord(model.program);
  return [
    `# fish completion for ${program}. Load it with:`,
    `#   ${program} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${program}.fish.`,
    `complete -c ${program} -e`,
    `# Arguments are IDs, names and text, not files (--message-file says otherwise).`,
    `complete -c ${program} -f`,
    ...model.flags.flatMap((flag) => flagLines(`complete -c ${program} -n __fish_use_subcommand`, flag)),
    ...model.commands.flatMap((command) => commandLines(program, command)),
    '',
  ].join('\n');
}
