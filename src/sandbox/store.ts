// Where a sandbox keeps its page between runs: one JSON file, written atomically (a temporary
// file beside it, then a rename) after each change and read back on start. A file that cannot be
// read as a sandbox's state is an error naming it, never silently replaced: it may be someone's
// rehearsal. --ephemeral keeps everything in memory instead.
import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { UsageError } from '../errors.js';
import type { Env } from '../output/io.js';

/** The default state file: the user's data directory (or $STATUSPAGE_SANDBOX_DIR). */
export function defaultStatePath(env: Env): string {
  const dir = env.STATUSPAGE_SANDBOX_DIR?.trim() || envPaths('statuspage', { suffix: '' }).data;
  return join(dir, 'sandbox.json');
}

/** The stored JSON, or undefined when there is no file yet; `check` says what is wrong with it, if anything. */
export async function loadState<T>(path: string, check: (json: unknown) => T): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new UsageError(
      `sandbox state ${path}: cannot be read (${(error as { code?: string }).code ?? 'unreadable'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    throw new UsageError(
      `sandbox state ${path} is not valid JSON (${why}); move it away, or start over with statuspage sandbox reset`,
    );
  }
  try {
    return check(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `sandbox state ${path} is not a sandbox's state (${why}); move it away, or start over with statuspage sandbox reset`,
    );
  }
}

/** Synchronous, so that a change is on disk before its answer leaves, and Ctrl-C never cuts a write. */
export function saveState(path: string, state: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** Removes the state file; true when there was one. */
export async function resetState(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}
