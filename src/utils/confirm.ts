// A yes/no question for a person at a terminal, answered with a line: only y or yes is yes.
import { UsageError } from '../errors.js';
import type { Io } from '../output/io.js';

/** Asks on stderr and reads one line from stdin, within what is left of --timeout (`timeoutSeconds`). */
export async function confirm(io: Io, question: string, timeoutSeconds: number): Promise<boolean> {
  io.prompt(`${question} [y/N] `);
  const answer = await readLine(io, io.remainingMs(timeoutSeconds), () => {
    io.prompt('\n');
    return new UsageError(`no answer within --timeout (${timeoutSeconds} s); nothing sent`);
  });
  return /^\s*y(es)?\s*$/i.test(answer);
}

function readLine(io: Io, timeoutMs: number, onTimeout: () => Error): Promise<string> {
  const input = io.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error?: Error) => {
      clearTimeout(timer);
      input.off('data', onData);
      input.off('end', onEnd);
      input.pause();
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer | string) => {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline !== -1) {
        text = text.slice(0, newline);
        finish();
      }
    };
    // Ctrl-D: no answer, which is no.
    const onEnd = () => finish();
    const timer = setTimeout(() => finish(onTimeout()), Math.max(0, timeoutMs));
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
