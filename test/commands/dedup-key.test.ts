// --dedup-key: the same alert firing twice, or the same command run twice, opens one incident.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

type Posted = { incident: { metadata: { statuspage_cli: { request_id: string; dedup_key?: string } } } };

test('create-incident --dedup-key twice: one incident; the second run prints it, sends nothing, exits 0', async () => {
  await withServer(async ({ server, run }) => {
    const args = ['create-incident', '-t', 'Checkout failing', '-c', 'API', '--dedup-key', 'alert-4711'];
    const first = await run([...args, '-q']);
    assertOk(first);
    const id = first.stdout.trim();
    const posted = server.mutations()[0]?.body as Posted;
    assert.equal(posted.incident.metadata.statuspage_cli.dedup_key, 'alert-4711');

    server.requests.length = 0;
    const second = await run(args);
    assertOk(second);
    assert.equal(server.incidents.size, 1);
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`),
      ['GET unresolved'],
      'one read, no write',
    );
    assert.equal(second.stderr, `already open: ${id} 'Checkout failing' has --dedup-key 'alert-4711'; nothing sent\n`);
    assert.match(second.stdout, new RegExp(`^Already open incident:\\nIncident ID: ${id}\\n`));
    const quiet = await run([...args, '-q']);
    assert.equal(quiet.stdout, `${id}\n`);

    // Another key, or the first incident resolved: a new incident.
    assertOk(await run(['create-incident', '-t', 'Checkout failing', '--dedup-key', 'alert-4712', '-q']));
    assertOk(await run(['resolve-incident', id, '-q']));
    const third = await run([...args, '-q']);
    assertOk(third);
    assert.notEqual(third.stdout.trim(), id);
    assert.equal(server.incidents.size, 3);
  });
});

test('schedule-maintenance --dedup-key looks at scheduled and in-progress windows', async () => {
  await withServer(async ({ server, run }) => {
    const args = [
      'schedule-maintenance',
      '-t',
      'Weekly DB',
      '--scheduled',
      '2030-01-02T03:00:00Z',
      '--dedup-key',
      'weekly-db',
    ];
    const id = (await run([...args, '-q'])).stdout.trim();
    server.requests.length = 0;
    const again = await run([...args, '--json']);
    assertOk(again);
    assert.equal(JSON.parse(again.stdout).id, id);
    assert.deepEqual(
      server.requests.map((r) => r.path.split('/').pop()),
      ['scheduled'],
    );
    server.incidents.get(id)!.status = 'in_progress';
    server.requests.length = 0;
    const running = await run([...args, '--dry-run']);
    assertOk(running);
    assert.equal(
      running.stderr,
      `already open: ${id} 'Weekly DB' has --dedup-key 'weekly-db'; nothing would be sent\n`,
    );
    assert.deepEqual(
      server.requests.map((r) => r.path.split('/').pop()),
      ['scheduled', 'active_maintenance'],
    );
    assert.equal(server.incidents.size, 1);
  });
});

test('a bad --dedup-key is a usage error', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['create-incident', '-t', 'x', '--dedup-key', ' ']), '--dedup-key', 'must not be empty');
    assertUsageError(await run(['create-incident', '-t', 'x', '--dedup-key', 'a\u0007b']), '--dedup-key', 'control');
    assert.deepEqual(server.requests, []);
  });
});
