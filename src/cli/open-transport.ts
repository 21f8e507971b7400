// Opens the transport for a command: the one place that warns about --ignore-ssl and wires
// --verbose, whether the caller is a page Session or an auth command.
import type { Transport } from '../api/transport.js';
import { printMessage } from '../output/io.js';

export interface TransportFlags {
  baseUrl: string;
  token: string;
  ignoreSsl: boolean;
  timeoutSeconds: number;
  verbose: boolean;
  /** When the --timeout clock started; default: now. */
  startedAt?: number;
}

/** --verbose's sink, or nothing. */
export function verboseLog(verbose: boolean): ((line: string) => void) | undefined {
  return verbose ? (line: string) => printMessage(line) : undefined;
}

export async function openTransport(flags: TransportFlags): Promise<Transport> {
  if (flags.ignoreSsl) {
    printMessage('warning: --ignore-ssl: the API’s TLS certificate is not verified; the token could be intercepted');
  }
  const { Transport } = await import('../api/transport.js');
  const log = verboseLog(flags.verbose);
  return Transport.create({
    baseUrl: flags.baseUrl,
    token: flags.token,
    ignoreSsl: flags.ignoreSsl,
    timeoutMs: flags.timeoutSeconds * 1000,
    ...(flags.startedAt !== undefined ? { startedAt: flags.startedAt } : {}),
    ...(log ? { log } : {}),
  });
}
