// Glue for subprocess tests: a fresh fake Statuspage per test and a CLI pointed at it.
import assert from 'node:assert/strict';
import { type FakeStatuspage, type FakeStatuspageOptions, startFakeStatuspage } from './fake-statuspage.js';
import { type RunCliOptions, type RunCliResult, runCli } from './run-cli.js';

export interface Harness {
  server: FakeStatuspage;
  /** Runs the CLI against the server with its token in STATUSPAGE_TOKEN and its page in STATUSPAGE_PAGE_ID. */
  run(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
  /** Runs the CLI against the server with only STATUSPAGE_API_URL set. */
  runBare(args: string[], options?: RunCliOptions): Promise<RunCliResult>;
}

export async function withServer(
  body: (h: Harness) => Promise<void>,
  options: FakeStatuspageOptions = {},
): Promise<void> {
  const server = await startFakeStatuspage(options);
  const runBare = (args: string[], opts: RunCliOptions = {}) =>
    runCli(args, { ...opts, env: { STATUSPAGE_API_URL: server.url, ...opts.env } });
  const run = (args: string[], opts: RunCliOptions = {}) =>
    runBare(args, { ...opts, env: { STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId, ...opts.env } });
  try {
    await body({ server, run, runBare });
    assert.deepEqual(server.validationErrors, [], 'every request the CLI sent must match the schemas and the spec');
  } finally {
    await server.close();
  }
}

/** The JSON body of the only request with this method; fails if there is not exactly one. */
export function onlyBody(server: FakeStatuspage, method: string): unknown {
  const matching = server.requests.filter((r) => r.method === method);
  assert.equal(matching.length, 1, `expected exactly one ${method}, got ${matching.length}`);
  return matching[0]?.body;
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
