// Reads one line from a terminal without echoing it (for secrets): raw mode, so nothing the user
// types or pastes is shown; Enter ends, Backspace edits, Ctrl-C or Ctrl-D on an empty line cancels.
import type { InputStream } from '../output/io.js';

// Arrow and function keys arrive as escape sequences; they are not part of a secret.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC (\u001b) is exactly what this pattern must match
const ESCAPE_SEQUENCE = /\u001b(\[[0-9;?]*[ -/]*[@-~]|O.)?/g;

export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/** `ask` shows the question once echo is off, so nothing typed after it can be echoed. */
export function readHiddenLine(input: InputStream, ask: () => void): Promise<string> {
  const setRawMode = (on: boolean) => input.setRawMode?.(on);
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: Error) => {
      input.off('data', onData);
      setRawMode(false);
      input.pause();
      if (error) reject(error);
      else resolve(chars.join(''));
    };
    const onData = (chunk: Buffer | string) => {
      const text = (typeof chunk === 'string' ? chunk : chunk.toString('utf8')).replace(ESCAPE_SEQUENCE, '');
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || (ch === '\u0004' && chars.length === 0)) return finish(new PromptCancelled('cancelled'));
        if (ch === '\u0004') return finish();
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch === '\u0015')
          chars = []; // Ctrl-U: start over
        else if (ch >= ' ') chars.push(ch);
      }
    };
    setRawMode(true);
    ask();
    input.on('data', onData);
    input.resume();
  });
}
