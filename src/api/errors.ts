// Turns a failed HTTP response into one line the user can act on.
import { CliError, ExitCode } from '../errors.js';
import { errorBodySchema } from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  420: 'Enhance Your Calm',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status === 420 || status === 429) return ExitCode.rateLimited;
  return ExitCode.apiError;
}

const EXCERPT_MAX = 120;

/** The API's own words: `message` or `error`, a string or a list; else a short excerpt of a non-JSON body. */
export function messageFromBody(bodyText: string): string | undefined {
  const trimmed = bodyText.trim();
  if (trimmed === '') return undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(trimmed));
    if (parsed.success) {
      const raw = parsed.data.message ?? parsed.data.error;
      // One line: an error is one line, whatever the API's text holds.
      if (raw !== undefined) return (Array.isArray(raw) ? raw.join('; ') : raw).replace(/\s+/g, ' ').trim();
    }
  } catch {
    // Not JSON (an HTML page from a proxy, say): fall through to an excerpt.
  }
  const text = trimmed
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return undefined;
  return text.length > EXCERPT_MAX ? `${text.slice(0, EXCERPT_MAX - 3)}...` : text;
}

export function statusLabel(status: number): string {
  return `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
}

export class ApiError extends CliError {
  override readonly name: string = 'ApiError';

  constructor(
    readonly status: number,
    readonly apiMessage: string | undefined,
    readonly method: string,
    readonly path: string,
    /** The Retry-After header as sent (seconds or an HTTP date), if any. */
    readonly retryAfter?: string,
  ) {
    super(`${method} ${path}: ${statusLabel(status)}${apiMessage ? `: ${apiMessage}` : ''}`, exitCodeForStatus(status));
  }
}

/** A 2xx answer whose body is not the JSON object expected: the server acted, but we cannot read what it did. */
export class UnreadableResponseError extends CliError {
  override readonly name: string = 'UnreadableResponseError';

  /** `problem` completes "the response is …": "not JSON (excerpt)", "not the expected object". */
  constructor(
    request: { method: string; path: string },
    readonly status: number,
    problem: string,
  ) {
    super(`${request.method} ${request.path}: HTTP ${status} but the response is ${problem}`, ExitCode.apiError);
  }
}
