// Node and undici report network failures as error codes buried in `cause` chains;
// this turns them into one sentence and the network exit code.
import { CliError, ExitCode } from '../errors.js';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** The most specific code in the `cause` chain; undici's generic UND_ERR_SOCKET only when nothing better is there. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  let generic: string | undefined;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'UND_ERR_SOCKET') generic = code;
    else if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return generic;
}

export function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

export function isTlsCode(code: string | undefined): boolean {
  return code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'));
}

/**
 * What went wrong, as far as retrying cares: `refused`, `connect-timeout`, `not-sent` and a
 * temporary DNS failure happen before the request is sent; after `reset` or `timeout` the server
 * may have acted; `too-large` is an answer too big to read, so the server did act.
 */
export type NetworkFailure =
  | 'dns'
  | 'dns-temporary'
  | 'refused'
  | 'connect-timeout'
  | 'not-sent'
  | 'reset'
  | 'tls'
  | 'timeout'
  | 'too-large'
  | 'other';

export class NetworkError extends CliError {
  override readonly name: string = 'NetworkError';

  constructor(
    message: string,
    readonly failure: NetworkFailure,
  ) {
    super(message, ExitCode.network);
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_CLOSED', 'UND_ERR_SOCKET', 'EPIPE']);

/** OpenSSL's text is two lines with a source path; its reason ("wrong version number") is the useful part. */
function tlsReason(error: unknown): string {
  const message = innermostMessage(error).split('\n')[0] ?? '';
  return message
    .replace(/^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:/, '')
    .replace(/:\.\.\/deps\/.*$/, '')
    .trim();
}

/**
 * A network-level failure as a NetworkError; `host` is the API host, never a URL with credentials.
 * `ignoringSsl`: --ignore-ssl is already given, so it is not suggested.
 */
export function networkError(error: unknown, host: string, ignoringSsl = false): NetworkError {
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new NetworkError(
      `cannot resolve ${host} (DNS lookup failed: ${code}); check the network or STATUSPAGE_API_URL`,
      code === 'EAI_AGAIN' ? 'dns-temporary' : 'dns',
    );
  }
  if (code === 'ECONNREFUSED') return new NetworkError(`connection to ${host} refused`, 'refused');
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new NetworkError(`could not connect to ${host} in time (--timeout); nothing was sent`, 'connect-timeout');
  }
  // Whatever answered is not speaking TLS: most often an http:// server behind an https:// URL.
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || code === 'EPROTO') {
    return new NetworkError(`${host} did not answer with TLS; is the URL http://?`, 'tls');
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return new NetworkError(`connection to ${host} was closed before a complete response`, 'reset');
  }
  if (isTlsCode(code)) {
    const advice = ignoringSsl
      ? ''
      : '; if you trust this network, add its CA with NODE_EXTRA_CA_CERTS, or as a last resort pass --ignore-ssl';
    return new NetworkError(`TLS certificate of ${host} was rejected (${code}: ${tlsReason(error)})${advice}`, 'tls');
  }
  return new NetworkError(`request to ${host} failed: ${code ? `${code}: ` : ''}${innermostMessage(error)}`, 'other');
}
