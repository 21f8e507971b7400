// The bundle carries only part of undici (scripts/undici-entry.cjs): HTTP_PROXY and NO_PROXY
// must still work as they do with undici's full EnvHttpProxyAgent.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import { assertOk, withServer } from '../support/harness.js';
import { listenOnLoopback } from '../support/listen.js';

/** A forward proxy on 127.0.0.1 that tunnels CONNECT requests and records their targets. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; close: () => Promise<void> }> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test('HTTP_PROXY carries the request; NO_PROXY bypasses it', async () => {
  const proxy = await startProxy();
  try {
    await withServer(async ({ server, run }) => {
      const apiHost = new URL(server.url).host;
      const via = await run(['create-incident', '-t', 'Via the proxy', '-q'], { env: { HTTP_PROXY: proxy.url } });
      assertOk(via);
      assert.deepEqual(proxy.tunnels, [apiHost]);
      assert.equal(server.requests.length, 1);

      const direct = await run(['create-incident', '-t', 'Around it', '-q'], {
        env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' },
      });
      assertOk(direct);
      assert.deepEqual(proxy.tunnels, [apiHost], 'NO_PROXY matches the API host: no tunnel');
      assert.equal(server.requests.length, 2);
    });
  } finally {
    await proxy.close();
  }
});
