// Runs the CLI in this process with an Io the test shapes: terminals on any stream, a clock set
// to a given day, what stdin holds. (run-cli.ts's runCli gives every test pipes and the real clock.)
import type { FakeStatuspage } from './fake-statuspage.js';
import { type MemoryIoOptions, memoryIo } from './memory-io.js';
import type { RunCliResult } from './run-cli.js';

/** The environment `withServer`'s `run` gives: the fake's URL, token and page. */
export function serverEnv(server: FakeStatuspage, extra: Record<string, string> = {}): Record<string, string> {
  return {
    STATUSPAGE_API_URL: server.url,
    STATUSPAGE_TOKEN: server.token,
    STATUSPAGE_PAGE_ID: server.pageId,
    ...extra,
  };
}

/** A clock that reads `iso` when the command starts and runs on from there. */
export function clockAt(iso: string): () => number {
  const offset = Date.parse(iso) - Date.now();
  return () => Date.now() + offset;
}

export async function runWithIo(args: string[], options: MemoryIoOptions): Promise<RunCliResult> {
  const { runCli } = await import('../../src/cli/run.js');
  const memory = memoryIo(options);
  const started = performance.now();
  const code = await runCli(args, memory.io);
  return {
    code,
    signal: null,
    timedOut: false,
    stdout: memory.stdout(),
    stderr: memory.stderr(),
    durationMs: Math.round(performance.now() - started),
  };
}
