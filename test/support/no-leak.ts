// The token must never show: not in results, errors, warnings, retry notices or --verbose lines.
import assert from 'node:assert/strict';
import type { FakeStatuspageOptions } from './fake-statuspage.js';
import { type Harness, withServer } from './harness.js';
import type { RunCliOptions, RunCliResult } from './run-cli.js';

export function assertNoTokenLeak(result: RunCliResult, token: string): void {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    assert.ok(!text.includes(token), `${stream} shows the token:\n${text}`);
    assert.doesNotMatch(text, /OAuth (?!\*\*\*|\(no token found)/, `${stream} shows an Authorization value:\n${text}`);
  }
}

/** withServer, with every run's stdout and stderr checked for the token it was given. */
export async function withLeakCheckedServer(
  body: (h: Harness) => Promise<void>,
  options: FakeStatuspageOptions = {},
): Promise<void> {
  await withServer(async (h) => {
    const checked =
      (run: Harness['run']): Harness['run'] =>
      async (args: string[], opts: RunCliOptions = {}) => {
        const result = await run(args, opts);
        assertNoTokenLeak(result, h.server.token);
        const given = opts.env?.STATUSPAGE_TOKEN;
        if (given) assertNoTokenLeak(result, given);
        return result;
      };
    await body({
      ...h,
      run: checked(h.run),
      runBare: checked(h.runBare),
      runProcess: checked(h.runProcess),
      runBareProcess: checked(h.runBareProcess),
    });
  }, options);
}
