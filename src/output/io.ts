// The only place that writes to the terminal. Data goes to stdout, messages to stderr,
// and both pass through redaction so a secret registered here can never be printed.
const secrets = new Set<string>();

export function registerSecret(secret: string): void {
  if (secret.length > 0) secrets.add(secret);
}

export function redact(text: string): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('***');
  return result;
}

function write(stream: NodeJS.WriteStream, text: string): void {
  stream.write(redact(text.endsWith('\n') ? text : `${text}\n`));
}

/** Data: what a script captures. */
export function printData(text: string): void {
  write(process.stdout, text);
}

/** Messages: errors, warnings, hints, progress. */
export function printMessage(text: string): void {
  write(process.stderr, text);
}

/** A question on stderr, with no newline: the answer is typed after it. */
export function printPrompt(text: string): void {
  process.stderr.write(redact(text));
}
