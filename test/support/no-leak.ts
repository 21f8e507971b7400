// The token must never show: not in results, errors, warnings, retry notices or --verbose lines.
import assert from 'node:assert/strict';
import type { RunCliResult } from './run-cli.js';

export function assertNoTokenLeak(result: RunCliResult, token: string): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    assert.ok(!text.includes(token), `${stream} shows the token:\n${text}`);
    assert.doesNotMatch(text, /OAuth (?!\*\*\*)/, `${stream} shows an Authorization value:\n${text}`);
  }
}
