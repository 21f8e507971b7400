// --notify / --no-notify on every command that posts an update map to deliver_notifications.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';

test('--notify and --no-notify set deliver_notifications on all four commands; without them the API default stands', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Open' });
    const commands = [
      ['create-incident', '-t', 'x'],
      ['update-incident', incident.id, '-m', 'Still on it.'],
      ['schedule-maintenance', '-t', 'x'],
      // -e and -c: the incident is not read, so each run sends its PATCH although it is resolved.
      ['resolve-incident', incident.id, '-e', 'incident', '-c', 'cmp000000001'],
    ];
    const sent = async (args: string[]) => {
      assertOk(await run(args));
      const body = server.mutations().at(-1)?.body as { incident: { deliver_notifications?: boolean } } | undefined;
      assert.ok(body, `no request for ${args.join(' ')}`);
      return body.incident.deliver_notifications;
    };
    for (const args of commands) {
      assert.equal(await sent([...args, '--no-notify']), false, args[0]);
      assert.equal(await sent([...args, '--notify']), true, args[0]);
      // schedule-maintenance states its default (true) explicitly; the others leave it to the API.
      assert.equal(await sent(args), args[0] === 'schedule-maintenance' ? true : undefined, args[0]);
    }
  });
});
