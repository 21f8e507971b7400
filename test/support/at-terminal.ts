// The CLI at a terminal in this process, answering each question as it appears: stdin and
// stderr are terminals, stdin a PassThrough the test types into. `script` pairs what stderr must
// show next with the keys typed then, one key at a time as a person types (an arrow is one key
// of three characters); a function instead of keys runs as the question appears (something
// that happens meanwhile) and gives the keys. The real terminal, through tmux, is support/tmux.ts.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeStatuspage } from './fake-statuspage.js';
import type { RunCliResult } from './run-cli.js';
import { runWithIo, serverEnv } from './run-io.js';

export const KEYS = { up: '\u001b[A', down: '\u001b[B', enter: '\r', tab: '\t', ctrlC: '\u0003' } as const;

export interface AtTerminalOptions {
  /** Added to the fake's environment (TZ is UTC unless given). */
  env?: Record<string, string>;
  now?: () => number;
}

export async function atTerminal(
  server: FakeStatuspage,
  args: string[],
  script: readonly (readonly [RegExp, string | (() => string)])[],
  { env = {}, now }: AtTerminalOptions = {},
): Promise<RunCliResult> {
  const stdin = new PassThrough();
  let stderrSoFar = '';
  const running = runWithIo(args, {
    env: serverEnv(server, { TZ: 'UTC', ...env }),
    stdin,
    stdinIsTTY: true,
    stderrIsTTY: true,
    ...(now ? { now } : {}),
    onStderr: (text) => {
      stderrSoFar = text;
    },
  });
  let finished = false;
  void running.finally(() => {
    finished = true;
  });
  let seen = 0;
  for (const [shown, keys] of script) {
    for (let waited = 0; !shown.test(stderrSoFar.slice(seen)); waited += 10) {
      if (finished || waited > 5000) {
        const result = await running.catch((error: unknown) => ({ error }));
        assert.fail(`never shown: ${shown}\nstderr:\n${stderrSoFar}\nthe run: ${JSON.stringify(result)}`);
      }
      await sleep(10);
    }
    seen = stderrSoFar.length;
    const typed = typeof keys === 'function' ? keys() : keys;
    for (const key of typed.match(/\u001b\[[A-D]|[\s\S]/g) ?? []) {
      stdin.write(key);
      await sleep(2);
    }
  }
  return running;
}
