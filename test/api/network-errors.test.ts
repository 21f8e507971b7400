import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkError } from '../../src/api/network-errors.js';
import { ExitCode } from '../../src/errors.js';

const coded = (code: string, message = code, cause?: unknown) => Object.assign(new Error(message, { cause }), { code });

test('a DNS failure names the host and the lookup error, not a stack', () => {
  const error = networkError(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.test'), 'api.example.test');
  assert.equal(error.failure, 'dns');
  assert.equal(error.exitCode, ExitCode.network);
  assert.equal(
    error.message,
    'cannot resolve api.example.test (DNS lookup failed: ENOTFOUND); check the network or STATUSPAGE_API_URL',
  );
  assert.equal(networkError(coded('EAI_AGAIN'), 'h').failure, 'dns-temporary');
});

test('undici’s generic socket error is a reset unless a more specific cause is known', () => {
  assert.equal(networkError(coded('UND_ERR_SOCKET', 'other side closed'), 'h').failure, 'reset');
  const refused = coded('UND_ERR_SOCKET', 'socket', coded('ECONNREFUSED'));
  assert.equal(networkError(refused, 'h').failure, 'refused');
  assert.equal(networkError(refused, 'h').message, 'connection to h refused');
  assert.equal(networkError(coded('UND_ERR_CONNECT_TIMEOUT'), 'h').failure, 'connect-timeout');
});

test('a TLS failure names the reason and suggests --ignore-ssl only as a last resort', () => {
  const error = networkError(
    new Error('fetch failed', { cause: coded('CERT_HAS_EXPIRED', 'certificate has expired') }),
    'h',
  );
  assert.equal(error.failure, 'tls');
  assert.match(error.message, /^TLS certificate of h was rejected \(CERT_HAS_EXPIRED: certificate has expired\)/);
  assert.match(error.message, /NODE_EXTRA_CA_CERTS, or as a last resort pass --ignore-ssl$/);
});
