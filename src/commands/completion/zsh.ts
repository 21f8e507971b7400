// The zsh completion script: `source <(statuspage completion zsh)` after compinit, or saved
// as `_statuspage` in a directory on $fpath.
import type { CommandSpec, CompletionModel, FlagSpec } from './model.js';
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

function commandCase(command: CommandSpec): string[] {
  const pattern = words([command.name, ...command.aliases]).replace(/ /g, '|');
  const specs = command.flags.flatMap(argumentSpecs);
  if (command.argChoices) specs.push(singleQuoted(`1:argument:(${words(command.argChoices)})`));
  return [`    (${pattern})`, `      _arguments -S \\`, ...specs.map((s, i) => `        ${s}${i < specs.length - 1 ? ' \\' : ''}`), '      ;;'];
}

export function zshScript(model: CompletionModel): string {
  const fn = functionName(model.program);
  const topFlags = model.flags.flatMap((f) => f.names.map((name) => ({ name, description: f.description })));
  return [
    `#compdef ${model.program}`,
    `# zsh completion for ${model.program}. Load it with:`,
    `#   source <(${model.program} completion zsh)    (after compinit)`,
    `# or save it as ${fn} in a directory on $fpath.`,
    `${fn}() {`,
    '  local -a commands top_flags',
    `  commands=(${described(model.commands)})`,
    `  top_flags=(${described(topFlags)})`,
    '  if (( CURRENT == 2 )); then',
    '    if [[ $PREFIX == -* ]]; then',
    "      _describe -t options 'option' top_flags",
    '    else',
    `      _describe -t commands '${model.program} command' commands`,
    '    fi',
    '    return',
    '  fi',
    '  local cmd=$words[2]',
    '  # Let _arguments see the subcommand as the command word.',
    '  shift words',
    '  (( CURRENT-- ))',
    '  case $cmd in',
    ...model.commands.flatMap(commandCase),
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
