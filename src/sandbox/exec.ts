// `statuspage sandbox exec -- COMMAND`: a runbook rehearsed unchanged. The command runs with the
// sandbox's URL, token and page in its environment, and `statuspage` on its PATH (this very CLI),
// and with no profile or config file of the user's that could point it at a real page.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ExitStatus, UsageError } from '../errors.js';
import type { Io } from '../output/io.js';
import type { Sandbox } from './sandbox.js';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A directory with a `statuspage` that runs this CLI, to put first on PATH. */
function shimDirectory(io: Io): string {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-sandbox-bin-'));
  const self = io.self ?? [];
  if (io.platform === 'win32') {
    writeFileSync(join(dir, 'statuspage.cmd'), `@${self.map((a) => `"${a}"`).join(' ')} %*\r\n`);
  } else {
    writeFileSync(join(dir, 'statuspage'), `#!/bin/sh\nexec ${self.map(quote).join(' ')} "$@"\n`);
    chmodSync(join(dir, 'statuspage'), 0o755);
  }
  return dir;
}

/** Runs `command` against the sandbox; resolves with its exit code (128 + the signal's number if killed). */
export async function runAgainst(io: Io, sandbox: Sandbox, command: readonly string[]): Promise<number> {
  const [program, ...args] = command;
  if (program === undefined)
    throw new UsageError('sandbox exec: give a command after --, e.g. sandbox exec -- sh runbook.sh');
  const bin = shimDirectory(io);
  const configDir = mkdtempSync(join(tmpdir(), 'statuspage-sandbox-config-'));
  const pathKey = Object.keys(io.env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const env: Record<string, string | undefined> = {
    ...io.env,
    STATUSPAGE_API_URL: sandbox.server.url,
    STATUSPAGE_TOKEN: sandbox.token,
    STATUSPAGE_PAGE_ID: sandbox.model.pageId,
    STATUSPAGE_CONFIG_DIR: configDir,
    [pathKey]: `${bin}${delimiter}${io.env[pathKey] ?? ''}`,
  };
  delete env.STATUSPAGE_PROFILE;
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(program, args, {
        cwd: io.cwd,
        env,
        stdio: io.inheritStdio ? 'inherit' : ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      child.stdout?.on('data', (chunk: Buffer) => io.write('stdout', chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => io.write('stderr', chunk.toString('utf8')));
      child.once('error', (error: NodeJS.ErrnoException) =>
        // 127, as a shell says a command was not found.
        reject(new ExitStatus(127, `error: sandbox exec: cannot run '${program}' (${error.code ?? error.message})`)),
      );
      child.once('close', (code, signal) => {
        const number = signal ? (constants.signals as Record<string, number>)[signal] : undefined;
        resolve(code ?? (number === undefined ? 1 : 128 + number));
      });
    });
  } finally {
    rmSync(bin, { recursive: true, force: true });
    rmSync(configDir, { recursive: true, force: true });
  }
}
