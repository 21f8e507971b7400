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

export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'ABORT_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
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

/** A network-level failure as a CliError; `host` is the API host, never a URL with credentials. */
export function networkError(error: unknown, host: string): CliError {
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new CliError(`cannot resolve ${host} (DNS lookup failed: ${code}); check the network or STATUSPAGE_API_URL`, ExitCode.network);
  }
  if (code === 'ECONNREFUSED') return new CliError(`connection to ${host} refused`, ExitCode.network);
  if (code === 'ECONNRESET' || code === 'UND_ERR_CLOSED' || code === 'EPIPE') {
    return new CliError(`connection to ${host} was closed before a complete response`, ExitCode.network);
  }
  if (isTlsCode(code)) {
    return new CliError(
      `TLS certificate of ${host} was rejected (${code}: ${innermostMessage(error)}); if you trust this network, add its CA with NODE_EXTRA_CA_CERTS, or as a last resort pass --ignore-ssl`,
      ExitCode.network,
    );
  }
  return new CliError(`request to ${host} failed: ${code ? `${code}: ` : ''}${innermostMessage(error)}`, ExitCode.network);
}
