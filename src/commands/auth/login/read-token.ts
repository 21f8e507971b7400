// The token to store: typed at a hidden prompt on a terminal, else the first line of stdin
// (so `pass show statuspage | statuspage auth login` works: pass puts the secret on line one).
import { UsageError } from '../../../errors.js';
import type { Io } from '../../../output/io.js';
import { PromptCancelled, readHiddenLine } from '../../../utils/hidden-prompt.js';

export async function readTokenToStore(io: Io): Promise<string> {
  const text = io.stdinIsTTY ? await promptForToken(io) : (await io.readStdin()).toString('utf8');
  const token =
    text
      .split(/\r?\n/)
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (token === '') {
    throw new UsageError(
      'auth login: no token given; pipe it to standard input (e.g. `pass show statuspage | statuspage auth login`) or run it in a terminal to be prompted',
    );
  }
  if (/\s/.test(token)) {
    throw new UsageError('auth login: the token given contains whitespace; give the token alone, on one line');
  }
  return token;
}

async function promptForToken(io: Io): Promise<string> {
  try {
    return await readHiddenLine(io.stdin, () => io.prompt('Paste your Statuspage API token (input is hidden): '));
  } catch (error) {
    if (error instanceof PromptCancelled) throw new UsageError('auth login: cancelled; nothing was stored');
    throw error;
  } finally {
    io.prompt('\n');
  }
}
