// Text written in the user's editor, as `git commit` and `gh issue create` get it: $VISUAL, else
// $EDITOR, else vi (notepad on Windows), run through the shell as git runs it (so
// `EDITOR="code --wait"` works) on a temporary file that starts with `initial`. The editor gets the
// terminal; when stdout is a pipe (`ID=$(statuspage …)`), it draws on stderr instead, which is
// the terminal the person sees. With `comments`, the file ends with them as `#` lines, as
// `git commit` writes its help, and every line starting with `#` is left out of the text.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Io } from '../output/io.js';
import { decodeUtf8 } from './message.js';

export function editorCommand(io: Io): string {
  const chosen = io.env.VISUAL?.trim() || io.env.EDITOR?.trim();
  return chosen || (io.platform === 'win32' ? 'notepad' : 'vi');
}

/** The editor as a person calls it: `vim` for `/usr/bin/vim`, `code` for `code --wait`. */
export function editorName(io: Io): string {
  return basename(editorCommand(io).split(/\s+/)[0] ?? '');
}

export class EditorFailed extends Error {
  override name = 'EditorFailed';
}

export interface EditOptions {
  /** The file's name ends so (an editor picks its highlighting by it). */
  extension?: string;
  /** Lines of help after the text, each written as `# line`; then every `#` line is left out. */
  comments?: readonly string[];
}

/**
 * What the file holds once the editor exits, trailing blank lines and spaces dropped (with
 * `comments`, leading blank lines and `#` lines too); bytes that are not UTF-8 are refused, as
 * --message-file refuses them.
 */
export async function editText(
  io: Io,
  initial = '',
  { extension = '.md', comments }: EditOptions = {},
): Promise<string> {
  const editor = editorCommand(io);
  const dir = await mkdtemp(join(tmpdir(), 'statuspage-'));
  const file = join(dir, `MESSAGE${extension}`);
  try {
    await writeFile(file, comments ? withComments(initial, comments) : initial, { mode: 0o600 });
    const stdio: [number, number, number] = [0, io.stdoutIsTTY ? 1 : 2, 2];
    const child =
      io.platform === 'win32'
        ? spawn(`${editor} "${file}"`, { shell: true, stdio, env: io.env })
        : spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, file], { stdio, env: io.env });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (status) => resolve(status));
    }).catch((error: unknown) => {
      throw new EditorFailed(`cannot run the editor '${editor}': ${(error as Error).message}`);
    });
    if (code !== 0) throw new EditorFailed(`the editor '${editor}' exited with status ${code ?? 'unknown'}`);
    const text = decodeUtf8(await readFile(file), `the text written in '${editor}'`);
    return (comments ? withoutComments(text).replace(/^(?:[ \t]*\r?\n)+/, '') : text).replace(/\s+$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `initial`, a blank line to write on, then each comment as a `#` line (one line each, whatever it holds). */
export function withComments(initial: string, comments: readonly string[]): string {
  const lines = comments.flatMap((comment) => comment.split(/\r\n|[\n\r\u2028\u2029]/));
  const text = initial === '' || initial.endsWith('\n') ? initial : `${initial}\n`;
  return `${text}\n${lines.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n`;
}

/** Every line that starts with `#` dropped, the others kept byte for byte (their line ends too). */
export function withoutComments(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((line) => !line.startsWith('#'))
    .join('');
}
