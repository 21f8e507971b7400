// Glue for the CLI tests: a fresh fake Statuspage per test and a CLI pointed at it, run in this
// process (run, runBare) or, where the process boundary is what is tested, as a child (…Process, start).
import assert from 'node:assert/strict';
import { type FakeStatuspage, type FakeStatuspageOptions, startFakeStatuspage } from './fake-statuspage.js';
import { type RunCliOptions, type RunCliResult, type RunningCli, runCli, runCliProcess, startCli } from './run-cli.js';

export interface Harness {
  server: FakeStatuspage;
  /** Runs the CLI against the server with its token in STATUSPAGE_TOKEN and its page in STATUSPAGE_PAGE_ID. */
  run(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
  /** Runs the CLI against the server with only STATUSPAGE_API_URL set. */
  runBare(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
  /** As `run`, as the real command in a child process. */
  runProcess(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
  /** As `runBare`, as the real command in a child process. */
  runBareProcess(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
  /** As `runProcess`, but returns while the CLI runs (to signal it, say). */
  start(args: string[], options?: RunCliOptions): RunningCli;
}

export async function withServer(
  body: (h: Harness) => Promise<void>,
  options: FakeStatuspageOptions = {},
): Promise<void> {
  const server = await startFakeStatuspage(options);
  const bare = (opts: RunCliOptions): RunCliOptions => ({
    ...opts,
    env: { STATUSPAGE_API_URL: server.url, ...opts.env },
  });
  const withPage = (opts: RunCliOptions): RunCliOptions => ({
    ...opts,
    env: {
      STATUSPAGE_API_URL: server.url,
      STATUSPAGE_TOKEN: server.token,
      STATUSPAGE_PAGE_ID: server.pageId,
      ...opts.env,
    },
  });
  const h: Harness = {
    server,
    run: (args, opts = {}) => runCli(args, withPage(opts)),
    runBare: (args, opts = {}) => runCli(args, bare(opts)),
    runProcess: (args, opts = {}) => runCliProcess(args, withPage(opts)),
    runBareProcess: (args, opts = {}) => runCliProcess(args, bare(opts)),
    start: (args, opts = {}) => startCli(args, withPage(opts)),
  };
  try {
    await body(h);
    assert.deepEqual(server.validationErrors, [], 'every request the CLI sent must match the schemas and the spec');
  } finally {
    await server.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An incident create's body without the CLI's marker (a fresh request ID each run, and the
 * --dedup-key when given), after checking the marker is there and well formed.
 */
export function withoutMarker(body: unknown): unknown {
  const incident = (body as { incident?: Record<string, unknown> } | undefined)?.incident;
  if (!incident || !('metadata' in incident)) return body;
  const { metadata, ...rest } = incident;
  const marker = (metadata as { statuspage_cli?: { request_id?: unknown } }).statuspage_cli;
  assert.match(String(marker?.request_id), UUID, `a create carries a request ID: ${JSON.stringify(metadata)}`);
  assert.deepEqual(Object.keys(metadata as object), ['statuspage_cli'], 'the CLI adds no other metadata');
  return { ...(body as object), incident: rest };
}

/** The JSON body of the only request with this method (without a create's marker); fails if there is not exactly one. */
export function onlyBody(server: FakeStatuspage, method: string): unknown {
  const matching = server.requests.filter((r) => r.method === method);
  assert.equal(matching.length, 1, `expected exactly one ${method}, got ${matching.length}`);
  return method === 'POST' ? withoutMarker(matching[0]?.body) : matching[0]?.body;
}

export function assertOk(result: RunCliResult): void {
  assert.equal(result.code, 0, `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
}

/** A usage error: exit 2, exactly one line on stderr, nothing on stdout. */
export function assertUsageError(result: RunCliResult, ...fragments: string[]): void {
  assert.equal(result.code, 2, `exit ${result.code}\nstderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line expected on stderr, got:\n${result.stderr}`);
  for (const fragment of fragments)
    assert.ok(result.stderr.includes(fragment), `stderr lacks '${fragment}': ${result.stderr}`);
}
