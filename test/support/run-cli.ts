// Runs the CLI with a clean environment: in this process (runCli), or as the real command
// (bin/statuspage.js) in a child process (runCliProcess, startCli).
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryIo } from './memory-io.js';

// Compiled to build/test/support/run-cli.js: the repo root is three levels up.
export const REPO_ROOT: string = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');
export const BIN_PATH: string = fileURLToPath(new URL('../../../bin/statuspage.js', import.meta.url));

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface RunCliOptions {
  /** Applied after cleaning; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed; without it stdin is empty (closed at once). */
  input?: string | Buffer;
  /** Child processes only: leave stdin open (a pipe nobody writes to or closes). */
  stdinOpen?: boolean;
  /** In-process runs only: which streams the CLI is told are terminals (none by default). */
  tty?: { stdin?: boolean; stdout?: boolean; stderr?: boolean };
  /** Kill the CLI (SIGKILL) after this long; default 20 s. */
  timeoutMs?: number;
  /** Working directory; default the repo root. */
  cwd?: string;
}

export interface RunCliResult {
  /** Exit code; null when killed by a signal (e.g. on timeout). */
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

const PROXY_VARS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']);
const COLOR_VARS = new Set(['NO_COLOR', 'FORCE_COLOR']);

/**
 * process.env without anything that would change how the CLI behaves under test:
 * every STATUSPAGE_* variable (STATUSPAGE_CONFIG_DIR is set to an empty directory),
 * NO_COLOR/FORCE_COLOR, TZ, CI, proxy variables in any case, NODE_TEST_CONTEXT (set by
 * `node --test` for its own children) and NODE_EXTRA_CA_CERTS: the tests that need a CA set
 * their own, and a machine-wide bundle costs every child Node ~85 ms to load on a CI machine.
 */
/** An empty config directory: the developer's own profiles never reach a test. */
const NO_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'statuspage-test-config-'));
process.on('exit', () => rmSync(NO_CONFIG_DIR, { recursive: true, force: true }));

export function cleanEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { STATUSPAGE_CONFIG_DIR: NO_CONFIG_DIR };
  for (const [key, value] of Object.entries(process.env)) {
    const upper = key.toUpperCase();
    if (upper.startsWith('STATUSPAGE_') || COLOR_VARS.has(upper) || PROXY_VARS.has(upper)) continue;
    if (upper === 'TZ' || upper === 'CI') continue;
    if (upper === 'NODE_TEST_CONTEXT' || upper === 'NODE_EXTRA_CA_CERTS') continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the CLI has exited and its output is complete. */
  done: Promise<RunCliResult>;
  /** What the CLI has written to stderr so far. */
  stderrSoFar(): string;
}

/** Starts the CLI and returns at once, for tests that act on it while it runs (signals, say). */
export function startCli(args: string[], options: RunCliOptions = {}): RunningCli {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();
  const child = spawn(process.execPath, [BIN_PATH, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  // The CLI may exit without reading stdin: ignore EPIPE and friends.
  child.stdin.on('error', () => {});
  if (options.stdinOpen) child.stdin.write(options.input ?? '');
  else child.stdin.end(options.input ?? '');

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);

  const done = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c: number | null, s: NodeJS.Signals | null) => resolve([c, s]));
  })
    .then(([code, signal]) => ({
      code,
      signal,
      timedOut,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
      durationMs: Math.round(performance.now() - started),
    }))
    .finally(() => clearTimeout(timer));
  return { child, done, stderrSoFar: () => Buffer.concat(stderr).toString('utf8') };
}

/** Runs the built CLI in a child process: for what the process boundary is part of. */
export function runCliProcess(args: string[], options: RunCliOptions = {}): Promise<RunCliResult> {
  return startCli(args, options).done;
}

/**
 * Runs the CLI in this process (src/cli/run.ts with an Io over memory streams): the same code as
 * the bin, milliseconds instead of a Node start. The environment is cleaned as for a child.
 */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<RunCliResult> {
  const { runCli: run } = await import('../../src/cli/run.js');
  const memory = memoryIo({
    env: cleanEnv(options.env),
    ...(options.input !== undefined ? { input: options.input } : {}),
    cwd: options.cwd ?? REPO_ROOT,
    self: [process.execPath, BIN_PATH],
    stdinIsTTY: options.tty?.stdin ?? false,
    stdoutIsTTY: options.tty?.stdout ?? false,
    stderrIsTTY: options.tty?.stderr ?? false,
  });
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), timeoutMs);
  });
  try {
    const code = await Promise.race([run(args, memory.io), timedOut]);
    return {
      code: code === 'timed out' ? null : code,
      signal: null,
      timedOut: code === 'timed out',
      stdout: memory.stdout(),
      stderr: memory.stderr(),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}
