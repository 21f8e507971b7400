import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, type Harness, onlyBody, withServer } from '../support/harness.js';

/** An incident with two updates: `first` (upd000000001) and, newest, `latest` (upd000000002). */
async function incidentWithTwoUpdates(server: FakeStatuspage, run: Harness['run']): Promise<string> {
  const created = await run(['create-incident', '-t', 'API errors', '-m', 'We are investigating.', '-q']);
  assertOk(created);
  const id = created.stdout.trim();
  assertOk(await run(['update-incident', id, '-s', 'identified', '-m', 'We found teh cause.\nA bad deploy.', '-q']));
  server.requests.length = 0;
  return id;
}

test('without an update ID the latest is edited, and subscribers are not notified', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    const result = await run(['edit-update', id, '-m', 'We found the cause.\nA bad deploy.']);
    assertOk(result);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [
        `GET /v1/pages/${server.pageId}/incidents/${id}`,
        `PATCH /v1/pages/${server.pageId}/incidents/${id}/incident_updates/upd000000002`,
      ],
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident_update: { body: 'We found the cause.\nA bad deploy.', deliver_notifications: false },
    });
    const updates = server.incidents.get(id)?.incident_updates ?? [];
    assert.equal(updates[0]?.body, 'We found the cause.\nA bad deploy.');
    assert.equal(updates[1]?.body, 'We are investigating.', 'the older update is untouched');
    assert.equal(
      result.stdout,
      [
        'Edited update:',
        `Incident: ${id} 'API errors'`,
        'Update ID: upd000000002',
        'Text: We found the cause. …',
        `Displayed at: ${updates[0]?.display_at}`,
        'Subscribers: not notified',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
  });
});

test('an update by ID: --display-at with an offset is sent in UTC; --notify notifies; -q and --json', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    const quiet = await run([
      'edit-update',
      id,
      'upd000000001',
      '--display-at',
      '2030-01-02T05:04:00+02:00',
      '--notify',
      '-q',
    ]);
    assertOk(quiet);
    assert.equal(quiet.stdout, 'upd000000001\n');
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident_update: { display_at: '2030-01-02T03:04:00.000Z', deliver_notifications: true },
    });
    server.requests.length = 0;
    const json = await run(['edit_update', id, 'upd000000001', '-m', 'Investigating.', '--json']);
    assertOk(json);
    const printed = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(printed, JSON.parse(JSON.stringify(server.incidents.get(id)?.incident_updates?.[1])));
    assert.equal(printed.body, 'Investigating.');
    assert.equal(printed.display_at, '2030-01-02T03:04:00.000Z');
    const notified = await run(['edit-update', id, '-m', 'Final words.', '--notify']);
    assert.match(notified.stdout, /\nSubscribers: notified\n$/);
  });
});

test('the message from stdin or a file, as with every command', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    assertOk(await run(['edit-update', id, '-m', '-', '-q'], { input: 'Ünïcode fix.\n' }));
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident_update: { body: 'Ünïcode fix.\n', deliver_notifications: false },
    });
  });
});

test('nothing to change is a usage error: same text, same time, or no flag at all; nothing sent', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    assertUsageError(await run(['edit-update', id]), 'nothing to edit: give --message');
    assert.equal(server.requests.length, 0, 'refused before any request');
    assertUsageError(
      await run(['edit-update', id, '-m', 'We found teh cause.\nA bad deploy.']),
      'nothing to change: update upd000000002 already has that text; nothing sent',
    );
    const shown = server.incidents.get(id)?.incident_updates?.[0]?.display_at ?? '';
    assertUsageError(
      await run(['edit-update', id, '-m', 'We found teh cause.\nA bad deploy.', '--display-at', shown]),
      'already has that text and that --display-at',
    );
    assert.deepEqual(server.mutations(), []);
    // The same text with a new time sends the time alone.
    assertOk(
      await run([
        'edit-update',
        id,
        '-m',
        'We found teh cause.\nA bad deploy.',
        '--display-at',
        '2030-01-01T00:00:00Z',
        '-q',
      ]),
    );
    assert.deepEqual(onlyBody(server, 'PATCH'), {
      incident_update: { display_at: '2030-01-01T00:00:00.000Z', deliver_notifications: false },
    });
  });
});

test('bad input is refused before any request: a time without a zone, an unknown update, a bad ID', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    assertUsageError(
      await run(['edit-update', id, '--display-at', '2030-01-02 03:04']),
      "--display-at '2030-01-02 03:04': is not an ISO 8601 instant with a zone",
    );
    assertUsageError(await run(['edit-update', 'inc 1', '-m', 'x']), "--incident 'inc 1'");
    assertUsageError(await run(['edit-update']), "missing required argument 'incident'");
    assert.equal(server.requests.length, 0);
    assertUsageError(
      await run(['edit-update', id, 'upd000000009', '-m', 'x']),
      `incident ${id} has no update 'upd000000009'; its updates, newest first: upd000000002, upd000000001`,
    );
    assert.deepEqual(server.mutations(), []);
  });
});

test('--dry-run shows the old and new text (plain in a pipe, a diff on a terminal) and the PATCH; sends no write', async () => {
  await withServer(async ({ server, run }) => {
    const id = await incidentWithTwoUpdates(server, run);
    const pipe = await run(['edit-update', id, '-m', 'We found the cause.\nA bad deploy.', '--dry-run']);
    assertOk(pipe);
    const path = `/v1/pages/${server.pageId}/incidents/${id}/incident_updates/upd000000002`;
    assert.ok(
      pipe.stdout.startsWith(
        [
          'Old text (update upd000000002):',
          'We found teh cause.',
          'A bad deploy.',
          '',
          'New text:',
          'We found the cause.',
          'A bad deploy.',
          '',
          `PATCH ${server.url.replace(/\/v1$/, '')}${path}`,
        ].join('\n'),
      ),
      pipe.stdout,
    );
    assert.ok(pipe.stdout.includes('"deliver_notifications": false'), pipe.stdout);
    const tty = await run(['edit-update', id, '-m', 'We found the cause.\nA bad deploy.', '--dry-run'], {
      tty: { stdout: true },
      env: { NO_COLOR: '1' },
    });
    assertOk(tty);
    assert.ok(
      tty.stdout.startsWith(
        [
          '--- update upd000000002 as posted',
          '+++ as edited',
          '-We found teh cause.',
          '+We found the cause.',
          ' A bad deploy.',
          '',
        ].join('\n'),
      ),
      tty.stdout,
    );
    assert.deepEqual(server.mutations(), []);
  });
});
