// The bash completion script: `source <(statuspage completion bash)`.
import { allCommands, type CommandSpec, type CompletionModel, type FlagSpec, pathWord } from './model.js';
import { functionName, words } from './shell-words.js';

function valueCases(flags: readonly FlagSpec[]): string[] {
  const lines: string[] = [];
  const freeText: string[] = [];
  for (const flag of flags) {
    if (flag.value === undefined) continue;
    const pattern = words(flag.names).replace(/ /g, '|');
    if (flag.choices) {
      lines.push(`        ${pattern}) COMPREPLY=($(compgen -W "${words(flag.choices)}" -- "$cur")); return 0 ;;`);
    } else if (flag.file) {
      lines.push(
        `        ${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`,
      );
    } else {
      freeText.push(pattern);
    }
  }
  // A title, a message, an ID: nothing sensible to offer, and flags would be wrong.
  if (freeText.length > 0) lines.push(`        ${freeText.join('|')}) return 0 ;;`);
  return lines;
}

/** In the walk over the words typed so far: a subcommand's name (or alias) moves down to it. */
function descendCase(group: CommandSpec): string[] {
  return [
    `      ${pathWord(group)})`,
    '        case "$word" in',
    ...group.commands.map((c) => `          ${words([c.name, ...c.aliases]).replace(/ /g, '|')}) at=${pathWord(c)} ;;`),
    // A group only dispatches: a word that names none of its commands leaves nothing to complete.
    '          *) return 0 ;;',
    '        esac',
    '        ;;',
  ];
}

function groupCase(group: CommandSpec): string[] {
  return [
    `    ${pathWord(group)})`,
    `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words(group.flags.flatMap((f) => f.names))}" -- "$cur"))`,
    `      else COMPREPLY=($(compgen -W "${words(group.commands.map((c) => c.name))}" -- "$cur")); fi`,
    '      ;;',
  ];
}

function commandCase(command: CommandSpec): string[] {
  const flagWords = words(command.flags.flatMap((f) => f.names));
  const lines = [`    ${pathWord(command)})`];
  const cases = valueCases(command.flags);
  if (cases.length > 0) lines.push('      case "$prev" in', ...cases, '      esac');
  if (command.argChoices) {
    lines.push(
      `      if [[ $cur != -* ]]; then COMPREPLY=($(compgen -W "${words(command.argChoices)}" -- "$cur")); return 0; fi`,
    );
  }
  lines.push(`      COMPREPLY=($(compgen -W "${flagWords}" -- "$cur"))`, '      ;;');
  return lines;
}

export function bashScript(model: CompletionModel): string {
  const fn = functionName(model.program);
  const commands = allCommands(model.root);
  const groups = commands.filter((c) => c.commands.length > 0);
  return [
    `# bash completion for ${model.program}. Load it with:`,
    `#   source <(${model.program} completion bash)`,
    `# or save it as /etc/bash_completion.d/${model.program} (or ~/.local/share/bash-completion/completions/${model.program}).`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" at=/ word i',
    '  (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # bash splits --flag=value at "=" (COMP_WORDBREAKS): complete the value of the flag before it.',
    '  if [[ $cur == "=" ]]; then',
    '    cur=""',
    '  elif [[ $prev == "=" ]] && (( COMP_CWORD > 1 )); then',
    '    prev="${COMP_WORDS[COMP_CWORD-2]}"',
    '  fi',
    '  # Which command the words so far name, as a path: / (none yet), /auth, /auth/login, …',
    '  for (( i = 1; i < COMP_CWORD; i++ )); do',
    '    word="${COMP_WORDS[i]}"',
    '    [[ $word == -* ]] && continue',
    '    case "$at" in',
    ...groups.flatMap(descendCase),
    '      *) break ;;  # a command that runs: the rest are its arguments and flags',
    '    esac',
    '  done',
    '  case "$at" in',
    ...commands.flatMap((c) => (c.commands.length > 0 ? groupCase(c) : commandCase(c))),
    '  esac',
    '  return 0',
    '}',
    `complete -F ${fn} ${model.program}`,
    '',
  ].join('\n');
}
