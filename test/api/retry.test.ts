import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HttpMethod } from '../../src/api/endpoints.js';
import { ApiError, UnreadableResponseError } from '../../src/api/errors.js';
import { NetworkError, type NetworkFailure } from '../../src/api/network-errors.js';
import { backoffMs, decide, parseRetryAfter, retryDelay } from '../../src/api/retry.js';

const http = (status: number, retryAfter?: string) => new ApiError(status, undefined, 'GET', '/x', retryAfter);
const net = (failure: NetworkFailure) => new NetworkError(`network: ${failure}`, failure);

test('decide: rate limits and unsent requests are retried for every method', () => {
  for (const method of ['GET', 'PATCH', 'PUT', 'DELETE', 'POST'] as HttpMethod[]) {
    assert.equal(decide(method, http(429)), 'retry', `${method} 429`);
    assert.equal(decide(method, http(420)), 'retry', `${method} 420`);
    assert.equal(decide(method, net('refused')), 'retry', `${method} refused`);
    assert.equal(decide(method, net('connect-timeout')), 'retry', `${method} connect-timeout`);
    assert.equal(decide(method, net('dns-temporary')), 'retry', `${method} EAI_AGAIN`);
  }
});

test('decide: idempotent requests also retry 502/503/504 and resets, nothing else', () => {
  for (const method of ['GET', 'PATCH', 'PUT', 'DELETE'] as HttpMethod[]) {
    for (const status of [502, 503, 504]) assert.equal(decide(method, http(status)), 'retry', `${method} ${status}`);
    assert.equal(decide(method, net('reset')), 'retry');
    for (const status of [400, 401, 403, 404, 409, 422, 500])
      assert.equal(decide(method, http(status)), 'fail', `${method} ${status}`);
    for (const failure of ['dns', 'tls', 'timeout', 'other'] as NetworkFailure[]) {
      assert.equal(decide(method, net(failure)), 'fail', `${method} ${failure}`);
    }
    assert.equal(decide(method, new UnreadableResponseError({ method, path: '/x' }, 200, 'not JSON')), 'fail');
  }
});

test('decide: a create with an unknown outcome is checked, and resent only when its handling is over', () => {
  for (const status of [500, 502, 503, 504])
    assert.equal(decide('POST', http(status)), 'check-then-retry', `POST ${status}`);
  assert.equal(decide('POST', net('reset')), 'check-then-retry');
  assert.equal(decide('POST', net('timeout')), 'check');
  assert.equal(decide('POST', new UnreadableResponseError({ method: 'POST', path: '/x' }, 201, 'not JSON')), 'check');
  for (const status of [400, 401, 404, 422]) assert.equal(decide('POST', http(status)), 'fail');
  assert.equal(decide('POST', net('tls')), 'fail');
  assert.equal(decide('POST', new Error('bug')), 'fail');
});

test('parseRetryAfter reads delta-seconds and HTTP dates', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('1', now), 1000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('2.5', now), 2500);
  assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:00:03 GMT', now), 3000);
  assert.equal(parseRetryAfter('Mon, 31 Dec 2029 23:59:00 GMT', now), 0, 'a date in the past means now');
  assert.equal(parseRetryAfter(undefined, now), undefined);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter('-1', now), undefined);
  assert.equal(parseRetryAfter('1 2', now), undefined);
});

test('backoff doubles from 1 s with ±25 % jitter and is capped', () => {
  assert.equal(backoffMs(1, 0), 750);
  assert.equal(backoffMs(1, 0.5), 1000);
  assert.equal(backoffMs(1, 1), 1250);
  assert.equal(backoffMs(2, 0.5), 2000);
  assert.equal(backoffMs(3, 0.5), 4000);
  assert.equal(backoffMs(20, 1), 37_500);
  assert.ok(backoffMs(20, 0) >= 22_500);
});

test('retryDelay prefers the server’s Retry-After over backoff', () => {
  const now = Date.now();
  assert.deepEqual(retryDelay(http(429, '2'), 1, now, 0.5), { ms: 2000, source: 'retry-after' });
  assert.deepEqual(retryDelay(http(429), 2, now, 0.5), { ms: 2000, source: 'backoff' });
  assert.deepEqual(retryDelay(http(503, 'garbage'), 1, now, 0.5), { ms: 1000, source: 'backoff' });
  assert.deepEqual(retryDelay(net('refused'), 1, now, 0), { ms: 750, source: 'backoff' });
});
