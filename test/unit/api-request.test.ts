// The pure parts of `statuspage api`: the path, and the fields as a body or a query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKey } from '../../src/commands/api/fields.js';
import { apiPath, fieldsAsBody, fieldsAsQuery } from '../../src/commands/api/request.js';

test('api paths: {page} filled and encoded, a query kept, segments encoded once', () => {
  assert.deepEqual(apiPath('pages/{page}/subscribers?state=all', 'pg1'), {
    path: '/pages/pg1/subscribers',
    query: { state: 'all' },
  });
  assert.equal(apiPath('/pages/{page_id}/components/a b', 'pg1').path, '/pages/pg1/components/a%20b');
  assert.equal(apiPath('/pages/{page_id}/components/a%20b', 'pg1').path, '/pages/pg1/components/a%20b');
  assert.throws(() => apiPath('/pages/x?a=1&a=2', undefined), /'a' twice/);
});

test('api fields: nesting, lists, __proto__ as a plain key, and GET query names as typed', () => {
  const field = (key: string, value: string | number | boolean | null) => ({
    key,
    path: parseKey(key, '-f'),
    value,
    flag: '-f',
  });
  const body = fieldsAsBody([
    field('a[b][c]', 'x'),
    field('a[list][]', 1),
    field('a[list][]', 2),
    field('__proto__', 'p'),
  ]);
  assert.equal(JSON.stringify(body), '{"a":{"b":{"c":"x"},"list":[1,2]},"__proto__":"p"}');
  assert.equal(Object.getPrototypeOf({}).p, undefined, 'nothing polluted');
  assert.deepEqual(fieldsAsQuery([field('q', 'x'), field('n', null), field('b', true)], { state: 'all' }), {
    state: 'all',
    q: 'x',
    n: '',
    b: 'true',
  });
  assert.throws(() => parseKey('a[b', '-f'), /a key is a name/);
});
