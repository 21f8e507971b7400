import type { RawOptions } from '../../cli/command-kit.js';
import { commandSchema } from '../../cli/option-schemas.js';
import { ExitStatus } from '../../errors.js';
import { onInterrupt } from '../../interrupt.js';
import { colorsFor } from '../../output/color.js';
import type { Io } from '../../output/io.js';
import { runAgainst } from '../../sandbox/exec.js';
import { openSandbox, readSeed, type Sandbox } from '../../sandbox/sandbox.js';
import { defaultStatePath, resetState } from '../../sandbox/store.js';
import { renderSummary } from '../../sandbox/summary.js';
import { parseOptions } from '../../utils/validate.js';
import * as z from '../../zod.js';

const serverShape = {
  seed: z.string().min(1).optional(),
  rateLimit: z.boolean().default(false),
  latency: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 or more')
    .max(60_000, 'must be at most 60000')
    .optional(),
};

export const sandboxServeOptionsSchema = commandSchema(
  {
    ...serverShape,
    port: z.coerce
      .number({ message: 'must be a port number' })
      .int('must be a port number')
      .min(0, 'must be 0 to 65535')
      .max(65_535, 'must be 0 to 65535')
      .optional(),
    data: z.string().min(1).optional(),
    ephemeral: z.boolean().default(false),
    json: z.boolean().default(false),
  },
  (o) => (o.data !== undefined && o.ephemeral ? '--data and --ephemeral cannot be used together; give one' : undefined),
);
export const sandboxExecOptionsSchema = commandSchema(serverShape);
export const sandboxResetOptionsSchema = commandSchema({ data: z.string().min(1).optional() });

function exports(sandbox: Sandbox): string {
  const { server, token, model } = sandbox;
  return `export STATUSPAGE_API_URL=${server.url} STATUSPAGE_TOKEN=${token} STATUSPAGE_PAGE_ID=${model.pageId}`;
}

export async function runSandboxServe(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(sandboxServeOptionsSchema, raw);
  const dataPath = options.ephemeral ? undefined : io.path(options.data ?? defaultStatePath(io.env));
  const seed = options.seed === undefined ? undefined : await readSeed(io.path(options.seed));
  const sandbox = await openSandbox({
    dataPath,
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

export async function runSandboxExec(io: Io, raw: RawOptions, args: string[]): Promise<void> {
  const options = parseOptions(sandboxExecOptionsSchema, raw);
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

export async function runSandboxReset(io: Io, raw: RawOptions): Promise<void> {
  const options = parseOptions(sandboxResetOptionsSchema, raw);
  const path = io.path(options.data ?? defaultStatePath(io.env));
  io.err(
    (await resetState(path)) ? `Removed ${path}: the next sandbox starts afresh.` : `Nothing to remove: no ${path}.`,
  );
}
