// The zsh completion script: `source <(statuspage completion zsh)` after compinit, or saved
// as `_statuspage` in a directory on $fpath.
import { allCommands, type CommandSpec, type CompletionModel, type FlagSpec, pathWord } from './model.js';
import { functionName, safeWord, singleQuoted, words } from './shell-words.js';

/** `[` `]` end an _arguments description and `:` separates its fields. */
function explanation(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\\/g, '/');
}

function argumentSpecs(flag: FlagSpec): string[] {
  let action = '';
  if (flag.value !== undefined) {
    const message = safeWord(flag.value);
    if (flag.choices) action = `:${message}:(${words(flag.choices)})`;
    else if (flag.file) action = `:${message}:_files`;
    else action = `:${message}: `;
  }
  return flag.names.map((name) => {
    const form = flag.value !== undefined && name.startsWith('--') ? `${safeWord(name)}=` : safeWord(name);
    return singleQuoted(`${form}[${explanation(flag.description)}]${action}`);
  });
}

function described(items: ReadonlyArray<{ name: string; description: string }>): string {
  return items.map((i) => singleQuoted(`${safeWord(i.name)}:${i.description}`)).join(' ');
}

/** In the walk over the words typed so far: a subcommand's name (or alias) moves down to it. */
function descendCase(group: CommandSpec): string[] {
  return [
    `      (${pathWord(group)})`,
    '        case $word in',
    ...group.commands.map(
      (c) => `          (${words([c.name, ...c.aliases]).replace(/ /g, '|')}) at=${pathWord(c)} ;;`,
    ),
    // A group only dispatches: a word that names none of its commands leaves nothing to complete.
    '          (*) return 1 ;;',
    '        esac',
    '        ;;',
  ];
}

function groupCase(program: string, group: CommandSpec): string[] {
  const flags = group.flags.flatMap((f) => f.names.map((name) => ({ name, description: f.description })));
  return [
    `    (${pathWord(group)})`,
    '      if [[ $PREFIX == -* ]]; then',
    `        choices=(${described(flags)})`,
    "        _describe -t options 'option' choices",
    '      else',
    `        choices=(${described(group.commands)})`,
    `        _describe -t commands ${singleQuoted(`${[program, ...group.path].join(' ')} command`)} choices`,
    '      fi',
    '      ;;',
  ];
}

function commandCase(command: CommandSpec): string[] {
  const specs = command.flags.flatMap(argumentSpecs);
  if (command.argChoices) specs.push(singleQuoted(`1:argument:(${words(command.argChoices)})`));
  return [
    `    (${pathWord(command)})`,
    // Let _arguments see the command's own name as the command word.
    '      shift $(( last - 1 )) words',
    '      (( CURRENT -= last - 1 ))',
    `      _arguments -S \\`,
    ...specs.map((s, i) => `        ${s}${i < specs.length - 1 ? ' \\' : ''}`),
    '      ;;',
  ];
}

export function zshScript(model: CompletionModel): string {
  const fn = functionName(model.program);
  const commands = allCommands(model.root);
  const groups = commands.filter((c) => c.commands.length > 0);
  return [
    `#compdef ${model.program}`,
    `# zsh completion for ${model.program}. Load it with:`,
    `#   source <(${model.program} completion zsh)    (after compinit)`,
    `# or save it as ${fn} in a directory on $fpath.`,
    `${fn}() {`,
    '  local at=/ word',
    '  local -a choices',
    '  integer i last=1',
    '  # Which command the words so far name, as a path: / (none yet), /auth, /auth/login, …',
    '  for (( i = 2; i < CURRENT; i++ )); do',
    '    word=$words[i]',
    '    [[ $word == -* ]] && continue',
    '    case $at in',
    ...groups.flatMap(descendCase),
    '      (*) break ;;  # a command that runs: the rest are its arguments and flags',
    '    esac',
    '    last=$i',
    '  done',
    '  case $at in',
    ...commands.flatMap((c) => (c.commands.length > 0 ? groupCase(model.program, c) : commandCase(c))),
    '  esac',
    '}',
    '',
    `if [[ $funcstack[1] == ${fn} ]]; then`,
    `  ${fn} "$@"`,
    'else',
    `  compdef ${fn} ${model.program}`,
    'fi',
    '',
  ].join('\n');
}
