import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestOperations, findOperation, methodsFor } from '../../src/api/operation-match.js';
import { OPERATIONS } from '../../src/api/operations.js';

const found = (method: string, path: string) => {
  const match = findOperation(method, path);
  return match && `${match.operation.method} ${match.operation.path}`;
};
const listed = (method: string, path: string, n?: number) =>
  closestOperations(method, path, n).map((o) => `${o.method} ${o.path}`);

test('findOperation: a literal segment wins over a {param} in the same place', () => {
  for (const list of ['unresolved', 'upcoming', 'scheduled', 'active_maintenance']) {
    assert.equal(found('GET', `/pages/abc123/incidents/${list}`), `GET /pages/{page_id}/incidents/${list}`);
  }
  assert.equal(found('GET', '/pages/abc123/incidents/xyz789'), 'GET /pages/{page_id}/incidents/{incident_id}');
  assert.equal(found('GET', '/pages/abc123/subscribers/count'), 'GET /pages/{page_id}/subscribers/count');
  assert.equal(found('GET', '/pages/abc123/subscribers/s1'), 'GET /pages/{page_id}/subscribers/{subscriber_id}');
  assert.equal(found('POST', '/pages/abc123/metrics/data'), 'POST /pages/{page_id}/metrics/data');
  assert.equal(found('POST', '/pages/abc123/metrics/m1/data'), 'POST /pages/{page_id}/metrics/{metric_id}/data');
});

test('findOperation: the path picks the template first, so a literal path keeps its own methods', () => {
  // DELETE exists for {incident_id}, but "unresolved" names the list, which only has GET.
  assert.equal(findOperation('DELETE', '/pages/abc123/incidents/unresolved'), undefined);
  assert.deepEqual(methodsFor('/pages/abc123/incidents/unresolved'), ['GET']);
  assert.equal(findOperation('GET', '/pages/abc123/metrics/data'), undefined);
  assert.deepEqual(methodsFor('/pages/abc123/metrics/data'), ['POST']);
});

test('findOperation: leading slash optional; trailing slash, query string and fragment ignored', () => {
  const want = 'GET /pages/{page_id}/incidents/{incident_id}';
  for (const path of [
    '/pages/abc123/incidents/xyz789',
    'pages/abc123/incidents/xyz789',
    '/pages/abc123/incidents/xyz789/',
    'pages/abc123/incidents/xyz789/',
    '/pages/abc123/incidents/xyz789?page=2&per_page=100',
    '/pages/abc123/incidents/xyz789/?q=a/b',
    '/pages/abc123/incidents/xyz789#top',
  ]) {
    assert.equal(found('GET', path), want, path);
  }
  assert.equal(found('GET', '/pages?x=1'), 'GET /pages');
  assert.equal(found('GET', 'pages/'), 'GET /pages');
});

test('findOperation: the method in any case; params as written; a {param} needs a non-empty segment', () => {
  assert.deepEqual(findOperation('patch', '/pages/p%2F1/incidents/i1'), {
    operation: OPERATIONS.find((o) => o.method === 'PATCH' && o.path === '/pages/{page_id}/incidents/{incident_id}'),
    params: { page_id: 'p%2F1', incident_id: 'i1' },
  });
  assert.equal(findOperation('GET', '/pages//incidents'), undefined);
  assert.equal(findOperation('GET', '/pages/abc123/incidents/xyz789/extra'), undefined);
  assert.equal(findOperation('GET', '/Pages'), undefined);
  assert.equal(findOperation('GET', ''), undefined);
  assert.equal(findOperation('GET', '/'), undefined);
  assert.equal(findOperation('FETCH', '/pages'), undefined);
});

test('findOperation: every operation is reachable through its own template', () => {
  for (const operation of OPERATIONS) {
    const path = operation.path.replace(/\{[^}]+\}/g, 'k3x9q2m7w1z8');
    assert.equal(findOperation(operation.method, path)?.operation, operation, `${operation.method} ${path}`);
  }
});

test('methodsFor: the methods of the path, sorted; none for an unknown path', () => {
  assert.deepEqual(methodsFor('/pages/abc123/incidents/xyz789'), ['DELETE', 'GET', 'PATCH', 'PUT']);
  assert.deepEqual(methodsFor('pages/abc123/incidents/?limit=5'), ['GET', 'POST']);
  assert.deepEqual(methodsFor('/pages/abc123/incidnets'), []);
});

test('closestOperations: a known path under the wrong method suggests the methods it allows', () => {
  assert.deepEqual(listed('POST', '/pages/abc123/incidents/xyz789'), [
    'DELETE /pages/{page_id}/incidents/{incident_id}',
    'GET /pages/{page_id}/incidents/{incident_id}',
    'PATCH /pages/{page_id}/incidents/{incident_id}',
    'PUT /pages/{page_id}/incidents/{incident_id}',
  ]);
  assert.deepEqual(listed('DELETE', '/pages/abc123/incidents/unresolved'), [
    'GET /pages/{page_id}/incidents/unresolved',
  ]);
  // A known operation comes first, before the path's other methods.
  assert.deepEqual(listed('post', '/pages/abc123/incidents'), [
    'POST /pages/{page_id}/incidents',
    'GET /pages/{page_id}/incidents',
  ]);
});

test('closestOperations: an unknown path gets the nearest paths, under the method asked for where they have it', () => {
  assert.deepEqual(listed('GET', '/pages/abc123/incidnets')[0], 'GET /pages/{page_id}/incidents');
  assert.deepEqual(listed('GET', '/pages/abc123/incident/xyz789')[0], 'GET /pages/{page_id}/incidents/{incident_id}');
  assert.deepEqual(
    listed('DELETE', '/pages/abc123/incidnets/xyz789')[0],
    'DELETE /pages/{page_id}/incidents/{incident_id}',
  );
  assert.deepEqual(listed('GET', '/pages/abc123/componets'), [
    'GET /pages/{page_id}/components',
    'GET /pages/{page_id}/component-groups',
    'GET /pages/{page_id}/components/{component_id}',
  ]);
  assert.equal(
    listed('GET', '/page/abc123/components/c1/uptime')[0],
    'GET /pages/{page_id}/components/{component_id}/uptime',
  );
  assert.equal(listed('GET', '/v1/pages/abc123/components')[0], 'GET /pages/{page_id}/components');
  // A forgotten /pages/{page_id} prefix: the segment that is there still counts.
  assert.equal(listed('GET', '/incidents')[0], 'GET /pages/{page_id}/incidents');
  assert.equal(listed('GET', '/users')[0], 'GET /organizations/{organization_id}/users');
  assert.equal(
    listed('PATCH', '/pages/abc123/incidents/xyz789/incident_updates')[0],
    'PATCH /pages/{page_id}/incidents/{incident_id}/incident_updates/{incident_update_id}',
  );
  // No GET on the nearest path: its operation under the method asked for.
  assert.equal(listed('POST', '/pages/abc123/metric/data')[0], 'POST /pages/{page_id}/metrics/data');
});

test('closestOperations: n operations, one per path', () => {
  assert.equal(listed('GET', '/nothing/like/it').length, 3);
  assert.equal(listed('GET', '/nothing/like/it', 5).length, 5);
  assert.deepEqual(listed('GET', '/nothing/like/it', 0), []);
  const paths = closestOperations('GET', '/pages/abc123/x', 20).map((o) => o.path);
  assert.equal(new Set(paths).size, 20);
});
