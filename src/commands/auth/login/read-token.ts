// The token to store: typed at a hidden prompt on a terminal, else the first line of stdin
// (so `pass show statuspage | statuspage auth login` works: pass puts the secret on line one).
import { UsageError } from '../../../errors.js';
import { printPrompt } from '../../../output/io.js';
import { PromptCancelled, readHiddenLine } from '../../../utils/hidden-prompt.js';
import { readStdin } from '../../../utils/stdin.js';

export async function readTokenToStore(): Promise<string> {
  const text = process.stdin.isTTY ? await promptForToken() : await readStdin();
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

async function promptForToken(): Promise<string> {
  try {
    return await readHiddenLine(() => printPrompt('Paste your Statuspage API token (input is hidden): '));
  } catch (error) {
    if (error instanceof PromptCancelled) throw new UsageError('auth login: cancelled; nothing was stored');
    throw error;
  } finally {
    printPrompt('\n');
  }
}
