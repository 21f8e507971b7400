// The fish completion script: `statuspage completion fish | source`, or saved as
// ~/.config/fish/completions/statuspage.fish.
import { allCommands, type CommandSpec, type CompletionModel, type FlagSpec, pathWord } from './model.js';
import { functionName, safeWord, words } from './shell-words.js';

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

/** In the walk over the words typed so far: a subcommand's name (or alias) moves down to it. */
function descendCase(group: CommandSpec): string[] {
  return [
    `            case ${pathWord(group)}`,
    '                switch $word',
    ...group.commands.flatMap((c) => [
      `                    case ${words([c.name, ...c.aliases])}`,
      `                        set at ${pathWord(c)}`,
    ]),
    // A group only dispatches: a word that names none of its commands leaves nothing to complete.
    "                    case '*'",
    '                        return 1',
    '                end',
  ];
}

/** `WHERE PATH`: whether the words before the cursor name the command at PATH (/, /auth, /auth/login, …). */
function whereFunction(where: string, groups: readonly CommandSpec[]): string[] {
  return [
    `function ${where}`,
    '    set -l at /',
    '    for word in (commandline -opc)[2..-1]',
    "        string match -q -- '-*' $word; and continue",
    '        switch $at',
    ...groups.flatMap(descendCase),
    "            case '*'",
    '                break # a command that runs: the rest are its arguments and flags',
    '        end',
    '    end',
    '    test $at = $argv[1]',
    'end',
  ];
}

function commandLines(program: string, where: string, command: CommandSpec): string[] {
  const at = `-n ${fishQuoted(`${where} ${pathWord(command)}`)}`;
  const lines = command.commands.map(
    (c) => `complete -c ${program} ${at} -a ${safeWord(c.name)} -d ${fishQuoted(c.description)}`,
  );
  if (command.argChoices) lines.push(`complete -c ${program} ${at} -a ${fishQuoted(words(command.argChoices))}`);
  for (const flag of command.flags) lines.push(...flagLines(`complete -c ${program} ${at}`, flag));
  return lines;
}

export function fishScript(model: CompletionModel): string {
  const program = safeWord(model.program);
  const where = `_${functionName(program)}_at`;
  const commands = allCommands(model.root);
  return [
    `# fish completion for ${program}. Load it with:`,
    `#   ${program} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${program}.fish.`,
    `complete -c ${program} -e`,
    `# Arguments are IDs, names and text, not files (--message-file says otherwise).`,
    `complete -c ${program} -f`,
    ...whereFunction(
      where,
      commands.filter((c) => c.commands.length > 0),
    ),
    ...commands.flatMap((command) => commandLines(program, where, command)),
    '',
  ].join('\n');
}
