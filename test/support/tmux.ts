// A real terminal for the CLI: the built command (bin/statuspage.js) in a detached tmux session
// on a server of its own (a private socket in a temporary directory, so a developer's tmux is
// never touched), keys sent as a person types them, the screen read with capture-pane, and the
// exit code read once the CLI has exited (the pane stays, so its last screen can still be read).
// A shell around the CLI writes its exit code to a file: tmux 3.3 leaves #{pane_dead_status}
// empty for a command it runs directly.
// scripts/with-tmux.sh installs tmux where it can; `tmuxUnavailable` says why a test skips.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { BIN_PATH, cleanEnv, REPO_ROOT } from './run-cli.js';

const run = promisify(execFile);

/** Why the tmux tests skip, or undefined when tmux runs here. */
export const tmuxUnavailable: string | undefined =
  process.env.STATUSPAGE_TEST_TMUX_SKIP ??
  (process.platform === 'win32'
    ? 'no tmux on Windows'
    : spawnSync('tmux', ['-V']).status === 0
      ? undefined
      : 'tmux is not installed (scripts/with-tmux.sh installs it; npm test runs these tests through it)');

const POLL_MS = 25;
const DEFAULT_WAIT_MS = 10_000;

export interface TmuxOptions {
  /** Applied to a clean environment (run-cli.ts's cleanEnv); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  columns?: number;
  rows?: number;
}

export class TmuxCli {
  private constructor(
    private readonly dir: string,
    private readonly socket: string,
    private readonly exitFile: string,
  ) {}

  /** Starts `statuspage ARGS…` on a fresh terminal of `columns` × `rows` (default 100 × 40). */
  static async start(args: readonly string[], options: TmuxOptions = {}): Promise<TmuxCli> {
    const dir = mkdtempSync(join(tmpdir(), 'statuspage-tmux-'));
    const config = join(dir, 'tmux.conf');
    // remain-on-exit: the pane outlives the CLI, for its exit code and last screen.
    writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 10000\n');
    const cli = new TmuxCli(dir, join(dir, 'socket'), join(dir, 'exit-code'));
    const { columns = 100, rows = 40 } = options;
    // The server takes this environment, and the session's command inherits it.
    const env = cleanEnv({ TERM: 'xterm-256color', ...options.env });
    await run(
      'tmux',
      [
        ...[
          '-S',
          cli.socket,
          '-f',
          config,
          'new-session',
          '-d',
          '-s',
          'cli',
          '-x',
          String(columns),
          '-y',
          String(rows),
        ],
        ...['-c', REPO_ROOT, '--', '/bin/sh', '-c', '"$@"; echo $? > "$0"', cli.exitFile],
        ...[process.execPath, BIN_PATH, ...args],
      ],
      { env },
    );
    return cli;
  }

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run('tmux', ['-S', this.socket, ...args]);
  }

  /** Types `text` as it is (no key names). */
  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'cli', '-l', text);
  }

  /** Presses keys by tmux's names: Enter, Down, Tab, C-c, Escape. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.tmux('send-keys', '-t', 'cli', key);
  }

  /** What the terminal shows, its scrollback included, wrapped lines joined. */
  async screen(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'cli')).stdout;
  }

  /** Waits until the screen shows `pattern`, and returns the screen. */
  async waitFor(pattern: RegExp | string, { timeoutMs = DEFAULT_WAIT_MS } = {}): Promise<string> {
    const matches = (screen: string) => (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(pattern)}; it shows:\n${screen}`);
      await sleep(POLL_MS);
    }
  }

  /** The CLI's exit code, once it has exited. */
  async exitCode({ timeoutMs = DEFAULT_WAIT_MS } = {}): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const written = existsSync(this.exitFile) ? readFileSync(this.exitFile, 'utf8').trim() : '';
      if (written !== '') return Number(written);
      if (Date.now() > deadline) throw new Error(`the CLI did not exit; the terminal shows:\n${await this.screen()}`);
      await sleep(POLL_MS);
    }
  }

  /** Stops this terminal's tmux server (and the CLI, if it still runs) and removes its files. */
  async close(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs `body` with a CLI on a terminal of its own, always closed after. */
/**
 * The last look before a broadcast, answered y: it must show each of `lines` (whole lines), nothing
 * may have been sent while it waits (`sent()` lists the writes so far), and the CLI must then exit 0.
 */
export async function sendAfterLastLook(cli: TmuxCli, lines: readonly string[], sent: () => unknown[]): Promise<void> {
  const preview = await cli.waitFor('Send? [y/N]');
  for (const line of lines) {
    assert.ok(preview.includes(`${line}\n`), `the last look lacks ${JSON.stringify(line)}:\n${preview}`);
  }
  assert.deepEqual(sent(), [], 'nothing is sent before the answer');
  await cli.type('y');
  await cli.press('Enter');
  assert.equal(await cli.exitCode(), 0, await cli.screen());
}

export async function withTmux(
  args: readonly string[],
  options: TmuxOptions,
  body: (cli: TmuxCli) => Promise<void>,
): Promise<void> {
  const cli = await TmuxCli.start(args, options);
  try {
    await body(cli);
  } finally {
    await cli.close();
  }
}
