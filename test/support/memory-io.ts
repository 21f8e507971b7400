// An Io over memory streams, for running the CLI (or one of its parts) inside the test process.
import { Readable, Writable } from 'node:stream';
import { type Env, Io } from '../../src/output/io.js';

export interface MemoryIoOptions {
  env?: Env;
  /** What stdin holds; it is closed after it. Without it stdin is empty. */
  input?: string | Buffer;
  /** stdin itself, for a test that types as the CLI asks (a PassThrough); `input` is then ignored. */
  stdin?: Readable;
  /** Called with all of stderr so far after each write to it: for a test that waits for a question. */
  onStderr?: (soFar: string) => void;
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

function collector(onWrite?: (soFar: string) => void): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const text = () => Buffer.concat(chunks).toString('utf8');
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      onWrite?.(text());
      done();
    },
  });
  return { stream, text };
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out = collector();
  const err = collector(options.onStderr);
  const input = options.input === undefined ? [] : [Buffer.from(options.input)];
  const io = new Io({
    stdin: () => options.stdin ?? Readable.from(input),
    stdout: out.stream,
    stderr: err.stream,
    stdinIsTTY: () => options.stdinIsTTY ?? false,
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
