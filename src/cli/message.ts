// The incident message from --message, `--message -` (stdin) or --message-file, kept byte for byte.
import { readFile } from 'node:fs/promises';
import { INCIDENT_BODY_MAX } from '../api/constants.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output/io.js';

export interface MessageOptions {
  message?: string | undefined;
  messageFile?: string | undefined;
  token?: string | undefined;
}

export async function resolveMessage(io: Io, options: MessageOptions): Promise<string | undefined> {
  let text: string | undefined;
  let source = '--message';
  if (options.message === '-') {
    if (options.token === '-') throw new UsageError('--message - and --token - cannot both read standard input');
    // A person at a terminal would otherwise face a silent wait.
    if (io.stdinIsTTY) io.err('Type the message, then Ctrl-D on a line of its own:');
    text = (await io.readStdin()).toString('utf8');
    source = '--message -';
  } else if (options.messageFile !== undefined) {
    source = `--message-file '${options.messageFile}'`;
    try {
      text = await readFile(io.path(options.messageFile), 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unreadable';
      throw new UsageError(`${source}: cannot read the file (${code})`);
    }
  } else {
    text = options.message;
  }
  // An empty update still notifies every subscriber: almost surely a failed pipe or an empty file.
  if (text !== undefined && text.trim() === '') {
    throw new UsageError(`${source}: the message is empty; give some text, or leave the message out`);
  }
  if (text !== undefined && text.length > INCIDENT_BODY_MAX) {
    throw new UsageError(`${source}: ${text.length} characters is more than the ${INCIDENT_BODY_MAX} the API allows`);
  }
  return text;
}
