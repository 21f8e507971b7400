// `{{name}}` (or `{{ name }}`) in a template's title and message, filled from --var. Pure.

const PLACEHOLDER = /\{\{[ \t]*([A-Za-z0-9_-]+)[ \t]*\}\}/g;
/** Anything in double braces: what is left of it after the placeholders is a typo, not text to send. */
const BRACED = /\{\{[^{}\n]*\}\}/g;

/** The names a text's placeholders use, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Double-braced text that is not a placeholder (`{{Region Name}}`, `{{ region.id }}`). */
export function malformedPlaceholders(text: string): string[] {
  return [...text.replace(PLACEHOLDER, '').matchAll(BRACED)].map((m) => m[0]);
}

/** Each placeholder replaced by its value, in one pass: a value is never read for placeholders itself. */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
}
