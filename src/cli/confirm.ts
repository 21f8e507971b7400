// A yes/no question for a person at a terminal, before a change that cannot be undone or a
// broadcast: asked on stderr, answered with one line on stdin. Only y or yes means yes; Enter,
// anything else, or the end of input means no. Scripts cannot be asked, so commands take --yes
// instead. Whether anyone can be asked is Io.interactive's rule, the one every prompt follows.
import { StringDecoder } from 'node:string_decoder';
import type { InputStream, Io } from '../output/io.js';

/** A question needs a person (see Io.interactive); `noInput`: --no-input was given. */
export function canAsk(io: Io, noInput = false): boolean {
  return io.interactive(noInput);
}

/** Why nobody can be asked, for the error that says what to give instead. */
export function whyNotAsked(io: Io, noInput = false): string {
  if (noInput) return '--no-input says not to ask';
  if (io.stdinIsTTY && io.stderrIsTTY) return 'prompts are off (CI or STATUSPAGE_NO_INPUT is set)';
  return 'there is no terminal to ask on';
}

/** `question` ends with its own prompt (`? [y/N] `); the answer is typed after it. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  io.prompt(question);
  const answer = await readLine(io.stdin);
  // Ctrl-D leaves the cursor after the question: end its line.
  if (answer === undefined) io.prompt('\n');
  return /^\s*y(es)?\s*$/i.test(answer ?? '');
}

/** One line (without its newline), or undefined when the input ends before one is typed. */
export function readLine(input: InputStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const decoder = new StringDecoder('utf8');
    let text = '';
    const finish = (line: string | undefined) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      // Paused, the terminal no longer holds the process open once the command is done.
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      text += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const newline = text.indexOf('\n');
      if (newline !== -1) finish(text.slice(0, newline).replace(/\r$/, ''));
    };
    const onEnd = () => finish(text === '' ? undefined : text);
    // Input that has ended already (read to its end at an earlier prompt) will not say so again.
    if ((input as { readableEnded?: boolean }).readableEnded) return onEnd();
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
    input.resume();
  });
}
