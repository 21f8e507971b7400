// An Io over memory streams, for running the CLI (or one of its parts) inside the test process.
import { Readable, Writable } from 'node:stream';
import { type Env, Io } from '../../src/output/io.js';

export interface MemoryIoOptions {
  env?: Env;
  /** What stdin holds; it is closed after it. Without it stdin is empty. */
  input?: string | Buffer;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  cwd?: string;
  platform?: NodeJS.Platform;
  now?: () => number;
  self?: readonly string[];
}

export interface MemoryIo {
  io: Io;
  stdout(): string;
  stderr(): string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out = collector();
  const err = collector();
  const input = options.input === undefined ? [] : [Buffer.from(options.input)];
  const io = new Io({
    stdin: Readable.from(input),
    stdout: out.stream,
    stderr: err.stream,
    stdinIsTTY: options.stdinIsTTY ?? false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    platform: options.platform ?? process.platform,
    cwd: options.cwd ?? process.cwd(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.self ? { self: options.self } : {}),
  });
  return { io, stdout: out.text, stderr: err.text };
}
