// --notify / --no-notify on every command that posts an update map to deliver_notifications.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';

test('--notify and --no-notify set deliver_notifications on all four commands; without them the API default stands', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Open' });
    const commands: Array<() => string[]> = [
      () => ['create-incident', '-t', 'x'],
      () => ['update-incident', incident.id, '-m', 'Still on it.'],
      () => ['schedule-maintenance', '-t', 'x'],
      // A resolved incident is not resolved again: each run resolves a fresh one.
      () => ['resolve-incident', server.addIncident({ name: 'Open' }).id],
    ];
    const sent = async (args: string[]) => {
      assertOk(await run(args));
      const body = server.mutations().at(-1)?.body as { incident: { deliver_notifications?: boolean } } | undefined;
      assert.ok(body, `no request for ${args.join(' ')}`);
      return body.incident.deliver_notifications;
    };
    for (const args of commands) {
      const name = args()[0];
      assert.equal(await sent([...args(), '--no-notify']), false, name);
      assert.equal(await sent([...args(), '--notify']), true, name);
      // schedule-maintenance states its default (true) explicitly; the others leave it to the API.
      assert.equal(await sent(args()), name === 'schedule-maintenance' ? true : undefined, name);
    }
  });
});
