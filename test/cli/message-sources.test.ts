// Multi-line messages from a file or stdin reach the API byte for byte.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

// Markdown, quotes, a backslash, emoji (astral and joined), CRLF and LF line ends, a tab, trailing newline.
const MESSAGE =
  '## Update\r\n\r\nWe "think" it\'s the C:\\cache\\ layer 🔥👩‍💻.\r\n- item *one*\n- item `two`\t(tabbed)\n\n> quoted\n';

async function withMessageFile(body: (path: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'statuspage-msg-'));
  try {
    const path = join(dir, 'update.md');
    await writeFile(path, MESSAGE, 'utf8');
    await body(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const sentBody = (rawBody: string | undefined): unknown =>
  (JSON.parse(rawBody ?? '{}') as { incident: { body?: unknown } }).incident.body;

test('--message-file and -m - send the text byte for byte on every command', async () => {
  await withMessageFile(async (path) => {
    await withServer(async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Open' });
      const runs: Array<[string[], string | undefined]> = [
        [['create-incident', '-t', 'From file', '--message-file', path], undefined],
        [['create-incident', '-t', 'From stdin', '-m', '-'], MESSAGE],
        [['update-incident', incident.id, '--message-file', path], undefined],
        [['update-incident', incident.id, '-m', '-'], MESSAGE],
        [['schedule-maintenance', '-t', 'Window', '--message-file', path], undefined],
        [['schedule-maintenance', '-t', 'Window', '--message', '-'], MESSAGE],
        [['resolve-incident', incident.id, '-e', 'incident', '-m', '-'], MESSAGE],
        [['resolve-incident', server.addIncident({ name: 'Open too' }).id, '--message-file', path], undefined],
      ];
      for (const [args, input] of runs) {
        assertOk(await run(args, input === undefined ? {} : { input: Buffer.from(input, 'utf8') }));
        const sent = server.mutations().at(-1);
        assert.equal(sentBody(sent?.rawBody), MESSAGE, args.join(' '));
        // The JSON on the wire carries the CRLF as escapes, not normalised newlines.
        assert.ok(sent?.rawBody.includes('\\r\\n'), args.join(' '));
      }
      assert.equal(server.mutations().length, runs.length);
      assert.equal(incident.incident_updates[0]?.body, MESSAGE, 'the fake stored it unchanged');
    });
  });
});

test('--dry-run shows the file’s message exactly as it would be sent', async () => {
  await withMessageFile(async (path) => {
    await withServer(async ({ server, run }) => {
      const result = await run(['create-incident', '-t', 'Preview', '--message-file', path, '--dry-run', '--json']);
      assertOk(result);
      assert.equal((JSON.parse(result.stdout) as { body: { incident: { body: string } } }).body.incident.body, MESSAGE);
      assert.equal(server.requests.length, 0);
    });
  });
});

test('--message with --message-file, or -m - with --token -, is a usage error; nothing is sent', async () => {
  await withMessageFile(async (path) => {
    await withServer(async ({ server, run }) => {
      assertUsageError(
        await run(['update-incident', 'inc000000001', '-m', 'hi', '--message-file', path]),
        '--message',
        '--message-file',
      );
      assertUsageError(
        await run(['resolve-incident', 'inc000000001', '-m', '-', '--token', '-'], { input: 'x' }),
        '--message -',
        '--token -',
      );
      assert.equal(server.requests.length, 0);
    });
  });
});
