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

export function normalizeArgv(args: readonly string[]): string[] {
  const out: string[] = [];
  let afterDoubleDash = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (afterDoubleDash || (i > 0 && FREE_TEXT_FLAGS.has(args[i - 1] as string))) {
      out.push(arg);
      continue;
    }
    if (arg === '--') afterDoubleDash = true;
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const long = TWO_LETTER_FLAGS[flag];
    out.push(long === undefined ? arg : long + (eq === -1 ? '' : arg.slice(eq)));
  }
  return out;
}
