// Runs the built CLI on a pseudo-terminal, for what only a person at a terminal sees (tables,
// colour, hints). Uses `script` from util-linux; `ttyUnavailable` says why when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import { BIN_PATH, cleanEnv, DEFAULT_TIMEOUT_MS, REPO_ROOT } from './run-cli.js';

const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
/** Why TTY tests are skipped, or undefined when `script` works. */
export const ttyUnavailable: string | undefined =
  probe.status === 0 && /util-linux/.test(probe.stdout)
    ? undefined
    : '`script` from util-linux is not installed: TTY tests skipped';

export interface TtyResult {
  code: number | null;
  /** stdout and stderr as the terminal showed them, with CRLF turned back into LF. */
  output: string;
}

const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

export async function runCliInTty(args: string[], env: Record<string, string | undefined> = {}): Promise<TtyResult> {
  const command = [process.execPath, BIN_PATH, ...args].map(shellQuote).join(' ');
  // -q: no banner; -e: the CLI's exit code; -f: flush as written. stdin stays a closed pipe.
  const child = spawn('script', ['-qefc', command, '/dev/null'], {
    cwd: REPO_ROOT,
    env: cleanEnv({ TERM: 'xterm-256color', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), DEFAULT_TIMEOUT_MS);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (c: number | null) => resolve(c));
    });
    return { code, output: Buffer.concat(chunks).toString('utf8').replace(/\r\n/g, '\n') };
  } finally {
    clearTimeout(timer);
  }
}
