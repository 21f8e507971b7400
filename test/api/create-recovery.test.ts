import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOCK_SKEW_MS, findCreatedIncident, isCreatedIncident, lookupRequest } from '../../src/api/create-recovery.js';
import type { ApiRequest, CreatedIncidentHint } from '../../src/api/endpoints.js';
import type { Incident } from '../../src/api/schemas.js';

const hint = (status: string): CreatedIncidentHint => ({ pageId: 'pg0000000001', name: 'API errors', status });
const incident = (id: string, name: string, createdAt: number): Incident => ({
  id,
  name,
  status: 'investigating',
  created_at: new Date(createdAt).toISOString(),
});

test('the lookup reads the list the new incident would be in', () => {
  const path = (status: string) => {
    const req = lookupRequest(hint(status));
    return `${req.method} ${req.path}?${new URLSearchParams(req.query).toString()}`;
  };
  assert.equal(path('investigating'), 'GET /pages/pg0000000001/incidents/unresolved?page=1&per_page=100');
  assert.equal(path('monitoring'), 'GET /pages/pg0000000001/incidents/unresolved?page=1&per_page=100');
  assert.equal(path('scheduled'), 'GET /pages/pg0000000001/incidents/scheduled?page=1&per_page=100');
  assert.equal(path('resolved'), 'GET /pages/pg0000000001/incidents?q=API+errors&limit=100');
});

test('an incident matches by name and by a creation time since the first attempt, give or take clock skew', () => {
  const sentAt = Date.parse('2030-01-01T12:00:00Z');
  const now = sentAt + 10_000;
  const h = hint('investigating');
  assert.ok(isCreatedIncident(incident('a', 'API errors', sentAt + 500), h, sentAt, now));
  assert.ok(isCreatedIncident(incident('a', ' API errors ', sentAt - CLOCK_SKEW_MS + 1000), h, sentAt, now));
  assert.ok(!isCreatedIncident(incident('a', 'API errors', sentAt - CLOCK_SKEW_MS - 1000), h, sentAt, now), 'too old');
  assert.ok(
    !isCreatedIncident(incident('a', 'API errors', now + CLOCK_SKEW_MS + 1000), h, sentAt, now),
    'from the future',
  );
  assert.ok(!isCreatedIncident(incident('a', 'API Errors', sentAt), h, sentAt, now), 'another name');
  assert.ok(
    !isCreatedIncident({ id: 'a', name: 'API errors', status: 'investigating', created_at: null }, h, sentAt, now),
  );
});

test('findCreatedIncident returns the newest match, or undefined', async () => {
  const sentAt = Date.now() - 5000;
  const list = [
    incident('old', 'API errors', sentAt - 10 * 60_000),
    incident('one', 'API errors', sentAt + 100),
    incident('two', 'API errors', sentAt + 200),
    incident('other', 'Database', sentAt + 300),
  ];
  const read = async <T>(req: ApiRequest<T>): Promise<T> => req.parse(list);
  assert.equal((await findCreatedIncident(read, hint('investigating'), sentAt))?.id, 'two');
  const none = async <T>(req: ApiRequest<T>): Promise<T> => req.parse([list[0]]);
  assert.equal(await findCreatedIncident(none, hint('investigating'), sentAt), undefined);
});
