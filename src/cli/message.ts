// The incident message from --message, `--message -` (stdin) or --message-file, kept byte for
// byte: bytes that are not UTF-8 are refused rather than turned into U+FFFD and sent to
// thousands of subscribers, and only a leading byte-order mark is dropped.
import { readFile } from 'node:fs/promises';
import { characters, INCIDENT_BODY_MAX } from '../api/constants.js';
import { fileProblem, UsageError } from '../errors.js';
import type { Io } from '../output/io.js';

export interface MessageOptions {
  message?: string | undefined;
  messageFile?: string | undefined;
  token?: string | undefined;
  /** --timeout, seconds: bounds the wait for standard input too. */
  timeout: number;
}

/** `max`: the most characters the text may have (an update's 25 000 unless the command says otherwise). */
export async function resolveMessage(
  io: Io,
  options: MessageOptions,
  { max = INCIDENT_BODY_MAX }: { max?: number } = {},
): Promise<string | undefined> {
  let text: string | undefined;
  let source = '--message';
  if (options.message === '-') {
    if (options.token === '-') throw new UsageError('--message - and --token - cannot both read standard input');
    source = '--message -';
    // A person at a terminal would otherwise face a silent wait.
    if (io.stdinIsTTY) io.err('Type the message, then Ctrl-D on a line of its own:');
    const bytes = await io.readStdin(
      io.remainingMs(options.timeout),
      () =>
        new UsageError(
          `--message -: standard input did not end within --timeout (${options.timeout} s); close the pipe, or use --message-file`,
        ),
    );
    text = decodeUtf8(bytes, source);
  } else if (options.messageFile !== undefined) {
    source = `--message-file '${options.messageFile}'`;
    let bytes: Buffer;
    try {
      bytes = await readFile(io.path(options.messageFile));
    } catch (error) {
      throw new UsageError(`${source}: cannot read the file (${fileProblem(error)})`);
    }
    text = decodeUtf8(bytes, source);
  } else {
    text = options.message;
  }
  // An empty update still notifies every subscriber: almost surely a failed pipe or an empty file.
  if (text !== undefined && text.trim() === '') {
    throw new UsageError(`${source}: the message is empty; give some text, or leave the message out`);
  }
  const length = text === undefined ? 0 : characters(text);
  if (length > max) {
    throw new UsageError(`${source}: ${length} characters is more than the ${max} the API allows`);
  }
  return text;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Strict UTF-8: the first byte that is not part of a valid sequence is named, with its offset. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw new UsageError(`${source} is UTF-16 (it starts with the byte-order mark FF FE), not UTF-8; save it as UTF-8`);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new UsageError(`${source} is UTF-16 (it starts with the byte-order mark FE FF), not UTF-8; save it as UTF-8`);
  }
  const start = Buffer.from(bytes.subarray(0, 3)).equals(BOM) ? 3 : 0;
  const offset = firstInvalidByte(bytes, start);
  if (offset !== undefined) {
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new UsageError(`${source} is not valid UTF-8 (byte 0x${byte} at offset ${offset}); save it as UTF-8`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString('utf8');
}

/** Where the first invalid UTF-8 sequence starts (overlong forms and surrogates count), if any. */
function firstInvalidByte(bytes: Uint8Array, from: number): number | undefined {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [length, min] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80]
        : lead >= 0xe0 && lead <= 0xef
          ? [3, 0x800]
          : lead >= 0xf0 && lead <= 0xf4
            ? [4, 0x10000]
            : [0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return undefined;
}
