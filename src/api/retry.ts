// When a failed attempt may be sent again, and after how long. Pure: no I/O and no clock of its
// own, so every rule here is unit-tested. api/client.ts applies it within the command deadline.
import type { HttpMethod } from './endpoints.js';
import { ApiError, UnreadableResponseError } from './errors.js';
import { NetworkError } from './network-errors.js';

/**
 * - `retry`: the server certainly did not act (rate limited, never reached), or acting twice is harmless.
 * - `check-then-retry`: a write the server may have acted on, but whose handling is over (a 5xx, a
 *   reset): look for what it leaves, and send again only if it is not there.
 * - `check`: a write the server did act on (2xx with an unreadable body) or may still be acting on
 *   (no answer in time): look for what it leaves, never send again.
 * - `fail`: report the error as it is.
 */
export type RetryDecision = 'retry' | 'check-then-retry' | 'check' | 'fail';

const IDEMPOTENT = new Set<HttpMethod>(['GET', 'PUT', 'PATCH', 'DELETE']);
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export function isIdempotent(method: HttpMethod): boolean {
  return IDEMPOTENT.has(method);
}

/** Statuspage answers both: 420 ("Enhance Your Calm") and 429. */
export function isRateLimit(status: number): boolean {
  return status === 420 || status === 429;
}

/** `idempotent`: sending the request twice does no harm (a write that posts a message is not). */
export function decide(method: HttpMethod, error: unknown, idempotent = isIdempotent(method)): RetryDecision {
  if (error instanceof ApiError) {
    if (isRateLimit(error.status)) return 'retry';
    if (error.status >= 500) {
      if (!idempotent) return 'check-then-retry';
      return GATEWAY_STATUSES.has(error.status) ? 'retry' : 'fail';
    }
    return 'fail';
  }
  if (error instanceof NetworkError) {
    switch (error.failure) {
      case 'refused':
      case 'connect-timeout':
      case 'dns-temporary':
        return 'retry';
      case 'reset':
        return idempotent ? 'retry' : 'check-then-retry';
      case 'timeout':
        // An idempotent attempt has the whole remaining deadline: when it times out, none is left.
        return idempotent ? 'fail' : 'check';
      case 'too-large':
        // The answer had a status: the server acted, but what it said cannot be read.
        return idempotent ? 'fail' : 'check';
      default:
        return 'fail';
    }
  }
  if (error instanceof UnreadableResponseError && !idempotent) return 'check';
  return 'fail';
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only dates with words in them ("Wed, 21 Oct 2015 07:28:00 GMT"): Date.parse reads "1 2" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;

/** Exponential backoff (1 s, 2 s, 4 s, …) with ±25 % jitter, so clients retrying together spread out. */
export function backoffMs(retry: number, random: number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (0.75 + 0.5 * random));
}

export interface RetryDelay {
  ms: number;
  /** Why this long: the server's Retry-After header, or our own backoff. */
  source: 'retry-after' | 'backoff';
}

/** How long to wait before retry number `retry` (1-based) after `error`. */
export function retryDelay(error: unknown, retry: number, now: number, random: number): RetryDelay {
  const asked = error instanceof ApiError ? parseRetryAfter(error.retryAfter, now) : undefined;
  if (asked !== undefined) return { ms: asked, source: 'retry-after' };
  return { ms: backoffMs(retry, random), source: 'backoff' };
}
