// Sends ApiRequests to Statuspage over undici, the only module that imports it. Only
// open-transport.ts loads this module, with import() once a request is really about to go
// out, so the bundle puts it and undici in a chunk of their own. (undici is imported
// statically: a split bundle's chunk for a CommonJS module exports `default` alone.)
import { setFlagsFromString } from 'node:v8';
import { type Dispatcher, EnvHttpProxyAgent } from 'undici';
import { maskSecret } from '../utils/secret-forms.js';
import { formatSeconds } from '../utils/time.js';
import type { ApiRequest, ResponseInfo } from './endpoints.js';
import { ApiError, messageFromBody, UnreadableResponseError } from './errors.js';
import { NetworkError, networkError } from './network-errors.js';
import { requestHeaders, requestUrl } from './request-parts.js';

export interface TransportOptions {
  baseUrl: string;
  token: string;
  ignoreSsl: boolean;
  /** Bounds the whole command, every request and every wait between retries included. */
  timeoutMs: number;
  /** When that clock started (ms since the epoch); default: when the transport is created. */
  startedAt?: number;
  /** Receives one line per request and response when --verbose is on. */
  log?: (line: string) => void;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (either case, lower case first, as curl). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface AttemptOptions {
  /** Time kept back from this attempt for what must follow a timeout (a create's duplicate check). */
  reserveMs?: number;
}

export class Transport {
  private readonly deadline: number;
  private readonly host: string;

  private constructor(
    private readonly options: TransportOptions,
    private readonly dispatcher: Dispatcher,
  ) {
    this.deadline = (options.startedAt ?? Date.now()) + options.timeoutMs;
    this.host = new URL(options.baseUrl).host;
  }

  static async create(options: TransportOptions): Promise<Transport> {
    // undici parses HTTP with a WebAssembly module. V8 11 (Node 20) soon re-compiles its hot
    // parser loop with the optimising compiler, which costs a core's worth of CPU and tens of
    // MB for the few requests a command makes; the baseline compiler alone is ample for them.
    // In `npm run bench` on Node 20.20 a create-incident run peaked at 59.5 MiB with the flag
    // and 94 MiB without, and took 143 ms of CPU against 220 ms. V8 12+ (Node 22+) tiers up
    // more lazily and only runs slower with it.
    if (Number.parseInt(process.versions.v8, 10) < 12) setFlagsFromString('--liftoff-only');
    // The TLS handshake is bounded by the command deadline too: undici's own connect timeout (10 s)
    // outlived a short --timeout, and an AbortSignal does not end a handshake already under way.
    const connectTimeout = Math.max(1, options.timeoutMs - (Date.now() - (options.startedAt ?? Date.now())));
    const connect = { timeout: connectTimeout, ...(options.ignoreSsl ? { rejectUnauthorized: false } : {}) };
    const tls = options.ignoreSsl ? { rejectUnauthorized: false } : undefined;
    // EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY like curl, and is a plain Agent without them.
    const fromEnv = (name: string) => options.env[name.toLowerCase()] ?? options.env[name] ?? '';
    const dispatcher = new EnvHttpProxyAgent({
      // Given explicitly ('' for none), so that undici does not read process.env behind our back.
      httpProxy: fromEnv('HTTP_PROXY'),
      httpsProxy: fromEnv('HTTPS_PROXY'),
      noProxy: fromEnv('NO_PROXY'),
      connect,
      // HTTP/1.1 only: the API needs no more, and the bundle leaves Node's http2 out (build.mjs).
      allowH2: false,
      ...(tls ? { requestTls: tls } : {}),
      // The command deadline (an AbortSignal per attempt) bounds every request; undici's own
      // 300 s header/body timers would cut a long --timeout short.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    return new Transport(options, dispatcher);
  }

  /** Milliseconds left before the command deadline (negative once it has passed). */
  remainingMs(): number {
    return this.deadline - Date.now();
  }

  /** One attempt: the parsed response, or an ApiError / NetworkError / UnreadableResponseError. */
  async send<T>(req: ApiRequest<T>, attempt: AttemptOptions = {}): Promise<T> {
    const url = requestUrl(this.options.baseUrl, req);
    const remaining = this.remainingMs();
    if (remaining <= 0) {
      throw new NetworkError(
        `--timeout (${this.options.timeoutMs / 1000} s) passed before ${req.method} ${req.path} could be sent; nothing was sent`,
        'not-sent',
      );
    }
    const budget = Math.max(1, Math.floor(remaining - (attempt.reserveMs ?? 0)));
    const headers = requestHeaders(this.options.token, req.body !== undefined);
    const log = this.options.log;
    if (log) {
      log(`> ${req.method} ${url}`);
      // Masked here rather than trusting redaction alone: this line exists to be shown.
      for (const [name, value] of Object.entries(headers))
        log(`> ${name}: ${name === 'authorization' ? 'OAuth ***' : value}`);
    }
    const target = new URL(url);
    const started = Date.now();
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await this.dispatcher.request({
        origin: target.origin,
        path: target.pathname + target.search,
        method: req.method,
        headers,
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        signal: AbortSignal.timeout(budget),
      });
      text = await readCapped(response, () => this.tooLarge(req, response.statusCode));
    } catch (error) {
      if (error instanceof NetworkError) throw error;
      const elapsed = Date.now() - started;
      const failure = networkError(error, this.host, this.options.ignoreSsl);
      // A connection never made (refused, or a handshake cut short by the deadline) sent nothing,
      // whatever the clock says; past the deadline with a connection, the API may have acted.
      const unsent = failure.failure === 'refused' || failure.failure === 'connect-timeout';
      if (!unsent && (elapsed >= budget - 5 || (error instanceof Error && error.name === 'TimeoutError'))) {
        log?.(`< no response to ${req.method} ${url} after ${elapsed} ms`);
        throw this.timeoutError(elapsed);
      }
      log?.(`< ${failure.failure} (${failure.message}) ${req.method} ${url} (${elapsed} ms)`);
      throw failure;
    }
    const retryAfter = headerValue(response.headers['retry-after']);
    log?.(
      `< ${response.statusCode} ${req.method} ${url} (${Date.now() - started} ms)${retryAfter === undefined ? '' : ` retry-after: ${retryAfter}`}`,
    );
    if (response.statusCode >= 400) {
      // Redacted before messageFromBody cuts an excerpt: a token cut in half would not be found later.
      const message =
        response.statusCode === 404 && req.notFound !== undefined
          ? req.notFound
          : messageFromBody(maskSecret(text, this.options.token));
      throw new ApiError(response.statusCode, message, req.method, req.path, retryAfter);
    }
    return this.parse(req, text, response.statusCode, { date: headerValue(response.headers.date) });
  }

  private parse<T>(req: ApiRequest<T>, text: string, status: number, info: ResponseInfo): T {
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      const excerpt = maskSecret(text, this.options.token).slice(0, 80).replace(/\s+/g, ' ');
      throw new UnreadableResponseError(req, status, `not JSON (${excerpt})`);
    }
    try {
      return req.parse(json, info);
    } catch {
      throw new UnreadableResponseError(req, status, 'not the expected object');
    }
  }

  private tooLarge(req: ApiRequest<unknown>, status: number): NetworkError {
    return new NetworkError(
      `${req.method} ${req.path}: HTTP ${status}, but the answer from ${this.host} is larger than ${RESPONSE_LIMIT_BYTES / MiB} MiB, the most the CLI reads; stopped reading it`,
      'too-large',
    );
  }

  private timeoutError(elapsedMs: number): NetworkError {
    const message =
      this.remainingMs() <= 5
        ? `timed out after ${formatSeconds(this.options.timeoutMs)} waiting for ${this.host} (--timeout)`
        : `no response from ${this.host} after ${formatSeconds(elapsedMs)}`;
    return new NetworkError(message, 'timeout');
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

/** No answer of the API comes near this; a larger one is a misbehaving server (or not the API). */
export const RESPONSE_LIMIT_BYTES = 32 * 1024 * 1024;
const MiB = 1024 * 1024;

/** The body as text, never more than RESPONSE_LIMIT_BYTES of it. */
async function readCapped(response: Dispatcher.ResponseData, tooLarge: () => Error): Promise<string> {
  const declared = Number(headerValue(response.headers['content-length']));
  if (declared > RESPONSE_LIMIT_BYTES) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > RESPONSE_LIMIT_BYTES) {
      response.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
