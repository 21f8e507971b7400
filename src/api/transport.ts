// Sends ApiRequests to Statuspage over undici. undici is imported here and only here,
// and only once a request is really about to go out.
import type { Dispatcher } from 'undici';
import { CliError, ExitCode } from '../errors.js';
import { USER_AGENT } from '../version.js';
import type { ApiRequest } from './endpoints.js';
import { ApiError, messageFromBody } from './errors.js';
import { networkError } from './network-errors.js';

export const DEFAULT_API_URL = 'https://api.statuspage.io/v1';

export interface TransportOptions {
  baseUrl: string;
  token: string;
  ignoreSsl: boolean;
  /** Bounds the whole command, every request included. */
  timeoutMs: number;
  /** Receives one line per request and response when --verbose is on. */
  log?: (line: string) => void;
}

export function requestUrl(baseUrl: string, req: Pick<ApiRequest<unknown>, 'path' | 'query'>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

export function requestHeaders(token: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    authorization: `OAuth ${token}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

export class Transport {
  private readonly deadline: number;
  private readonly host: string;

  private constructor(
    private readonly options: TransportOptions,
    private readonly dispatcher: Dispatcher,
  ) {
    this.deadline = Date.now() + options.timeoutMs;
    this.host = new URL(options.baseUrl).host;
  }

  static async create(options: TransportOptions): Promise<Transport> {
    // undici parses HTTP with a WebAssembly module. V8 11 (Node 20) soon re-compiles its hot
    // parser loop with the optimising compiler, which costs ~35 MB and a core's worth of CPU
    // for the few requests a command makes; the baseline compiler alone is ample for them.
    // V8 12+ (Node 22+) tiers up more lazily and only runs slower with the flag.
    if (Number.parseInt(process.versions.v8, 10) < 12) {
      // (Imported here: the bundle would otherwise load node:v8 at every start.)
      const { setFlagsFromString } = await import('node:v8');
      setFlagsFromString('--liftoff-only');
    }
    const { EnvHttpProxyAgent } = await import('undici');
    const tls = options.ignoreSsl ? { rejectUnauthorized: false } : undefined;
    // EnvHttpProxyAgent honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY like curl, and is a plain Agent without them.
    const dispatcher = new EnvHttpProxyAgent({
      ...(tls ? { connect: tls, requestTls: tls } : {}),
    });
    return new Transport(options, dispatcher);
  }

  async send<T>(req: ApiRequest<T>): Promise<T> {
    const url = requestUrl(this.options.baseUrl, req);
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) throw this.timeoutError();
    const target = new URL(url);
    const started = Date.now();
    this.options.log?.(`> ${req.method} ${url}`);
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await this.dispatcher.request({
        origin: target.origin,
        path: target.pathname + target.search,
        method: req.method,
        headers: requestHeaders(this.options.token, req.body !== undefined),
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(remaining),
      });
      text = await response.body.text();
    } catch (error) {
      if (Date.now() >= this.deadline - 5 || (error instanceof Error && error.name === 'TimeoutError')) {
        throw this.timeoutError();
      }
      throw networkError(error, this.host);
    }
    this.options.log?.(`< ${response.statusCode} ${req.method} ${url} (${Date.now() - started} ms)`);
    if (response.statusCode >= 400) {
      throw new ApiError(response.statusCode, messageFromBody(text), req.method, req.path);
    }
    return this.parse(req, text, response.statusCode);
  }

  private parse<T>(req: ApiRequest<T>, text: string, status: number): T {
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new CliError(
        `${req.method} ${req.path}: HTTP ${status} but the response is not JSON (${text.slice(0, 80).replace(/\s+/g, ' ')})`,
        ExitCode.apiError,
      );
    }
    try {
      return req.parse(json);
    } catch {
      throw new CliError(`${req.method} ${req.path}: HTTP ${status} but the response is not the expected object`, ExitCode.apiError);
    }
  }

  private timeoutError(): CliError {
    return new CliError(`timed out after ${Math.round(this.options.timeoutMs / 1000)} s waiting for ${this.host}`, ExitCode.network);
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
