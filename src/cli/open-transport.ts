// Opens the way to the API for a command: the one place that warns about --ignore-ssl and wires
// --verbose, whether the caller is a page Session (through the retrying client) or an auth
// command's single token check (one attempt, as it always was).
import type { ApiClient } from '../api/client.js';
import type { Transport } from '../api/transport.js';
import type { Io } from '../output/io.js';

export interface TransportFlags {
  baseUrl: string;
  token: string;
  ignoreSsl: boolean;
  /** Seconds. */
  timeout: number;
  verbose: boolean;
  /** When the --timeout clock started; default: now. */
  startedAt?: number;
}

const verboseLog = (io: Io, verbose: boolean) => (verbose ? (line: string) => io.err(line) : undefined);

export async function openTransport(io: Io, flags: TransportFlags): Promise<Transport> {
  if (flags.ignoreSsl) {
    io.err('warning: --ignore-ssl: the API’s TLS certificate is not verified; the token could be intercepted');
  }
  const { Transport } = await import('../api/transport.js');
  const log = verboseLog(io, flags.verbose);
  return Transport.create({
    baseUrl: flags.baseUrl,
    token: flags.token,
    ignoreSsl: flags.ignoreSsl,
    timeoutMs: flags.timeout * 1000,
    startedAt: flags.startedAt ?? Date.now(),
    env: io.env,
    ...(log ? { log } : {}),
  });
}

export async function openClient(io: Io, flags: TransportFlags & { maxRetries: number }): Promise<ApiClient> {
  const [transport, { ApiClient }] = await Promise.all([openTransport(io, flags), import('../api/client.js')]);
  const log = verboseLog(io, flags.verbose);
  return new ApiClient(transport, {
    maxRetries: flags.maxRetries,
    notify: (line) => io.err(line),
    ...(log ? { log } : {}),
  });
}
