// Reads one line from a terminal without echoing it (for secrets), with the prompt library's
// password prompt (@clack/prompts, loaded at the first use): it puts the terminal in raw mode, so
// nothing typed or pasted is shown; Enter ends, Backspace edits, Ctrl-C (or Escape) cancels, and
// so does the end of input. The question is the caller's own line, asked once echo is off; the
// library draws nothing (no frame, no mask), so the screen shows the question alone.
import { type Readable, Writable } from 'node:stream';
import type { InputStream } from '../output/io.js';

export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/** `ask` shows the question once echo is off, so nothing typed after it can be echoed. */
export async function readHiddenLine(input: InputStream, ask: () => void): Promise<string> {
  const { isCancel, password } = await import('@clack/prompts');
  const ended = new AbortController();
  const onEnd = () => ended.abort();
  input.once('end', onEnd);
  try {
    // password() sets raw mode before it returns; the question comes after.
    const answer = password({
      message: '',
      mask: '',
      input: input as Readable,
      output: nowhere(),
      signal: ended.signal,
      withGuide: false,
    });
    ask();
    const typed = await answer;
    if (isCancel(typed)) throw new PromptCancelled('cancelled');
    return typed ?? '';
  } finally {
    input.off('end', onEnd);
  }
}

/** Where the library's drawing goes: the question is the caller's, and a secret shows nothing. */
function nowhere(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
}
