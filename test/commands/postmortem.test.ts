import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, onlyBody, withServer } from '../support/harness.js';

/** What `show-incident --markdown` might print: headings, lists, a code fence, non-ASCII, trailing newline. */
const MARKDOWN = [
  '# Postmortem: API errors — 2030-01-02',
  '',
  '## Timeline (UTC)',
  '',
  '- **03:04** investigating: “We are looking into it.”',
  '- 03:20 identified: café-service deploy 🚀 rolled back',
  '  1. nested item',
  '',
  '```sh',
  '$ kubectl rollout undo deploy/api   # tabs\tand  spaces kept',
  '```',
  '',
  '> Ünïcödé, 日本語, and a trailing space ',
  '',
].join('\n');

function resolved(server: FakeStatuspage) {
  return server.addIncident({ name: 'API errors', status: 'resolved' });
}

const puts = (server: FakeStatuspage) => server.requests.filter((r) => r.method === 'PUT');

test('draft -m - stores standard input byte for byte (Markdown with headings, lists, fences, non-ASCII)', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    const result = await run(['postmortem', 'draft', incident.id, '-m', '-'], { input: MARKDOWN });
    assertOk(result);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [
        `GET /v1/pages/${server.pageId}/incidents/${incident.id}`,
        `PUT /v1/pages/${server.pageId}/incidents/${incident.id}/postmortem`,
      ],
    );
    assert.equal(puts(server)[0]?.rawBody, JSON.stringify({ postmortem: { body_draft: MARKDOWN } }));
    assert.equal(server.postmortems.get(incident.id)?.body_draft, MARKDOWN);
    assert.equal(
      result.stdout,
      [
        'Saved the postmortem draft:',
        `Incident: ${incident.id} 'API errors'`,
        'State: draft, not published',
        'Text: # Postmortem: API errors — 2030-01-02 …',
        `Publish: statuspage postmortem publish ${incident.id}`,
        '',
      ].join('\n'),
    );
    // And it comes back out as it went in.
    const shown = await run(['postmortem', 'show', incident.id, '-q']);
    assertOk(shown);
    assert.equal(shown.stdout, MARKDOWN);
  });
});

test('draft --message-file and -m TEXT; -q prints the incident ID; --json the API object', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    const dir = await mkdtemp(join(tmpdir(), 'statuspage-postmortem-'));
    try {
      await writeFile(join(dir, 'pm.md'), MARKDOWN);
      const quiet = await run(['postmortem', 'draft', incident.id, '--message-file', 'pm.md', '-q'], { cwd: dir });
      assertOk(quiet);
      assert.equal(quiet.stdout, `${incident.id}\n`);
      assert.equal(server.postmortems.get(incident.id)?.body_draft, MARKDOWN);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const json = await run(['postmortem', 'draft', incident.id, '-m', 'Short.', '--json']);
    assertOk(json);
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(server.postmortems.get(incident.id))));
    assert.equal(server.postmortems.get(incident.id)?.body_draft, 'Short.');
  });
});

test('every write is refused on an unresolved incident, naming its status; only the incident is read', async () => {
  await withServer(async ({ server, run }) => {
    const open = server.addIncident({ name: 'Still on', status: 'monitoring' });
    for (const args of [
      ['draft', open.id, '-m', 'Too early.'],
      ['publish', open.id],
      ['revert', open.id],
    ]) {
      server.requests.length = 0;
      assertUsageError(
        await run(['postmortem', ...args]),
        `incident ${open.id} 'Still on' is monitoring: a postmortem can be`,
        'only once it is resolved',
        'nothing sent',
      );
      assert.deepEqual(
        server.requests.map((r) => r.method),
        ['GET'],
      );
    }
    assertUsageError(await run(['postmortem', 'draft', open.id]), 'give the postmortem: --message-file');
    assertUsageError(await run(['postmortem', 'draft', open.id, '-m', '-'], { input: '  \n' }), 'the message is empty');
  });
});

test('publish does not notify by default, and never tweets', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    server.setPostmortem(incident, { body_draft: MARKDOWN });
    const result = await run(['postmortem', 'publish', incident.id]);
    assertOk(result);
    assert.deepEqual(
      server.requests.map(
        (r) => `${r.method} ${r.path.replace(`/v1/pages/${server.pageId}/incidents/${incident.id}`, '…')}`,
      ),
      ['GET …', 'GET …/postmortem', 'PUT …/postmortem/publish'],
    );
    assert.deepEqual(onlyBody(server, 'PUT'), { postmortem: { notify_subscribers: false, notify_twitter: false } });
    const stored = server.postmortems.get(incident.id);
    assert.equal(stored?.body, MARKDOWN);
    assert.match(result.stdout, /^Published the postmortem \(subscribers not notified\):\n/);
    assert.ok(result.stdout.includes(`State: published ${stored?.published_at}\n`), result.stdout);
  });
});

test('a publish answered 502 after the API applied it is not sent again, and exits 7: its outcome is unknown', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    server.setPostmortem(incident, { body_draft: MARKDOWN });
    server.injectFault({
      method: 'PUT',
      kind: 'fail-after-handling',
      response: { status: 502, body: { error: 'bad gateway' } },
    });
    const result = await run(['postmortem', 'publish', incident.id, '--notify']);
    assert.equal(result.code, 7, result.stderr);
    assert.match(result.stderr, /may have been applied; check before sending it again\n$/);
    assert.equal(puts(server).length, 1, 'sent once');
    assert.equal(server.postmortems.get(incident.id)?.body, MARKDOWN, 'and the API did publish it');
  });
});

test('publish --notify in a script proceeds; on a terminal it is shown and asked first, and only y publishes', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    server.setPostmortem(incident, { body_draft: 'Draft one.' });
    const terminal = { stdin: true, stdout: true, stderr: true };
    for (const answer of ['n\n', '\n', '']) {
      server.requests.length = 0;
      const declined = await run(['postmortem', 'publish', incident.id, '--notify'], { tty: terminal, input: answer });
      assert.equal(declined.code, 2, declined.stderr);
      assert.equal(declined.stdout, '');
      // The last look before a broadcast (test/cli/last-look.test.ts): the draft is what subscribers read.
      assert.equal(
        declined.stderr,
        [
          'About to post to Fake Status (pg0000000001):',
          `  Request     PUT /pages/${server.pageId}/incidents/${incident.id}/postmortem/publish`,
          `  Incident    ${incident.name} (${incident.id})`,
          '  Message     Draft one.',
          '  Notifies    no subscribers',
          `Send? [y/N] ${answer === '' ? '\n' : ''}declined; nothing sent\n`,
        ].join('\n'),
      );
      assert.deepEqual(server.mutations(), []);
    }
    const confirmed = await run(['postmortem', 'publish', incident.id, '--notify'], {
      tty: terminal,
      input: 'y\n',
      env: { NO_COLOR: '1' },
    });
    assertOk(confirmed);
    assert.deepEqual(onlyBody(server, 'PUT'), { postmortem: { notify_subscribers: true, notify_twitter: false } });
    assert.match(confirmed.stdout, /^Published the postmortem \(subscribers notified\):\n/);

    server.setPostmortem(incident, { body_draft: 'Draft two.' });
    server.requests.length = 0;
    const script = await run(['postmortem', 'publish', incident.id, '--notify', '-q']);
    assertOk(script);
    assert.equal(script.stderr, '', 'no question without a terminal');
    assert.deepEqual(onlyBody(server, 'PUT'), { postmortem: { notify_subscribers: true, notify_twitter: false } });
  });
});

test('publish with nothing new sends nothing: no draft is a usage error, the same text already published is left', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    assertUsageError(
      await run(['postmortem', 'publish', incident.id]),
      `incident ${incident.id} has no postmortem draft to publish`,
    );
    server.setPostmortem(incident, { body: 'Done.', body_draft: 'Done.', published_at: '2030-01-02T03:04:00.000Z' });
    const again = await run(['postmortem', 'publish', incident.id, '--notify']);
    assertOk(again);
    assert.equal(again.stderr, `the postmortem of ${incident.id} is already published with this text; nothing sent\n`);
    assert.match(again.stdout, /^Postmortem already published:\n/);
    assert.deepEqual(server.mutations(), []);
  });
});

test('show: the published text or the draft, with its state; --draft; --json; none is exit 5', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    const none = await run(['postmortem', 'show', incident.id]);
    assert.equal(none.code, 5, none.stderr);
    assert.equal(
      none.stderr,
      `error: incident ${incident.id} 'API errors' has no postmortem; write one: statuspage postmortem draft ${incident.id} --message-file postmortem.md\n`,
    );
    server.setPostmortem(incident, {
      body: 'Published.',
      body_draft: 'Edited since.',
      published_at: '2030-01-02T03:04:00.000Z',
    });
    const shown = await run(['postmortem', 'show', incident.id]);
    assertOk(shown);
    assert.equal(
      shown.stdout,
      [
        `Postmortem of incident ${incident.id} 'API errors' (resolved):`,
        'State: published 2030-01-02T03:04:00.000Z; the draft has changes not published yet (--draft shows them)',
        '',
        'Published.',
        '',
      ].join('\n'),
    );
    assert.equal((await run(['postmortem', 'show', incident.id, '--draft', '-q'])).stdout, 'Edited since.');
    const json = JSON.parse((await run(['postmortem', 'show', incident.id, '--json'])).stdout);
    assert.deepEqual(json, JSON.parse(JSON.stringify(server.postmortems.get(incident.id))));
    assert.deepEqual(server.mutations(), []);
  });
});

test('revert takes a published postmortem back to a draft (no body sent); one not published is left alone', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    server.setPostmortem(incident, { body_draft: 'Draft.' });
    const unpublished = await run(['postmortem', 'revert', incident.id]);
    assertOk(unpublished);
    assert.equal(
      unpublished.stderr,
      `the postmortem of ${incident.id} is not published; nothing to revert, nothing sent\n`,
    );
    assert.deepEqual(server.mutations(), []);
    server.setPostmortem(incident, { body: 'Out.', body_draft: 'Out.', published_at: '2030-01-02T03:04:00.000Z' });
    server.requests.length = 0;
    const reverted = await run(['postmortem', 'revert', incident.id]);
    assertOk(reverted);
    const [put] = puts(server);
    assert.equal(put?.path, `/v1/pages/${server.pageId}/incidents/${incident.id}/postmortem/revert`);
    assert.equal(put?.rawBody, '', 'revert has no body');
    assert.equal(server.postmortems.get(incident.id)?.published_at, null);
    assert.match(reverted.stdout, /^Reverted the postmortem to a draft:\n/);
    assert.ok(reverted.stdout.includes('State: draft, not published\n'));
  });
});

test('--dry-run on draft, publish and revert prints the PUT and sends no write', async () => {
  await withServer(async ({ server, run }) => {
    const incident = resolved(server);
    server.setPostmortem(incident, { body: 'Old.', body_draft: 'New.', published_at: '2030-01-02T03:04:00.000Z' });
    const base = `${server.url}/pages/${server.pageId}/incidents/${incident.id}/postmortem`;
    const draft = await run(['postmortem', 'draft', incident.id, '-m', 'Newer.', '--dry-run']);
    assertOk(draft);
    assert.ok(draft.stdout.startsWith(`PUT ${base}\n`), draft.stdout);
    assert.ok(draft.stdout.endsWith('{\n  "postmortem": {\n    "body_draft": "Newer."\n  }\n}\n'), draft.stdout);
    const publish = await run(['postmortem', 'publish', incident.id, '--notify', '--dry-run'], {
      tty: { stdin: true, stderr: true },
    });
    assertOk(publish);
    assert.ok(publish.stdout.startsWith(`PUT ${base}/publish\n`), publish.stdout);
    assert.equal(publish.stderr, '', 'a dry run asks nothing: nothing is sent');
    const revert = await run(['postmortem', 'revert', incident.id, '--dry-run']);
    assertOk(revert);
    assert.ok(revert.stdout.startsWith(`PUT ${base}/revert\n`), revert.stdout);
    assert.deepEqual(server.mutations(), []);
  });
});

test('show-incident --markdown piped into draft -m - stores exactly what was printed; show -q prints it back', async () => {
  await withServer(async ({ server, run }) => {
    const at = (minute: number) => `2030-01-02T03:${String(minute).padStart(2, '0')}:00.000Z`;
    const posted = (id: string, status: string, minute: number, body: string) => ({
      id,
      status,
      body,
      created_at: at(minute),
      display_at: at(minute),
    });
    const incident = server.addIncident({
      name: 'API errors — café 🚀',
      status: 'resolved',
      impact: 'major',
      created_at: at(4),
      resolved_at: at(40),
      components: [{ id: 'cmp000000001' }],
      incident_updates: [
        posted('upd3', 'resolved', 40, 'Fixed.\n\n```sh\n$ kubectl rollout undo deploy/api\t# tab kept\n```'),
        // A control character from the API is shown made visible, and stored as it was shown.
        posted('upd2', 'identified', 20, 'A **bad** deploy\u001b[31m; rolled back.  '),
        posted('upd1', 'investigating', 4, '> Ünïcödé, 日本語\n- one\n  1. nested'),
      ],
    });
    const markdown = await run(['show-incident', incident.id, '--markdown']);
    assertOk(markdown);
    assert.match(markdown.stdout, /^# API errors — café 🚀\n/);
    for (const shown of [
      'A **bad** deploy^[[31m; rolled back.',
      '\t# tab kept\n```\n',
      '> Ünïcödé, 日本語\n- one\n  1. nested',
    ]) {
      assert.ok(markdown.stdout.includes(shown), `${JSON.stringify(shown)} not in:\n${markdown.stdout}`);
    }
    assert.ok(!markdown.stdout.includes('\u001b'), 'the escape is made visible');

    const draft = await run(['postmortem', 'draft', incident.id, '-m', '-', '-q'], { input: markdown.stdout });
    assertOk(draft);
    assert.equal(server.postmortems.get(incident.id)?.body_draft, markdown.stdout);
    assert.equal(puts(server)[0]?.rawBody, JSON.stringify({ postmortem: { body_draft: markdown.stdout } }));

    const shown = await run(['postmortem', 'show', incident.id, '-q']);
    assertOk(shown);
    assert.equal(Buffer.compare(Buffer.from(shown.stdout), Buffer.from(markdown.stdout)), 0, shown.stdout);
  });
});
