// Sends an ApiRequest to completion: transport attempts one after another, as api/retry.ts
// allows, never past the command deadline. A create whose outcome is unknown is looked for
// (api/create-recovery.ts) before it is sent again, and sent again at most once.
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError } from '../errors.js';
import { formatSeconds } from '../utils/duration.js';
import { type CreateLookup, describeDifferences, findCreatedIncident } from './create-recovery.js';
import type { ApiRequest, CreatedIncidentHint } from './endpoints.js';
import { ApiError, statusLabel, UnreadableResponseError } from './errors.js';
import { NetworkError } from './network-errors.js';
import { decide, isRateLimit, retryDelay } from './retry.js';
import type { Incident } from './schemas.js';
import type { Transport } from './transport.js';

export interface ClientOptions {
  maxRetries: number;
  /** A line the user always sees on stderr: waits, checks, recoveries. */
  notify: (line: string) => void;
  /** --verbose detail. */
  log?: (line: string) => void;
  /** Jitter source; Math.random unless a test pins it. */
  random?: () => number;
  /** How to wait between attempts; a real timer unless a test replaces it. */
  sleep?: (ms: number) => Promise<void>;
}

/** What the client needs of a transport (a test can script one). */
export type Attempts = Pick<Transport, 'send' | 'remainingMs' | 'close'>;

/** An attempt needs at least this long to be worth making after a wait. */
const MIN_ATTEMPT_MS = 200;
/** A create keeps back this share of the time left (at most 5 s) to look for its incident after a timeout. */
const CHECK_RESERVE_SHARE = 0.25;
const CHECK_RESERVE_MAX_MS = 5000;

export class ApiClient {
  constructor(
    private readonly transport: Attempts,
    private readonly options: ClientOptions,
  ) {}

  async send<T>(req: ApiRequest<T>): Promise<T> {
    const hint = req.creates;
    // Monotonic: it measures how far back the lookup must reach, whatever the wall clock does.
    const firstSentAt = performance.now();
    let retries = 0;
    let resent = false;
    for (;;) {
      try {
        return await this.transport.send(req, hint ? { reserveMs: checkReserveMs(this.transport.remainingMs()) } : {});
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        const decision = decide(req.method, error);
        if (decision === 'fail') throw error;
        if (decision === 'check' || decision === 'check-then-retry') {
          if (!hint) throw note(error, 'the request may have been applied; check before sending it again');
          const found = await this.lookFor(hint, error, firstSentAt);
          if (found) return req.parse(found);
          if (decision === 'check') {
            throw note(
              error,
              'the incident is not on the page yet, but the API may still create it: check the page before running the command again',
            );
          }
          if (resent)
            throw note(error, 'the incident was not created; it was already sent twice, so it is not sent again');
          resent = true;
        }
        retries += 1;
        await this.waitToRetry(req, error, retries);
      }
    }
  }

  private async waitToRetry(req: ApiRequest<unknown>, error: CliError, retry: number): Promise<void> {
    const max = this.options.maxRetries;
    if (retry > max) {
      const limited = error instanceof ApiError && isRateLimit(error.status);
      const done =
        max === 0
          ? 'not retried (--max-retries 0)'
          : `${limited ? 'still rate limited' : 'gave up'} after ${max} ${max === 1 ? 'retry' : 'retries'}`;
      throw note(error, done);
    }
    const delay = retryDelay(error, retry, Date.now(), (this.options.random ?? Math.random)());
    const remaining = this.transport.remainingMs();
    if (delay.ms + MIN_ATTEMPT_MS > remaining) {
      const asked =
        delay.source === 'retry-after'
          ? `the API asks to wait ${formatSeconds(delay.ms)}`
          : `the next retry is due in ${formatSeconds(delay.ms)}`;
      throw note(error, `not retried: ${asked}, past --timeout (${formatSeconds(Math.max(0, remaining))} left)`);
    }
    this.options.notify(`${reason(error)}, retrying in ${formatSeconds(delay.ms)} (${retry}/${max})`);
    const why =
      delay.source === 'retry-after' && error instanceof ApiError
        ? `Retry-After: ${error.retryAfter}`
        : 'backoff with jitter';
    this.options.log?.(`* retry ${retry}/${max} of ${req.method} ${req.path} in ${delay.ms} ms (${why})`);
    await (this.options.sleep ?? sleep)(delay.ms);
  }

  private async lookFor(
    hint: CreatedIncidentHint,
    error: CliError,
    firstSentAt: number,
  ): Promise<Incident | undefined> {
    this.options.notify(`${reason(error)}: the create was not confirmed; checking whether the incident exists`);
    let lookup: CreateLookup;
    try {
      lookup = await findCreatedIncident((read) => this.send(read), hint, firstSentAt);
    } catch (lookupError) {
      const why = lookupError instanceof Error ? lookupError.message : String(lookupError);
      throw note(
        error,
        `whether the incident was created is unknown (the check failed: ${why}); look at the page before running the command again`,
      );
    }
    const { found, others } = lookup;
    if (found) {
      this.options.notify(
        `recovered: incident ${found.id} '${found.name}' was created${found.created_at ? ` at ${found.created_at}` : ''} although the API did not confirm it; not creating it again`,
      );
      return found;
    }
    const [other] = others;
    if (other) {
      // Said so the user is not surprised to find two incidents of that name after a resend.
      const more = others.length > 1 ? `; ${others.length - 1} more with that name` : '';
      this.options.notify(
        `the incident is not on the page; ${other.incident.id} '${other.incident.name}' has the same name but is another incident (${describeDifferences(other.differences)})${more}`,
      );
    } else {
      this.options.notify('the incident is not on the page');
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }
}

export function checkReserveMs(remainingMs: number): number {
  return Math.round(Math.min(CHECK_RESERVE_MAX_MS, Math.max(0, remainingMs) * CHECK_RESERVE_SHARE));
}

/** A few words for a progress line: "rate limited", "HTTP 503 Service Unavailable", "connection to … refused". */
function reason(error: CliError): string {
  if (error instanceof ApiError) return isRateLimit(error.status) ? 'rate limited' : statusLabel(error.status);
  if (error instanceof UnreadableResponseError) return `${statusLabel(error.status)} with an unreadable body`;
  if (error instanceof NetworkError) return error.message;
  return error.message;
}

/** The same error, exit code and all, with what was done about it appended. */
function note(error: CliError, text: string): CliError {
  return new CliError(`${error.message}; ${text}`, error.exitCode);
}
