// HTTPS with a certificate made at test time, --ignore-ssl, NODE_EXTRA_CA_CERTS and proxies.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ConnectProxy, startConnectProxy } from '../support/connect-proxy.js';
import { assertOk } from '../support/harness.js';
import { withLeakCheckedServer } from '../support/no-leak.js';
import { makeSelfSignedCert } from '../support/self-signed.js';

const tls = makeSelfSignedCert();
// One suite: its before/after hooks then surround its own tests only, whatever else shares the
// test process (scripts/run-tests.mjs runs several files in one).
describe('TLS and proxies', () => {
  let dir = '';
  let caFile = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'statuspage-tls-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, tls.cert);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const CREATE = ['create-incident', '-t', 'Over TLS', '-c', 'cmp000000001', '-q'];

  async function withProxy(body: (proxy: ConnectProxy) => Promise<void>): Promise<void> {
    const proxy = await startConnectProxy();
    try {
      await body(proxy);
    } finally {
      await proxy.close();
    }
  }

  test('a self-signed certificate is refused with a clear TLS message (exit 7), and nothing is retried', async () => {
    await withLeakCheckedServer(
      async ({ server, runProcess: run }) => {
        const result = await run([...CREATE, '--verbose']);
        assert.equal(result.code, 7);
        assert.equal(result.stdout, '');
        const errors = result.stderr.split('\n').filter((l) => l.startsWith('error:'));
        assert.equal(errors.length, 1);
        assert.match(
          errors[0] ?? '',
          /^error: TLS certificate of 127\.0\.0\.1:\d+ was rejected \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN): self[- ]signed certificate[^)]*\); if you trust this network, add its CA with NODE_EXTRA_CA_CERTS, or as a last resort pass --ignore-ssl$/,
        );
        assert.doesNotMatch(result.stderr, /retrying/);
        assert.equal(server.requests.length, 0, 'no request got through');
      },
      { tls },
    );
  });

  test('--ignore-ssl works against it and warns on stderr', async () => {
    await withLeakCheckedServer(
      async ({ server, runProcess: run }) => {
        const result = await run([...CREATE, '--ignore-ssl']);
        assertOk(result);
        assert.equal(result.stdout, `${[...server.incidents.keys()][0]}\n`);
        assert.equal(
          result.stderr,
          'warning: --ignore-ssl: the API’s TLS certificate is not verified; the token could be intercepted\n',
        );
      },
      { tls },
    );
  });

  test('NODE_EXTRA_CA_CERTS (a corporate CA) is trusted without --ignore-ssl', async () => {
    await withLeakCheckedServer(
      async ({ server, runProcess: run }) => {
        const result = await run(CREATE, { env: { NODE_EXTRA_CA_CERTS: caFile } });
        assertOk(result);
        assert.equal(result.stderr, '');
        assert.equal(server.incidents.size, 1);
      },
      { tls },
    );
  });

  test('HTTPS_PROXY: the request goes through the proxy’s CONNECT tunnel', async () => {
    await withProxy(async (proxy) => {
      await withLeakCheckedServer(
        async ({ server, runProcess: run }) => {
          const result = await run([...CREATE, '--verbose'], {
            env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile },
          });
          assertOk(result);
          const target = new URL(server.url).host;
          assert.ok(proxy.connects.length >= 1, 'at least one CONNECT');
          assert.deepEqual(new Set(proxy.connects), new Set([target]));
          assert.equal(server.incidents.size, 1);
        },
        { tls },
      );
    });
  });

  test('NO_PROXY bypasses the proxy, as curl does', async () => {
    await withProxy(async (proxy) => {
      await withLeakCheckedServer(
        async ({ server, runProcess: run }) => {
          const result = await run(CREATE, {
            env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1', NODE_EXTRA_CA_CERTS: caFile },
          });
          assertOk(result);
          assert.deepEqual(proxy.connects, []);
          assert.equal(server.incidents.size, 1);
        },
        { tls },
      );
    });
  });

  test('HTTP_PROXY is used for an http:// API URL', async () => {
    await withProxy(async (proxy) => {
      await withLeakCheckedServer(async ({ server, runProcess: run }) => {
        const result = await run(CREATE, { env: { HTTP_PROXY: proxy.url } });
        assertOk(result);
        assert.deepEqual(new Set(proxy.connects), new Set([new URL(server.url).host]));
        assert.equal(server.incidents.size, 1);
      });
    });
  });
});
