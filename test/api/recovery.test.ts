import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ApiRequest, createIncident, updateIncident, type WriteTrace } from '../../src/api/endpoints.js';
import { CLOCK_MARGIN_MS, creationWindow, look, lookupRequest } from '../../src/api/recovery.js';

const PAGE = 'pg0000000001';
const SENT_AT = Date.parse('2030-01-02T03:04:05Z');
const marker = (id: string) => ({ statuspage_cli: { request_id: id } });

function traceOf(req: ApiRequest<unknown>): WriteTrace {
  assert.ok(req.trace, `${req.method} ${req.path} carries a trace`);
  return req.trace;
}

/** A read that answers every request with `json`, as if the API's clock read `date`. */
function answering(json: unknown, date = new Date().toUTCString()) {
  const seen: string[] = [];
  const read = async <T>(req: ApiRequest<T>): Promise<T> => {
    seen.push(`${req.method} ${req.path}${req.query ? `?${new URLSearchParams(req.query)}` : ''}`);
    return req.parse(json, { date });
  };
  return { read, seen };
}

test('a create is traced by the request ID in its metadata; without one it has no trace', () => {
  const req = createIncident(PAGE, { incident: { name: 'API errors', metadata: marker('r-1') } });
  assert.deepEqual(req.trace, {
    kind: 'create',
    pageId: PAGE,
    name: 'API errors',
    status: 'investigating',
    requestId: 'r-1',
  });
  assert.equal(createIncident(PAGE, { incident: { name: 'x' } }).trace, undefined);
  const window = createIncident(PAGE, {
    incident: { name: 'w', scheduled_for: '2030-01-02T03:04:05Z', metadata: marker('r-2') },
  });
  assert.equal(traceOf(window).kind === 'create' && traceOf(window).status, 'scheduled');
});

test('only an update that posts a message is traced: sending the same fields twice is harmless', () => {
  assert.equal(updateIncident(PAGE, 'inc1', { incident: { status: 'identified' } }).trace, undefined);
  assert.deepEqual(updateIncident(PAGE, 'inc1', { incident: { status: 'resolved', body: 'Fixed.' } }).trace, {
    kind: 'update',
    pageId: PAGE,
    incidentId: 'inc1',
    body: 'Fixed.',
    status: 'resolved',
  });
});

test('the lookup reads the list the new incident would be in, or searches by name', () => {
  const path = (status: string) => {
    const req = lookupRequest({ kind: 'create', pageId: PAGE, name: 'API errors', status, requestId: 'r' });
    return `${req.path}?${new URLSearchParams(req.query)}`;
  };
  assert.equal(path('investigating'), `/pages/${PAGE}/incidents/unresolved?page=1&per_page=100`);
  assert.equal(path('scheduled'), `/pages/${PAGE}/incidents/scheduled?page=1&per_page=100`);
  assert.equal(path('resolved'), `/pages/${PAGE}/incidents?q=API+errors&limit=100`);
});

test('a create is found by its request ID alone, whatever else the list shows', async () => {
  const trace = traceOf(createIncident(PAGE, { incident: { name: 'API errors', metadata: marker('mine') } }));
  const theirs = { id: 'inc1', name: 'API errors', status: 'investigating', metadata: marker('theirs') };
  const mine = { id: 'inc2', name: 'API errors (renamed)', status: 'identified', metadata: marker('mine') };
  const { read } = answering([theirs, mine]);
  const found = await look(read, trace, performance.now());
  assert.equal(found.outcome, 'found');
  assert.equal(found.outcome === 'found' && found.incident.id, 'inc2');
});

test('same-named incidents that are not the create are named; one without a request ID makes it unknown', async () => {
  const trace = traceOf(createIncident(PAGE, { incident: { name: 'API errors', metadata: marker('mine') } }));
  const now = new Date().toISOString();
  const old = {
    id: 'inc1',
    name: 'API errors',
    status: 'investigating',
    created_at: '2020-01-01T00:00:00Z',
    metadata: {},
  };
  const other = { id: 'inc2', name: 'API errors', status: 'investigating', created_at: now, metadata: marker('x') };
  assert.deepEqual(await look(answering([old]).read, trace, performance.now()), {
    outcome: 'absent',
    note: "inc1 'API errors' has the same name but is another incident (created before this command)",
  });
  assert.deepEqual(await look(answering([other, old]).read, trace, performance.now()), {
    outcome: 'absent',
    note: "inc2 'API errors' has the same name but is another incident (made by another command); 1 more with that name",
  });
  const unmarked = { ...other, id: 'inc3', metadata: null };
  const unknown = await look(answering([unmarked]).read, trace, performance.now());
  assert.equal(unknown.outcome, 'unknown');
  assert.deepEqual(await look(answering([]).read, trace, performance.now()), { outcome: 'absent' });
});

test('a posted update is found by its text and status, made since the first attempt by the API clock', async () => {
  const trace = traceOf(updateIncident(PAGE, 'inc1', { incident: { status: 'monitoring', body: 'Fixed.\n' } }));
  const serverNow = Date.now() + 3 * 3_600_000;
  const date = new Date(serverNow).toUTCString();
  const incident = (updates: object[]) => ({ id: 'inc1', name: 'x', status: 'monitoring', incident_updates: updates });
  const at = (ms: number) => new Date(ms).toISOString();
  const update = (body: string, status: string, ms: number) => ({ body, status, created_at: at(ms) });
  const firstSentAt = performance.now() - 2000;
  const outcome = async (updates: object[]) =>
    (await look(answering(incident(updates), date).read, trace, firstSentAt)).outcome;
  assert.equal(await outcome([update('Fixed.', 'monitoring', serverNow - 1000)]), 'found', 'line endings aside');
  assert.equal(await outcome([update('Fixed.', 'identified', serverNow - 1000)]), 'absent', 'another status');
  assert.equal(await outcome([update('Fixed!', 'monitoring', serverNow - 1000)]), 'absent', 'another text');
  assert.equal(await outcome([update('Fixed.', 'monitoring', serverNow - 60_000)]), 'absent', 'posted before');
  assert.equal(await outcome([]), 'absent');
});

test('the window is anchored on the API clock: our clock can be off by hours', () => {
  const serverNow = SENT_AT + 10_000;
  const date = new Date(serverNow).toUTCString();
  for (const ourClockOff of [-3 * 3_600_000, 0, 3 * 3_600_000]) {
    const window = creationWindow(10_000, date, serverNow + ourClockOff);
    assert.equal(window.clock, 'server');
    assert.equal(window.from, SENT_AT - CLOCK_MARGIN_MS);
    assert.equal(window.to, serverNow + 1000 + CLOCK_MARGIN_MS, 'the Date header names whole seconds');
  }
});

test('without a readable Date header our own clock stands in, with the same margin', () => {
  for (const date of [undefined, '', 'not a date']) {
    const window = creationWindow(4000, date, SENT_AT + 4000);
    assert.deepEqual(window, {
      from: SENT_AT - CLOCK_MARGIN_MS,
      to: SENT_AT + 4000 + CLOCK_MARGIN_MS,
      clock: 'local',
    });
  }
});
