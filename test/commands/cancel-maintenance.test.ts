import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { lastSegmentCalls as calls, weeklyDb } from '../support/fixtures.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runWithIo, serverEnv } from '../support/run-io.js';

const QUESTION = 'Cancel maintenance "weekly DB" (Thu 2030-01-10 02:00–04:00 CET)? [y/N] ';

/** The CLI with stdin and stderr on a terminal (stdout too), in Berlin, `typed` on stdin. */
function atTerminal(server: FakeStatuspage, args: string[], typed?: string) {
  return runWithIo(args, {
    env: serverEnv(server, { TZ: 'Europe/Berlin', NO_COLOR: '1' }),
    stdinIsTTY: true,
    stderrIsTTY: true,
    stdoutIsTTY: true,
    ...(typed === undefined ? {} : { input: typed }),
  });
}

test('--yes: the maintenance is read, then deleted; one line says what went, with its window in UTC', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const result = await run(['cancel-maintenance', window.id, '--yes']);
    assertOk(result);
    assert.deepEqual(calls(server), [`GET ${window.id}`, `DELETE ${window.id}`]);
    assert.equal(server.requests[1]?.rawBody, '', 'a DELETE has no body');
    assert.equal(result.stdout, `Cancelled maintenance ${window.id} "weekly DB" (2030-01-10 01:00–03:00 UTC)\n`);
    assert.equal(result.stderr, '');
    assert.equal(server.incidents.has(window.id), false);
  });
});

test('-y with -q prints the ID; --json the deleted object as the API returns it', async () => {
  await withServer(async ({ server, run }) => {
    const first = weeklyDb(server);
    const quiet = await run(['cancel_maintenance', '-y', '-q', '--incident', first.id]);
    assertOk(quiet);
    assert.equal(quiet.stdout, `${first.id}\n`);
    const second = weeklyDb(server);
    const expected = JSON.parse(JSON.stringify(second)) as unknown;
    const json = await run(['cancel-maintenance', second.id, '-y', '--json']);
    assertOk(json);
    assert.deepEqual(JSON.parse(json.stdout), expected);
    assert.equal(server.incidents.size, 0);
  });
});

test('without a terminal and without --yes: a usage error naming --yes, and not even the read is sent', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    assertUsageError(
      await run(['cancel-maintenance', window.id]),
      `cancel-maintenance deletes ${window.id} for good and there is no terminal to ask on; confirm with --yes (-y)`,
    );
    // stdin piped, stderr a terminal: nobody can answer.
    const piped = await runWithIo(['cancel-maintenance', window.id], { env: serverEnv(server), stderrIsTTY: true });
    assertUsageError(piped, '--yes');
    assert.deepEqual(server.requests, []);
    assertUsageError(await run(['cancel-maintenance', '-y']), '--incident is required');
  });
});

test('on a terminal it asks on stderr; y or yes deletes it, and the result shows the window in both zones', async () => {
  await withServer(async ({ server }) => {
    for (const answer of ['y\n', 'yes\n', ' YES \r\n']) {
      server.requests.length = 0;
      const window = weeklyDb(server);
      const result = await atTerminal(server, ['cancel-maintenance', window.id], answer);
      assertOk(result);
      assert.equal(result.stderr, QUESTION, JSON.stringify(answer));
      assert.deepEqual(calls(server), [`GET ${window.id}`, `DELETE ${window.id}`]);
      assert.equal(
        result.stdout,
        `Cancelled maintenance ${window.id} "weekly DB" (Thu 2030-01-10 02:00–04:00 CET; 01:00–03:00 UTC)\n`,
      );
    }
  });
});

test('Enter, no, anything else or the end of input declines: nothing is sent, exit 2', async () => {
  await withServer(async ({ server }) => {
    const window = weeklyDb(server);
    for (const answer of ['\n', 'n\n', 'no\n', 'yep\n', 'y e s\n', undefined]) {
      const result = await atTerminal(server, ['cancel-maintenance', window.id], answer);
      assert.equal(result.code, 2, JSON.stringify(answer));
      assert.equal(result.stdout, '');
      const newline = answer === undefined ? '\n' : '';
      assert.equal(
        result.stderr,
        `${QUESTION}${newline}declined; nothing sent: maintenance ${window.id} is still scheduled\n`,
      );
    }
    assert.deepEqual(server.mutations(), []);
    assert.ok(server.incidents.has(window.id));
  });
});

test('--dry-run asks nothing and prints the DELETE; --yes is not needed', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    const tty = await atTerminal(server, ['cancel-maintenance', window.id, '--dry-run']);
    assertOk(tty);
    assert.equal(tty.stderr, '', 'no question');
    const [requestLine, ...headers] = tty.stdout.trimEnd().split('\n');
    assert.equal(requestLine, `DELETE ${server.url}/pages/${server.pageId}/incidents/${window.id}`);
    assert.ok(headers.includes('Authorization: OAuth ***'));
    assert.ok(!headers.includes(''), 'no body');
    const piped = await run(['cancel-maintenance', window.id, '--dry-run', '--json']);
    assertOk(piped);
    assert.equal(JSON.parse(piped.stdout).method, 'DELETE');
    assert.deepEqual(calls(server), [`GET ${window.id}`, `GET ${window.id}`], 'only the reads');
    assert.ok(server.incidents.has(window.id));
  });
});

test('an incident, a window in progress or one completed is refused after the read, pointing at what to do', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({ name: 'Outage', status: 'identified' });
    assertUsageError(
      await run(['cancel-maintenance', incident.id, '-y']),
      `${incident.id} "Outage" is an incident, not a maintenance`,
      `resolve-incident ${incident.id}`,
    );
    for (const status of ['in_progress', 'verifying']) {
      const started = weeklyDb(server, status);
      assertUsageError(
        await run(['cancel-maintenance', started.id, '-y']),
        `maintenance ${started.id} "weekly DB" is already ${status}: a window that has started cannot be cancelled; complete it with resolve-incident ${started.id}`,
      );
    }
    const done = weeklyDb(server, 'completed');
    assertUsageError(
      await run(['cancel-maintenance', done.id, '-y']),
      `maintenance ${done.id} "weekly DB" is already completed; there is nothing to cancel`,
    );
    // On a terminal the refusal comes before the question.
    const asked = await atTerminal(server, ['cancel-maintenance', done.id], 'y\n');
    assertUsageError(asked, 'already completed');
    assert.deepEqual(server.mutations(), []);
  });
});

test('an unknown ID is not found (exit 5) at the read; nothing is deleted', async () => {
  await withServer(async ({ server, run }) => {
    const result = await run(['cancel-maintenance', 'nope00000000', '-y']);
    assert.equal(result.code, 5);
    assert.match(result.stderr, /^error: GET \/pages\/pg0000000001\/incidents\/nope00000000: HTTP 404 Not Found/);
    assert.deepEqual(server.mutations(), []);
  });
});

test('a DELETE whose answer was lost is resent; its 404 is success once a read confirms the window is gone', async () => {
  await withServer(async ({ server, run }) => {
    const lost = weeklyDb(server);
    server.injectFault({
      method: 'DELETE',
      kind: 'fail-after-handling',
      response: { status: 503, headers: { 'retry-after': '0' }, body: { error: 'upstream timeout' } },
    });
    const result = await run(['cancel-maintenance', lost.id, '-y']);
    assertOk(result);
    assert.deepEqual(calls(server), [`GET ${lost.id}`, `DELETE ${lost.id}`, `DELETE ${lost.id}`, `GET ${lost.id}`]);
    assert.deepEqual(
      server.requests.map((r) => r.status),
      [200, 503, 404, 404],
    );
    assert.equal(result.stdout, `Cancelled maintenance ${lost.id} "weekly DB" (2030-01-10 01:00–03:00 UTC)\n`);
    assert.equal(
      result.stderr,
      [
        'HTTP 503 Service Unavailable, retrying in 0 s (1/3)',
        `maintenance ${lost.id} was gone when the DELETE arrived (deleted by an earlier attempt whose answer was lost, or by someone else); it is cancelled`,
        '',
      ].join('\n'),
    );

    // The connection dropped after the delete: the same.
    const dropped = weeklyDb(server);
    server.injectFault({ method: 'DELETE', kind: 'drop', when: 'after-handling' });
    const again = await run(['cancel-maintenance', dropped.id, '-y', '-q']);
    assertOk(again);
    assert.equal(again.stdout, `${dropped.id}\n`);
    assert.equal(server.incidents.size, 0);
  });
});

test('a 404 on the DELETE while the window is still there is reported as the failure it is', async () => {
  await withServer(async ({ server, run }) => {
    const window = weeklyDb(server);
    server.injectFault({
      method: 'DELETE',
      kind: 'respond',
      response: { status: 404, body: { message: 'The requested resource could not be found.' } },
    });
    const result = await run(['cancel-maintenance', window.id, '-y']);
    assert.equal(result.code, 5);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^error: DELETE /pages/pg0000000001/incidents/${window.id}: HTTP 404`));
    assert.deepEqual(calls(server), [`GET ${window.id}`, `DELETE ${window.id}`, `GET ${window.id}`]);
    assert.ok(server.incidents.has(window.id));
  });
});

test('a window that opened now gives its components back when cancelled: one PATCH each, after the DELETE', async () => {
  await withServer(async ({ server, run }) => {
    const scheduled = await run(['schedule-maintenance', '-t', 'Mail now', '-c', 'cmp000000001', '-q']);
    assertOk(scheduled);
    const id = scheduled.stdout.trim();
    const status = () => server.components.find((c) => c.id === 'cmp000000001')?.status;
    assert.equal(status(), 'under_maintenance', 'a window that opens now takes its components at once');
    server.requests.length = 0;
    const result = await run(['cancel-maintenance', id, '--yes']);
    assertOk(result);
    const writes = server.mutations().map((r) => `${r.method} ${r.path.replace(/^.*\//, '')}`);
    assert.deepEqual(writes, [`DELETE ${id}`, 'PATCH cmp000000001']);
    assert.deepEqual(server.mutations()[1]?.body, { component: { status: 'operational' } });
    assert.equal(status(), 'operational');
    assert.equal(result.stderr, 'API: under_maintenance → operational\n');
  });
});

test('cancelling restores a component another open incident still affects to that incident’s status', async () => {
  await withServer(async ({ server, run }) => {
    const outage = await run(['create-incident', '-t', 'API down', '-c', 'cmp000000001=partial_outage', '-q']);
    assertOk(outage);
    // Said outright: a window opening now refuses a component in an outage unless told to take it.
    const scheduled = await run([
      'schedule-maintenance',
      '-t',
      'Fix now',
      '-c',
      'cmp000000001=under_maintenance',
      '-q',
    ]);
    assertOk(scheduled);
    const result = await run(['cancel-maintenance', scheduled.stdout.trim(), '--yes']);
    assertOk(result);
    assert.deepEqual(server.mutations().at(-1)?.body, { component: { status: 'partial_outage' } });
    assert.match(result.stderr, /^API: under_maintenance → partial_outage \(still affected by inc\w+ "API down"\)\n$/);
  });
});

test('--dry-run prints the DELETE and the PATCH it would send, and sends neither', async () => {
  await withServer(async ({ server, run }) => {
    const scheduled = await run(['schedule-maintenance', '-t', 'Mail now', '-c', 'cmp000000001', '-q']);
    const id = scheduled.stdout.trim();
    server.requests.length = 0;
    const result = await run(['cancel-maintenance', id, '--dry-run']);
    assertOk(result);
    assert.deepEqual(server.mutations(), []);
    assert.match(result.stdout, new RegExp(`DELETE .*/incidents/${id}[\\s\\S]*PATCH .*/components/cmp000000001`));
  });
});
