import { ExitStatus } from '../../errors.js';
import { onInterrupt } from '../../interrupt.js';
import { colorsFor } from '../../output/color.js';
import type { Io } from '../../output/io.js';
import { runAgainst } from '../../sandbox/exec.js';
import { checkState, openSandbox, readSeed, type Sandbox } from '../../sandbox/sandbox.js';
import { defaultStatePath, resetState } from '../../sandbox/store.js';
import { renderSummary } from '../../sandbox/summary.js';
import type { SandboxExecOptions, SandboxResetOptions, SandboxServeOptions } from './options.js';

function exports(sandbox: Sandbox): string {
  const { server, token, model } = sandbox;
  return `export STATUSPAGE_API_URL=${server.url} STATUSPAGE_TOKEN=${token} STATUSPAGE_PAGE_ID=${model.pageId}`;
}

export async function runSandboxServe(io: Io, options: SandboxServeOptions): Promise<void> {
  const dataPath = options.ephemeral ? undefined : io.path(options.data ?? defaultStatePath(io.env));
  const seed = options.seed === undefined ? undefined : await readSeed(io.path(options.seed));
  const sandbox = await openSandbox({
    dataPath,
    ownPath: options.data === undefined,
    seed,
    port: options.port,
    rateLimit: options.rateLimit,
    latencyMs: options.latency,
  });
  const { server, token, model } = sandbox;
  if (options.json) {
    io.json({
      api_url: server.url,
      token,
      page_id: model.pageId,
      page_url: server.pageUrl,
      data: dataPath ?? null,
    });
  } else {
    io.out(exports(sandbox));
  }
  const kept = dataPath ? `${sandbox.restored ? 'read from' : 'kept in'} ${dataPath}` : 'in memory only (--ephemeral)';
  io.err(
    `Sandbox "${String(model.page.name)}" (${model.pageId}): the API at ${server.url}, the status page at ${server.pageUrl}; its page is ${kept}. Ctrl-C stops it.`,
  );
  if (options.rateLimit)
    io.err('Rate limited as the API is: 60 requests a minute per token, then 429 with Retry-After.');
  // Every change is already on disk: stopping is closing the server.
  onInterrupt(() => {
    io.err('sandbox stopped');
    void sandbox.close();
  });
  await new Promise<never>(() => {});
}

export async function runSandboxExec(io: Io, options: SandboxExecOptions, args: string[]): Promise<void> {
  const seed = options.seed === undefined ? undefined : await readSeed(io.path(options.seed));
  const sandbox = await openSandbox({ seed, rateLimit: options.rateLimit, latencyMs: options.latency });
  let code: number;
  try {
    code = await runAgainst(io, sandbox, args);
  } finally {
    await sandbox.close();
  }
  io.err('');
  io.err(renderSummary(sandbox.model, await colorsFor(io, 'stderr')));
  if (code !== 0) throw new ExitStatus(code);
}

export async function runSandboxReset(io: Io, options: SandboxResetOptions): Promise<void> {
  const path = io.path(options.data ?? defaultStatePath(io.env));
  const removed = await resetState(path, checkState, options.data === undefined);
  io.err(removed ? `Removed ${path}: the next sandbox starts afresh.` : `Nothing to remove: no ${path}.`);
}
