// `statuspage sandbox`: a local Statuspage that survives restarts, enforces the rate limit when
// asked, and, with `exec`, runs a runbook unchanged and says what subscribers would have received.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { renderStatusPage } from '../../src/sandbox/page.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { type RunningCli, runCli, runCliProcess, startCli } from '../support/run-cli.js';

const windows = process.platform === 'win32';

function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-sandbox-test-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `sandbox` and waits for the line it prints for `eval`. */
async function serve(args: string[]): Promise<{ cli: RunningCli; env: Record<string, string> }> {
  const cli = startCli(['sandbox', ...args], { timeoutMs: 60_000 });
  let stdout = '';
  cli.child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  for (let i = 0; i < 400 && !stdout.includes('\n'); i++) await sleep(25);
  const line = stdout.split('\n')[0] ?? '';
  const match = /^export (STATUSPAGE_API_URL=\S+) (STATUSPAGE_TOKEN=\S+) (STATUSPAGE_PAGE_ID=\S+)$/.exec(line);
  assert.ok(match, `an export line, got: ${JSON.stringify(stdout)} / ${cli.stderrSoFar()}`);
  const env = Object.fromEntries(match.slice(1).map((pair) => pair.split('=', 2) as [string, string]));
  return { cli, env };
}

describe('sandbox', { concurrency: true }, () => {
  test('sandbox exec runs a runbook unchanged and lists what subscribers would have received', async () => {
    const result = await runCliProcess(['sandbox', 'exec', '--', 'sh', 'examples/outage-runbook.sh'], {
      timeoutMs: 60_000,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.split('\n');
    assert.ok(lines.includes('What subscribers would have received (4 notifications):'), result.stderr);
    assert.match(
      result.stderr,
      /^1\. \d\d:\d\d:\d\d UTC {2}New incident: "Elevated API error rates" — investigating$/m,
    );
    assert.match(result.stderr, /^ {5}API: operational → major_outage$/m);
    assert.match(result.stderr, /^2\. .*Update: "Elevated API error rates" — identified$/m);
    assert.match(result.stderr, /^4\. .*Update: "Elevated API error rates" — resolved$/m);
    assert.match(result.stderr, /^ {5}API: degraded_performance → operational$/m);
    assert.match(result.stderr, /^The page now: All Systems Operational$/m);
    assert.match(result.stderr, /^rehearsed incident inc\d+$/m);
  });

  test('sandbox exec passes the command’s exit code through, and 127 for a command that does not exist', {
    skip: windows,
  }, async () => {
    const failed = await runCliProcess(['sandbox', 'exec', '--', 'sh', '-c', 'statuspage status >/dev/null; exit 3'], {
      timeoutMs: 60_000,
    });
    assert.equal(failed.code, 3, failed.stderr);
    assert.match(failed.stderr, /What subscribers would have received \(0 notifications\):\n {2}nothing\n/);
    const missing = await runCliProcess(['sandbox', 'exec', '--', 'no-such-command-here'], { timeoutMs: 60_000 });
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /^error: sandbox exec: cannot run 'no-such-command-here' \(ENOENT\)$/m);
    assertUsageError(await runCli(['sandbox', 'exec']), "missing required argument 'command'");
  });

  test('a sandbox keeps its page in its state file: a restart finds the incident, the token and the page', async () => {
    const temp = tempDir();
    try {
      const data = join(temp.dir, 'state.json');
      const first = await serve(['--data', data]);
      const created = await runCli(['create-incident', '-t', 'Kept', '-c', 'API', '-q'], { env: first.env });
      assertOk(created);
      first.cli.child.kill('SIGINT');
      const stopped = await first.cli.done;
      assert.match(stopped.stderr, /sandbox stopped\n$/);
      const second = await serve(['--data', data]);
      try {
        assert.equal(second.env.STATUSPAGE_TOKEN, first.env.STATUSPAGE_TOKEN, 'the same token');
        assert.equal(second.env.STATUSPAGE_PAGE_ID, first.env.STATUSPAGE_PAGE_ID);
        const listed = await runCli(['list-incidents', '-q'], { env: second.env });
        assertOk(listed);
        assert.equal(listed.stdout, created.stdout);
        assert.match(
          second.cli.stderrSoFar(),
          new RegExp(`its page is read from ${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
      } finally {
        second.cli.child.kill('SIGINT');
        await second.cli.done;
      }
      assertOk(await runCliProcess(['sandbox', 'reset', '--data', data]));
      assert.equal(existsSync(data), false);
    } finally {
      temp.done();
    }
  });

  test('a corrupt state file is one line naming it, and is left as it was', async () => {
    const temp = tempDir();
    try {
      const data = join(temp.dir, 'state.json');
      writeFileSync(data, '{"version": 1, "token": ');
      const result = await runCliProcess(['sandbox', '--data', data]);
      assertUsageError(result, `sandbox state ${data} is not valid JSON`, 'give another --data');
      assert.equal(readFileSync(data, 'utf8'), '{"version": 1, "token": ');
      writeFileSync(data, '{"version": 1, "token": "short"}');
      assertUsageError(
        await runCliProcess(['sandbox', '--data', data]),
        `sandbox state ${data} is not a sandbox's state`,
      );
      // reset --data removes a sandbox's state only: a file given by mistake (a seed, a README) stays.
      assertUsageError(
        await runCliProcess(['sandbox', 'reset', '--data', data]),
        '--data: sandbox state',
        'not removed',
      );
      assert.equal(readFileSync(data, 'utf8'), '{"version": 1, "token": "short"}');
      // The sandbox's own file, whatever it holds, is what reset is for.
      const own = { STATUSPAGE_SANDBOX_DIR: temp.dir };
      writeFileSync(join(temp.dir, 'sandbox.json'), 'not json');
      assertUsageError(await runCliProcess(['sandbox', '--ephemeral', '--port', 'x'], { env: own }), '--port');
      assertUsageError(await runCliProcess(['sandbox'], { env: own }), 'start over with statuspage sandbox reset');
      const reset = await runCliProcess(['sandbox', 'reset'], { env: own });
      assertOk(reset);
      assert.equal(existsSync(join(temp.dir, 'sandbox.json')), false);
    } finally {
      temp.done();
    }
  });

  test('one sandbox per state file: a second one, and a reset while it runs, are refused; a port in use is a usage error', async () => {
    const temp = tempDir();
    try {
      const data = join(temp.dir, 'state.json');
      const first = await serve(['--data', data, '--port', '0']);
      try {
        assertUsageError(await runCliProcess(['sandbox', '--data', data]), 'is in use by another sandbox (process');
        assertUsageError(await runCliProcess(['sandbox', 'reset', '--data', data]), 'stop it (Ctrl-C), then reset');
        assert.equal(existsSync(data), true);
        const port = new URL(first.env.STATUSPAGE_API_URL ?? '').port;
        assertUsageError(
          await runCliProcess(['sandbox', '--ephemeral', '--port', port]),
          `--port ${port}: another program listens on 127.0.0.1:${port}`,
        );
      } finally {
        first.cli.child.kill('SIGINT');
        await first.cli.done;
      }
      assert.equal(existsSync(`${data}.pid`), false, 'the claim is given up on exit');
      assertOk(await runCliProcess(['sandbox', 'reset', '--data', data]));
    } finally {
      temp.done();
    }
  });

  test('a seed whose template names a component it lacks is a usage error naming the file', async () => {
    const temp = tempDir();
    try {
      const seed = join(temp.dir, 'seed.json');
      writeFileSync(
        seed,
        JSON.stringify({
          components: [{ name: 'API' }],
          templates: [{ name: 't', title: 'T', body: 'B', components: ['Nope'] }],
        }),
      );
      assertUsageError(
        await runCliProcess(['sandbox', 'exec', '--seed', seed, '--', process.execPath, '-e', '0']),
        `--seed '${seed}': template 't' names no component 'Nope'`,
      );
    } finally {
      temp.done();
    }
  });

  test('--rate-limit: the API’s limit, 429 with Retry-After', async () => {
    const started = startCli(['sandbox', '--ephemeral', '--rate-limit', '--json'], { timeoutMs: 60_000 });
    let stdout = '';
    started.child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    for (let i = 0; i < 400 && !stdout.trimEnd().endsWith('}'); i++) await sleep(25);
    try {
      const info = JSON.parse(stdout) as { api_url: string; token: string; page_id: string; page_url: string };
      const get = () =>
        fetch(`${info.api_url}/pages/${info.page_id}/components`, {
          headers: { authorization: `OAuth ${info.token}` },
        });
      const answers = [];
      for (let i = 0; i < 61; i++) answers.push(await get());
      assert.ok(answers.slice(0, 60).every((r) => r.status === 200));
      const limited = answers[60];
      assert.equal(limited?.status, 429);
      assert.match(String(limited?.headers.get('retry-after')), /^\d+$/);
      assert.deepEqual(await limited?.json(), { error: 'Rate limit exceeded' });
      const page = await fetch(info.page_url);
      assert.equal(page.status, 200, 'the status page is not rate limited');
    } finally {
      started.child.kill('SIGINT');
      await started.done;
    }
  });

  test('rate limited, the CLI waits as told and gets through', async () => {
    await withServer(
      async ({ server, run }) => {
        const result = await run(['create-incident', '-t', 'Slowly', '-c', 'API', '-q']);
        assertOk(result);
        assert.match(result.stderr, /^rate limited, retrying in 1 s \(1\/3\)$/m);
        assert.ok(server.requests.some((r) => r.status === 429));
        assert.equal(server.incidents.size, 1);
      },
      { rateLimit: { requests: 1, windowMs: 1000 } },
    );
  });

  test('the status page escapes every text and says what is wrong', () => {
    const html = renderStatusPage(
      {
        page: { name: 'Acme <b>Status</b>' },
        components: [
          { id: 'c1', name: 'API', status: 'major_outage', position: 1 },
          { id: 'g1', name: 'Infra', group: true, position: 2 },
          { id: 'c2', name: 'DB', status: 'operational', group_id: 'g1', position: 3 },
        ],
        incidents: [
          {
            id: 'i1',
            name: '<script>alert(1)</script>',
            status: 'investigating',
            impact: 'critical',
            components: [{ id: 'c1', name: 'API' }],
            incident_updates: [
              { status: 'investigating', body: 'Looking & <i>hoping</i>', created_at: '2030-01-02T03:04:00Z' },
            ],
          },
        ],
      },
      Date.parse('2030-01-02T04:00:00Z'),
    );
    assert.match(html, /<div class="banner major_outage" id="banner">Major Outage<\/div>/);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('Acme &lt;b&gt;Status&lt;/b&gt;'));
    assert.ok(html.includes('Looking &amp; &lt;i&gt;hoping&lt;/i&gt;'));
    assert.match(
      html,
      /<li class="group"><span class="name">Infra<\/span><ul><li class="component"><span class="name">DB<\/span>/,
    );
    assert.match(html, /<meta http-equiv="refresh" content="5">/);
  });
});
