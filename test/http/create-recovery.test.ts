// A create (POST) is never duplicated: an unconfirmed create is looked for before it is resent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FakeIncident } from '../support/fake-statuspage.js';
import { assertOk } from '../support/harness.js';
import { withLeakCheckedServer } from '../support/no-leak.js';

const CREATE = [
  'create-incident',
  '-t',
  'Checkout failing',
  '-s',
  'investigating',
  '-c',
  'cmp000000001',
  '-m',
  'Looking.',
];

// The tests below mostly wait (on deadlines, retries, lagging lists): they run side by side.
describe('unconfirmed creates', { concurrency: true }, () => {
  test('a create whose connection drops after the incident was stored is recovered, not repeated', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.injectFault({ method: 'POST', kind: 'drop', when: 'after-handling' });
      const result = await run([...CREATE, '-q', '--verbose']);
      assertOk(result);
      assert.equal(server.incidents.size, 1, 'exactly one incident');
      const [id] = server.incidents.keys();
      assert.equal(result.stdout, `${id}\n`);
      assert.deepEqual(
        server.requests.map((r) => `${r.method} ${r.path}`),
        [`POST /v1/pages/${server.pageId}/incidents`, `GET /v1/pages/${server.pageId}/incidents/unresolved`],
      );
      assert.match(
        result.stderr,
        /^connection to 127\.0\.0\.1:\d+ was closed before a complete response: the create was not confirmed; checking whether the incident exists$/m,
      );
      assert.match(
        result.stderr,
        new RegExp(
          `^recovered: incident ${id} 'Checkout failing' was created at \\S+ although the API did not confirm it; not creating it again$`,
          'm',
        ),
      );
      assert.doesNotMatch(result.stderr, /^error:/m);
    });
  });

  test('a maintenance whose response is cut off halfway is recovered from the scheduled list', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.injectFault({ method: 'POST', kind: 'drop', when: 'mid-response' });
      const result = await run([
        'schedule-maintenance',
        '-t',
        'DB upgrade',
        '-c',
        'cmp000000003',
        '--scheduled',
        '2030-01-02T03:00:00Z',
        '--duration',
        '1h',
      ]);
      assertOk(result);
      assert.equal(server.incidents.size, 1);
      const [id] = server.incidents.keys();
      assert.match(result.stdout, new RegExp(`^Scheduled maintenance:\\nMaintenance ID: ${id}\\n`));
      assert.deepEqual(
        server.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`),
        ['POST incidents', 'GET scheduled'],
      );
      assert.match(result.stderr, /^recovered: incident \w+ 'DB upgrade' was created/m);
    });
  });

  test('a create answered 500 without storing is sent once more: exactly one incident', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.failNext({ status: 500, body: { error: 'Internal Server Error' } });
      // A shorter --timeout shortens the window the create is looked for in (half the time left).
      const result = await run([...CREATE, '--json', '--timeout', '6']);
      assertOk(result);
      assert.equal(server.incidents.size, 1);
      assert.equal(JSON.parse(result.stdout).id, [...server.incidents.keys()][0]);
      const sent = server.requests.map((r) => `${r.method} ${r.path.split('/').pop()} ${r.status}`);
      assert.equal(sent[0], 'POST incidents 500');
      assert.equal(sent.at(-1), 'POST incidents 201');
      const looks = sent.slice(1, -1);
      assert.ok(looks.length >= 2, 'looked more than once: lists can lag');
      assert.ok(looks.every((l) => l === 'GET unresolved 200'));
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(
        lines[0],
        'HTTP 500 Internal Server Error: the create was not confirmed; checking whether the incident exists',
      );
      assert.match(
        lines[1] ?? '',
        /^not there yet; looking again for up to 2\.\d s, as the API's lists can lag behind its writes$/,
      );
      assert.equal(lines[2], 'the incident is not on the page');
      assert.match(lines[3] ?? '', /^HTTP 500 Internal Server Error, retrying in \S+ s \(1\/3\)$/);
      assert.equal(lines.length, 4);
    });
  });

  test('a create that fails twice with unknown outcome is not sent a third time (exit 1, no incident)', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.injectFault(
        { method: 'POST', kind: 'respond', response: { status: 502, body: { error: 'Bad Gateway' } } },
        3,
      );
      const result = await run([...CREATE, '--timeout', '8']);
      assert.equal(result.code, 1);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 2);
      assert.equal(server.incidents.size, 0);
      assert.match(
        result.stderr,
        /\nerror: POST \/pages\/pg0000000001\/incidents: HTTP 502 Bad Gateway: Bad Gateway; the incident was not created; it was already sent twice, so it is not sent again\n$/,
      );
    });
  });

  test('a create with no answer before --timeout is looked for, never resent, and the user told to check', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.injectFault({ method: 'POST', kind: 'delay', ms: 15_000 });
      const result = await run([...CREATE, '--timeout', '3']);
      assert.equal(result.code, 7, result.stderr);
      // Bounded by --timeout; the margin is for a busy machine (failures.test.ts holds the strict bound).
      const sinceRequest = Date.now() - server.requests[0]!.receivedAt;
      assert.ok(sinceRequest < 5000, `exited ${sinceRequest} ms after its request arrived`);
      assert.deepEqual(
        server.requests.map((r) => `${r.method} ${r.path.split('/').pop()}`),
        ['POST incidents', 'GET unresolved'],
      );
      assert.match(result.stderr, /^the incident is not on the page$/m);
      assert.match(
        result.stderr,
        /\nerror: no response from 127\.0\.0\.1:\d+ after \S+ s; the incident is not on the page yet, but the API may still create it: check the page before running the command again\n$/,
      );
    });
  });

  test('a create dropped before the server handled it is checked, then sent once more', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.injectFault({ method: 'POST', kind: 'drop', when: 'before-handling' });
      const result = await run([...CREATE, '-q', '--timeout', '6']);
      assertOk(result);
      assert.equal(server.incidents.size, 1);
      const methods = server.requests.map((r) => r.method);
      assert.deepEqual([methods[0], methods[1], methods.at(-1)], ['POST', 'GET', 'POST']);
      assert.equal(methods.filter((m) => m === 'POST').length, 2);
    });
  });

  /** Moves an incident the fake stored, and its first update, `ms` into the past. */
  function backdate(incident: FakeIncident, ms: number): void {
    const at = new Date(Date.parse(incident.created_at) - ms).toISOString();
    incident.created_at = at;
    incident.updated_at = at;
    for (const update of incident.incident_updates) Object.assign(update, { created_at: at, display_at: at });
  }

  test("a failed create does not 'recover' a teammate's incident of the same name: it is sent again", async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      assertOk(await run(['create-incident', '-t', 'Checkout errors', '-m', "teammate's message", '-q']));
      const [theirs] = [...server.incidents.values()] as FakeIncident[];
      backdate(theirs!, 5000);
      server.injectFault({
        method: 'POST',
        kind: 'respond',
        response: { status: 502, body: { error: 'Bad Gateway' } },
      });
      const mine = ['create-incident', '-t', 'Checkout errors', '-c', 'Database', '-i', 'critical'];
      const result = await run([...mine, '-m', 'my message with details', '--json', '--timeout', '6']);
      assertOk(result);
      assert.doesNotMatch(result.stderr, /recovered/);
      assert.match(
        result.stderr,
        new RegExp(
          `^the incident is not on the page; ${theirs!.id} 'Checkout errors' has the same name but is another incident \\(created before this command\\)$`,
          'm',
        ),
      );
      const sent = server.requests.map((r) => `${r.method} ${r.path.split('/').pop()} ${r.status}`);
      assert.deepEqual(sent.slice(0, 4), [
        'POST incidents 201',
        'GET components 200',
        'POST incidents 502',
        'GET unresolved 200',
      ]);
      assert.equal(sent.at(-1), 'POST incidents 201');
      assert.equal(sent.filter((r) => r.startsWith('POST')).length, 3, 'theirs, mine refused, mine again');
      assert.equal(server.incidents.size, 2);
      const created = JSON.parse(result.stdout) as FakeIncident;
      assert.notEqual(created.id, theirs!.id);
      const stored = server.incidents.get(created.id) as FakeIncident;
      assert.equal(stored.incident_updates[0]?.body, 'my message with details');
      assert.equal(stored.impact_override, 'critical');
      assert.deepEqual(
        stored.components.map((c) => [c.name, c.status]),
        [['Database', 'major_outage']],
      );
    });
  });

  test('an identical incident made before this command is not taken for its create either', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      assertOk(await run(CREATE));
      const [earlier] = [...server.incidents.values()] as FakeIncident[];
      backdate(earlier!, 5000);
      server.injectFault({
        method: 'POST',
        kind: 'respond',
        response: { status: 503, body: { error: 'Unavailable' } },
      });
      const result = await run([...CREATE, '-q', '--timeout', '6']);
      assertOk(result);
      assert.equal(server.incidents.size, 2);
      assert.notEqual(result.stdout.trim(), earlier!.id);
      assert.ok(server.incidents.has(result.stdout.trim()));
      assert.match(
        result.stderr,
        new RegExp(
          `^the incident is not on the page; ${earlier!.id} 'Checkout failing' has the same name but is another incident \\(created before this command\\)$`,
          'm',
        ),
      );
    });
  });

  for (const [how, offset] of [
    ['behind', -10 * 60_000],
    ['ahead of', 10 * 60_000],
  ] as const) {
    test(`with the API's clock 10 minutes ${how} ours, an unconfirmed create is still recovered`, async () => {
      await withLeakCheckedServer(
        async ({ server, run }) => {
          server.injectFault({ method: 'POST', kind: 'drop', when: 'after-handling' });
          const result = await run([...CREATE, '-q']);
          assertOk(result);
          assert.equal(server.incidents.size, 1, 'not sent again');
          assert.equal(result.stdout, `${[...server.incidents.keys()][0]}\n`);
          assert.match(result.stderr, /^recovered: incident \w+ 'Checkout failing' was created at \S+/m);
        },
        { clockOffsetMs: offset },
      );
    });
  }

  test('a create the API stored, answered 500 for, and shows in its lists only 3 s later makes one incident', async () => {
    await withLeakCheckedServer(
      async ({ server, run }) => {
        server.injectFault({
          method: 'POST',
          kind: 'fail-after-handling',
          response: { status: 500, body: { error: 'boom' } },
        });
        const result = await run([...CREATE, '-q']);
        assertOk(result);
        assert.equal(server.incidents.size, 1, 'not sent again');
        const [incident] = [...server.incidents.values()] as FakeIncident[];
        assert.equal(result.stdout, `${incident!.id}\n`);
        assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
        assert.ok(server.requests.filter((r) => r.method === 'GET').length >= 2, 'looked again while the list lagged');
        assert.match(
          result.stderr,
          /^not there yet; looking again for up to 10 s, as the API's lists can lag behind its writes$/m,
        );
        assert.match(
          result.stderr,
          new RegExp(`^recovered: incident ${incident!.id} 'Checkout failing' was created`, 'm'),
        );
        const marker = (incident!.metadata as { statuspage_cli?: { request_id?: string } }).statuspage_cli;
        assert.equal(marker?.request_id, (server.requests[0]!.body as any).incident.metadata.statuspage_cli.request_id);
      },
      { listLagMs: 3000 },
    );
  });

  test('a same-named incident without a request ID, made meanwhile, is not taken for ours, nor is ours resent (exit 7)', async () => {
    await withLeakCheckedServer(async ({ server, run }) => {
      server.failNext({ status: 500, body: { error: 'boom' } });
      const pending = run([...CREATE, '--timeout', '6']);
      // Someone opens the same incident by hand (no metadata) while the CLI is looking.
      await new Promise((resolve) => setTimeout(resolve, 300));
      server.addIncident({ name: 'Checkout failing', status: 'investigating' });
      const result = await pending;
      assert.equal(result.code, 7, result.stderr);
      assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
      assert.match(
        result.stderr,
        /whether the create was applied is unknown \(inc\d+ 'Checkout failing' was created since this command started but carries no request ID/,
      );
    });
  });
});
