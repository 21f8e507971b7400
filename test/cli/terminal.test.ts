// What a person at a terminal sees, beyond what a pipe gets: whether subscribers were
// notified, and the exact follow-up commands after a create or schedule. The writes say --yes:
// the last look before a broadcast, and its question, have tests of their own (test/tmux/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (text: string) => text.replace(ANSI, '');

test('create on a terminal: the summary says subscribers are notified; stderr shows the next commands, which work', {
  skip: ttyUnavailable,
}, async () => {
  await withServer(async ({ server, run }) => {
    const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
    const result = await runCliInTty(['create-incident', '-t', 'API errors', '-s', 'investigating', '--yes'], env);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, ANSI, 'coloured on a terminal');
    const lines = plain(result.output).trimEnd().split('\n');
    assert.equal(lines[0], 'Created incident (subscribers notified):');
    const id = [...server.incidents.keys()][0] as string;
    const next = lines.at(-1) ?? '';
    assert.equal(
      next,
      `Next: statuspage update-incident -p ${server.pageId} ${id} -s <status> -m "…"  |  statuspage resolve-incident -p ${server.pageId} ${id} -e incident`,
    );
    // The hint's commands are real: run them as printed (the placeholders filled in).
    const [update, resolve] = next.replace(/^Next: /, '').split('  |  ');
    const updateArgs = (update ?? '')
      .split(' ')
      .slice(1)
      .map((arg) => (arg === '<status>' ? 'identified' : arg === '"…"' ? 'Found it.' : arg));
    assertOk(await run(updateArgs));
    assertOk(await run((resolve ?? '').split(' ').slice(1)));
    assert.equal(server.incidents.get(id)?.status, 'resolved');
  });
});

test('--no-notify and a change without a message say subscribers are not notified', {
  skip: ttyUnavailable,
}, async () => {
  await withServer(async ({ server }) => {
    const env = {
      STATUSPAGE_API_URL: server.url,
      STATUSPAGE_TOKEN: server.token,
      STATUSPAGE_PAGE_ID: server.pageId,
      NO_COLOR: '1',
    };
    const quietCreate = await runCliInTty(['create-incident', '-t', 'Quiet', '--no-notify', '--yes'], env);
    assert.equal(quietCreate.code, 0, quietCreate.output);
    assert.match(quietCreate.output, /^Created incident \(subscribers not notified\):\n/);
    assert.doesNotMatch(quietCreate.output, ANSI, 'NO_COLOR is respected on a terminal');

    const incident = server.addIncident({ name: 'Open' });
    const rename = await runCliInTty(['update-incident', incident.id, '-t', 'Renamed'], env);
    assert.match(rename.output, /^Updated incident \(subscribers not notified\):\n/);
    const message = await runCliInTty(['update-incident', incident.id, '-m', 'Still looking.', '--yes'], env);
    assert.match(message.output, /^Updated incident \(subscribers notified\):\n/);
    assert.doesNotMatch(message.output, /Next:/, 'the hint follows creates only');
    const resolve = await runCliInTty(['resolve-incident', incident.id, '--no-notify', '--yes'], env);
    assert.match(resolve.output, /^Resolved incident \(subscribers not notified\):\n/);
  });
});

test('schedule on a terminal: the hint completes the maintenance', { skip: ttyUnavailable }, async () => {
  await withServer(async ({ server }) => {
    const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
    const result = await runCliInTty(
      ['schedule-maintenance', '-t', 'Window', '--scheduled', 'now', '--no-color', '--yes'],
      env,
    );
    assert.equal(result.code, 0, result.output);
    assert.doesNotMatch(result.output, ANSI, '--no-color is respected on a terminal');
    assert.match(result.output, /^Scheduled maintenance \(subscribers notified\):\n/);
    assert.match(result.output, /\nNext: .* statuspage resolve-incident -p pg0000000001 inc\d+ -e maintenance\n$/);
  });
});

test('-q on a terminal prints only the ID: no summary, no hint', { skip: ttyUnavailable }, async () => {
  await withServer(async ({ server }) => {
    const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
    const result = await runCliInTty(['create-incident', '-t', 'Scripted', '-q', '--yes'], env);
    assert.equal(result.code, 0, result.output);
    assert.equal(result.output, `${[...server.incidents.keys()][0]}\n`);
  });
});
