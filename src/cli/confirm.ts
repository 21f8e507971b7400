// A yes/no question for a person at a terminal, before a change that cannot be undone: asked on
// stderr, answered with one line on stdin. Only y or yes means yes; Enter, anything else, or the
// end of input means no. Scripts cannot be asked, so commands take --yes instead.
import { StringDecoder } from 'node:string_decoder';
import type { InputStream, Io } from '../output/io.js';

/** A question needs a person: stdin to answer on and stderr to be asked on, both terminals. */
export function canAsk(io: Io): boolean {
  return io.stdinIsTTY && io.stderrIsTTY;
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
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
    input.resume();
  });
}
