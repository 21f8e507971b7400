// Command names, flags and values are written into the scripts unquoted (compgen word lists,
// case patterns); anything else would be a bug in the command tree, so it is refused here.
const SAFE_WORD = /^[A-Za-z0-9_.+-]+$/;

export function safeWord(word: string): string {
  if (!SAFE_WORD.test(word)) throw new Error(`completion: '${word}' cannot be written into a shell script unquoted`);
  return word;
}

export function words(list: readonly string[]): string {
  return list.map(safeWord).join(' ');
}

/** A POSIX single-quoted string (bash and zsh). */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function functionName(program: string): string {
  return `_${program.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
