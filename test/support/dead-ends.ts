// Places the CLI cannot get an answer from: a TCP port nobody listens on (connection refused),
// and a Unix socket that accepts and then never says a word (a hung D-Bus or keychain peer).
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenOnLoopback } from './listen.js';

/** An API base URL on 127.0.0.1 whose port was just freed: connecting to it is refused. */
export async function closedApiUrl(): Promise<string> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

export interface SilentSocket {
  /** For DBUS_SESSION_BUS_ADDRESS. */
  address: string;
  /** How many clients connected (and got no answer). */
  connections(): number;
  /** How many of them are still connected. */
  open(): number;
  close(): Promise<void>;
}

export async function silentSocket(): Promise<SilentSocket> {
  const path = join(tmpdir(), `statuspage-silent-${process.pid}-${randomBytes(6).toString('hex')}.sock`);
  const sockets = new Set<Socket>();
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return {
    address: `unix:path=${path}`,
    connections: () => count,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
