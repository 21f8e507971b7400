// Ctrl-C while a write is in flight: the API may act on it anyway, so one line says what was in
// flight and how to check, before a re-run duplicates it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withServer } from '../support/harness.js';

async function untilRequest(server: { requests: unknown[] }, count: number): Promise<void> {
  for (let i = 0; i < 200 && server.requests.length < count; i++) await sleep(25);
  assert.ok(server.requests.length >= count, 'the request reached the server');
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} during a slow create prints what was in flight and exits ${code}`, {
    skip: process.platform === 'win32',
  }, async () => {
    await withServer(async ({ server, start }) => {
      server.injectFault({ method: 'POST', kind: 'delay', ms: 10_000 });
      const cli = start(['create-incident', '-t', 'Slow', '-q']);
      await untilRequest(server, 1);
      cli.child.kill(signal);
      const result = await cli.done;
      assert.equal(result.code, code);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, 'interrupted after the create was sent; it may exist: statuspage list-incidents\n');
    });
  });
}

test('SIGINT during an update names the incident; SIGINT while only reading says nothing', {
  skip: process.platform === 'win32',
}, async () => {
  await withServer(async ({ server, start }) => {
    const incident = server.addIncident({ name: 'Open' });
    server.injectFault({ method: 'PATCH', kind: 'delay', ms: 10_000 });
    const update = start(['update-incident', incident.id, '-m', 'x']);
    await untilRequest(server, 1);
    update.child.kill('SIGINT');
    const updated = await update.done;
    assert.equal(updated.code, 130);
    assert.equal(
      updated.stderr,
      `interrupted after the update to ${incident.id} was sent; it may have been applied: statuspage list-incidents\n`,
    );

    server.requests.length = 0;
    server.injectFault({ method: 'GET', kind: 'delay', ms: 10_000 });
    const list = start(['list-incidents']);
    await untilRequest(server, 1);
    list.child.kill('SIGINT');
    const listed = await list.done;
    assert.equal(listed.code, 130);
    assert.equal(listed.stderr, '');
  });
});
