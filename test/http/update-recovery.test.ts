// An update that posts a message is broadcast like a create: after an ambiguous failure it is
// looked for on the incident, and posted again only if it is not there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeIncident } from '../support/fake-statuspage.js';
import { assertOk } from '../support/harness.js';
import { withLeakCheckedServer } from '../support/no-leak.js';

const posted = (incident: FakeIncident | undefined, body: string) =>
  incident?.incident_updates.filter((u) => u.body === body).length;

for (const [how, fault] of [
  ['the connection drops after the update was applied', { kind: 'drop', when: 'after-handling' }],
  ['the API answers 500 after applying it', { kind: 'fail-after-handling', response: { status: 500, body: {} } }],
] as const) {
  test(`a PATCH with a message is posted once when ${how}`, async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      const incident = server.addIncident({ name: 'Checkout errors' });
      server.injectFault({ method: 'PATCH', ...fault });
      const result = await run(['update-incident', incident.id, '-s', 'monitoring', '-m', 'Fixed.', '-q']);
      assertOk(result);
      assert.equal(result.stdout, `${incident.id}\n`);
      assert.equal(posted(server.incidents.get(incident.id) as FakeIncident, 'Fixed.'), 1, 'subscribers get it once');
      assert.deepEqual(
        server.requests.map((r) => r.method),
        ['PATCH', 'GET'],
      );
      assert.match(result.stderr, /the update was not confirmed; checking whether the update was posted\n/);
      assert.match(
        result.stderr,
        new RegExp(
          `^recovered: the update to incident ${incident.id} was posted at \\S+ although the API did not confirm it; not posting it again$`,
          'm',
        ),
      );
    });
  });
}

test('resolve-incident -m under a dropped connection after the apply closes it once', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const id = (await run(['create-incident', '-t', 'Down', '-c', 'API', '-q'])).stdout.trim();
    server.injectFault({ method: 'PATCH', kind: 'drop', when: 'after-handling' });
    const result = await run(['resolve-incident', id, '-m', 'All good.']);
    assertOk(result);
    assert.equal(posted(server.incidents.get(id) as FakeIncident, 'All good.'), 1);
    assert.match(result.stdout, /^Resolved incident:\n/);
    assert.equal(server.mutations().filter((r) => r.method === 'PATCH').length, 1);
  });
});

test('a PATCH with a message that the API did not apply is sent once more', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Checkout errors' });
    server.injectFault({ method: 'PATCH', kind: 'drop', when: 'before-handling' });
    const result = await run(['update-incident', incident.id, '-m', 'Still looking.', '-q']);
    assertOk(result);
    assert.deepEqual(
      server.requests.map((r) => r.method),
      ['PATCH', 'GET', 'PATCH'],
    );
    assert.equal(posted(server.incidents.get(incident.id) as FakeIncident, 'Still looking.'), 1);
  });
});

test('a PATCH with a message whose outcome cannot be checked is not resent: exit 7', async () => {
  await withLeakCheckedServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Checkout errors' });
    server.injectFault({ method: 'PATCH', kind: 'fail-after-handling', response: { status: 500, body: {} } });
    server.injectFault({ method: 'GET', kind: 'respond', response: { status: 403, body: { error: 'Forbidden' } } });
    const result = await run(['update-incident', incident.id, '-m', 'Hmm.', '-q']);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(server.requests.filter((r) => r.method === 'PATCH').length, 1);
    assert.match(result.stderr, /whether the update was applied is unknown \(the check failed: .*403/);
  });
});
