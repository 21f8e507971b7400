// Where a sandbox keeps its page between runs: one JSON file, written atomically (a temporary
// file beside it, then a rename) after each change and read back on start. A file that cannot be
// read as a sandbox's state is an error naming it, never silently replaced: it may be someone's
// rehearsal. --ephemeral keeps everything in memory instead.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { fileProblem, UsageError } from '../errors.js';
import type { Env } from '../output/io.js';

/** The default state file: the user's data directory (or $STATUSPAGE_SANDBOX_DIR). */
export function defaultStatePath(env: Env): string {
  const dir = env.STATUSPAGE_SANDBOX_DIR?.trim() || envPaths('statuspage', { suffix: '' }).data;
  return join(dir, 'sandbox.json');
}

/** What to do about a state file that is not a sandbox's, at its own path and at another (--data). */
export const STATE_ADVICE = {
  own: 'move it away, or start over with statuspage sandbox reset',
  data: 'move it away, or give another --data',
} as const;

/**
 * The stored JSON, or undefined when there is no file yet; `check` says what is wrong with it, if
 * anything, and `advice` (if any) what to do about it.
 */
export async function loadState<T>(
  path: string,
  check: (json: unknown) => T,
  advice: string | undefined = STATE_ADVICE.own,
): Promise<T | undefined> {
  const then = advice === undefined ? '' : `; ${advice}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new UsageError(`sandbox state ${path}: cannot be read (${fileProblem(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    throw new UsageError(`sandbox state ${path} is not valid JSON (${why})${then}`);
  }
  try {
    return check(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`sandbox state ${path} is not a sandbox's state (${why})${then}`);
  }
}

/** Synchronous, so that a change is on disk before its answer leaves, and Ctrl-C never cuts a write. */
export function saveState(path: string, state: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** The process serving a state file, if one is alive: its PID is kept in `<file>.pid` while it runs. */
export function servingProcess(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(`${path}.pid`, 'utf8'), 10);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's. ESRCH: gone, and the file is stale.
    return (error as { code?: string }).code === 'EPERM' ? pid : undefined;
  }
}

/**
 * Claims the state file for this process (two sandboxes writing one file would undo each
 * other's changes); the returned function gives it up.
 */
export function claimState(path: string): () => void {
  const other = servingProcess(path);
  if (other !== undefined) {
    throw new UsageError(
      `sandbox state ${path} is in use by another sandbox (process ${other}); stop that one first, or give this one --data FILE or --ephemeral`,
    );
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(`${path}.pid`, `${process.pid}\n`, { mode: 0o600 });
  return () => rmSync(`${path}.pid`, { force: true });
}

/**
 * Removes the state file; true when there was one. Only a sandbox's state goes (`check` says), or,
 * at the sandbox's own default path, whatever is there; and never while a sandbox serves it.
 */
export async function resetState(path: string, check: (json: unknown) => unknown, own: boolean): Promise<boolean> {
  const other = servingProcess(path);
  if (other !== undefined) {
    throw new UsageError(
      `sandbox state ${path} is in use by a running sandbox (process ${other}): stop it (Ctrl-C), then reset; nothing removed`,
    );
  }
  if (!own) {
    try {
      if ((await loadState(path, check, undefined)) === undefined) return false;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new UsageError(`--data: ${why}; not removed`);
    }
  }
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}
