// A server on 127.0.0.1 that misbehaves on purpose, for what the CLI must survive from a hostile
// or broken API (or something that only pretends to be one):
//  - huge: a 200 answer far larger than the CLI's response limit;
//  - endless: a 200 answer whose body never ends;
//  - tls-stall: accepts the TCP connection and never says a word (a TLS handshake waits for ever);
//  - echo-token: a 500 with a long HTML body that repeats the Authorization header it was sent;
//  - deep-json: a 200 answer that is an incident whose extra field is JSON nested very deep;
//  - plain-http: answers every connection as plain HTTP (for an https:// URL: not TLS at all).
// Text poisoned with control characters is served by the fake Statuspage (see POISON).
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { listenOnLoopback } from './listen.js';

/** A name that retitles the terminal, clears it, and fakes a link, if printed raw. */
export const POISON =
  'API\u001b]0;pwned\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\\u009b31m';

export type HostileMode = 'huge' | 'endless' | 'tls-stall' | 'echo-token' | 'deep-json' | 'plain-http';

export interface HostileServer {
  /** http://127.0.0.1:PORT/v1 (https:// for tls-stall and plain-http, which speak no TLS). */
  url: string;
  /** Requests seen (method and path), for asserting what was sent. */
  requests: string[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(1024 * 1024, 'x');

function incidentWithDeepField(depth: number): string {
  return `{"id":"inc000000001","name":"Deep","status":"identified","shortlink":"https://stspg.io/1","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

export async function startHostileServer(
  mode: HostileMode,
  options: { hugeMiB?: number } = {},
): Promise<HostileServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let server: Server | NetServer;
  if (mode === 'tls-stall') {
    server = createNetServer((socket) => {
      sockets.add(socket);
      requests.push('CONNECT');
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    });
  } else {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      if (mode === 'huge' || mode === 'endless') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const total = mode === 'huge' ? (options.hugeMiB ?? 40) : Number.POSITIVE_INFINITY;
        let sent = 0;
        const pump = () => {
          while (sent < total) {
            sent += 1;
            if (!res.write(CHUNK)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => {
          sent = total;
        });
        pump();
        return;
      }
      if (mode === 'echo-token') {
        const auth = String(req.headers.authorization ?? '');
        // The token starts just before the CLI's 120-character excerpt ends: cut, it would not be recognised.
        const body = `<html><body>${'x'.repeat(90)} Authorization: ${auth} was refused</body></html>`;
        res.writeHead(500, { 'content-type': 'text/html' });
        return void res.end(body);
      }
      if (mode === 'deep-json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(incidentWithDeepField(200_000));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const port = await listenOnLoopback(server);
  const scheme = mode === 'tls-stall' || mode === 'plain-http' ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
