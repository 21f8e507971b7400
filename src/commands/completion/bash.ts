// The bash completion script: `source <(statuspage completion bash)`.
import type { CommandSpec, CompletionModel, FlagSpec } from './model.js';
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
      lines.push(`        ${pattern}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`);
    } else {
      freeText.push(pattern);
    }
  }
  // A title, a message, an ID: nothing sensible to offer, and flags would be wrong.
  if (freeText.length > 0) lines.push(`        ${freeText.join('|')}) return 0 ;;`);
  return lines;
}

function commandCase(command: CommandSpec): string[] {
  const pattern = words([command.name, ...command.aliases]).replace(/ /g, '|');
  const flagWords = words(command.flags.flatMap((f) => f.names));
  const lines = [`    ${pattern})`];
  const cases = valueCases(command.flags);
  if (cases.length > 0) lines.push('      case "$prev" in', ...cases, '      esac');
  if (command.argChoices) {
    lines.push(`      if [[ $cur != -* ]]; then COMPREPLY=($(compgen -W "${words(command.argChoices)}" -- "$cur")); return 0; fi`);
  }
  lines.push(`      COMPREPLY=($(compgen -W "${flagWords}" -- "$cur"))`, '      ;;');
  return lines;
}

export function bashScript(model: CompletionModel): string {
  const fn = functionName(model.program);
  const topWords = words([...model.commands.map((c) => c.name), ...model.flags.flatMap((f) => f.names)]);
  return [
    `# bash completion for ${model.program}. Load it with:`,
    `#   source <(${model.program} completion bash)`,
    `# or save it as /etc/bash_completion.d/${model.program} (or ~/.local/share/bash-completion/completions/${model.program}).`,
    `${fn}() {`,
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" i',
    '  (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # bash splits --flag=value at "=" (COMP_WORDBREAKS): complete the value of the flag before it.',
    '  if [[ $cur == "=" ]]; then',
    '    cur=""',
    '  elif [[ $prev == "=" ]] && (( COMP_CWORD > 1 )); then',
    '    prev="${COMP_WORDS[COMP_CWORD-2]}"',
    '  fi',
    '  for (( i = 1; i < COMP_CWORD; i++ )); do',
    '    case "${COMP_WORDS[i]}" in',
    '      -*) ;;',
    '      *) cmd="${COMP_WORDS[i]}"; break ;;',
    '    esac',
    '  done',
    '  case "$cmd" in',
    '    "")',
    `      COMPREPLY=($(compgen -W "${topWords}" -- "$cur"))`,
    '      ;;',
    ...model.commands.flatMap(commandCase),
    '  esac',
    '  return 0',
    '}',
    `complete -F ${fn} ${model.program}`,
    '',
  ].join('\n');
}
