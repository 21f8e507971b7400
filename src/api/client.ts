// Sends an ApiRequest to completion: transport attempts one after another, as api/retry.ts
// allows, never past the command deadline. A write that must not be repeated and whose outcome
// is unknown is looked for (api/recovery.ts) before it is sent again, and sent again at most once.
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, ExitCode } from '../errors.js';
import { formatSeconds } from '../utils/time.js';
import type { ApiRequest, WriteTrace } from './endpoints.js';
import { ApiError, statusLabel, UnreadableResponseError } from './errors.js';
import { NetworkError } from './network-errors.js';
import { type Look, look } from './recovery.js';
import { decide, isIdempotent, isRateLimit, retryDelay } from './retry.js';
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
/** A traced write keeps back this share of the time left (at most 5 s) to look for itself after a timeout. */
const CHECK_RESERVE_SHARE = 0.25;
const CHECK_RESERVE_MAX_MS = 5000;
/**
 * How long an unconfirmed create is looked for before it is taken not to exist: the API's lists
 * can lag behind its writes by seconds. At most half the time left, so a resend still fits. An
 * update is looked for once: it is read on its incident, not in a list.
 */
export const RECOVERY_WINDOW_MS = 10_000;
/** The waits between looks: 1 s, 2 s, then every 4 s until the window closes. */
const LOOK_AGAIN_MS = [1000, 2000, 4000];

const WORDS: Record<
  WriteTrace['kind'],
  { write: string; check: string; absent: string; pending: string; notDone: string }
> = {
  create: {
    write: 'create',
    check: 'whether the incident exists',
    absent: 'the incident is not on the page',
    pending: 'the incident is not on the page yet, but the API may still create it',
    notDone: 'the incident was not created',
  },
  update: {
    write: 'update',
    check: 'whether the update was posted',
    absent: 'the update is not on the incident',
    pending: 'the update is not on the incident yet, but the API may still post it',
    notDone: 'the update was not posted',
  },
};

export class ApiClient {
  constructor(
    private readonly transport: Attempts,
    private readonly options: ClientOptions,
  ) {}

  async send<T>(req: ApiRequest<T>): Promise<T> {
    const trace = req.trace;
    // Monotonic: it measures how far back the lookup must reach, whatever the wall clock does.
    const firstSentAt = performance.now();
    let retries = 0;
    let resent = false;
    let previous: CliError | undefined;
    for (;;) {
      try {
        return await this.transport.send(req, trace ? { reserveMs: checkReserveMs(this.transport.remainingMs()) } : {});
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        // The deadline passed during the wait before a retry (a busy machine sleeps long): what
        // the user needs is why it was retried, not that the retry never left.
        if (previous && error instanceof NetworkError && error.failure === 'not-sent') {
          throw note(previous, 'not retried: --timeout passed while waiting to retry');
        }
        previous = error;
        const decision = decide(req.method, error, !trace && (req.idempotent ?? isIdempotent(req.method)));
        if (decision === 'fail') throw error;
        if (decision === 'check' || decision === 'check-then-retry') {
          if (!trace) {
            const code = req.exitByStatus ? error.exitCode : ExitCode.network;
            throw error.withNote('the request may have been applied; check before sending it again', code);
          }
          const words = WORDS[trace.kind];
          const found = await this.lookFor(trace, error, firstSentAt, decision === 'check-then-retry');
          if (found.outcome === 'found') return req.parse(found.incident);
          if (found.outcome === 'unknown') {
            throw new CliError(
              `${error.message}; whether the ${words.write} was applied is unknown (${found.why}); look at the page before running the command again`,
              ExitCode.network,
              { cause: error },
            );
          }
          if (decision === 'check') {
            throw note(error, `${words.pending}: check the page before running the command again`);
          }
          if (resent) {
            throw note(error, `${words.notDone}; it was already sent twice, so it is not sent again`);
          }
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
    await this.wait(delay.ms);
  }

  private wait(ms: number): Promise<void> {
    return (this.options.sleep ?? sleep)(ms);
  }

  /**
   * Looks for the write until it is found or the recovery window closes. `resendable`: a resend
   * may follow, so half the time left is kept for it.
   */
  private async lookFor(trace: WriteTrace, error: CliError, firstSentAt: number, resendable: boolean): Promise<Look> {
    const words = WORDS[trace.kind];
    this.options.notify(`${reason(error)}: the ${words.write} was not confirmed; checking ${words.check}`);
    const left = () => this.transport.remainingMs() - MIN_ATTEMPT_MS;
    const windowMs = trace.kind === 'create' ? Math.min(RECOVERY_WINDOW_MS, resendable ? left() / 2 : left()) : 0;
    let waited = 0;
    let result: Look;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await look((read) => this.send(read), trace, firstSentAt);
      } catch (lookupError) {
        const why = lookupError instanceof Error ? lookupError.message : String(lookupError);
        return { outcome: 'unknown', why: `the check failed: ${why}` };
      }
      if (result.outcome === 'found') break;
      const pause = Math.min(LOOK_AGAIN_MS[attempt] ?? LOOK_AGAIN_MS.at(-1) ?? 0, windowMs - waited);
      if (pause <= 0 || pause > left()) break;
      if (attempt === 0) {
        this.options.notify(
          `not there yet; looking again for up to ${formatSeconds(windowMs)}, as the API's lists can lag behind its writes`,
        );
      }
      this.options.log?.(`* looking again for the ${words.write} in ${pause} ms`);
      await this.wait(pause);
      waited += pause;
    }
    if (result.outcome === 'found') {
      const at = result.at ? ` at ${result.at}` : '';
      const { id, name } = result.incident;
      this.options.notify(
        trace.kind === 'create'
          ? `recovered: incident ${id} '${name}' was created${at} although the API did not confirm it; not creating it again`
          : `recovered: the update to incident ${id} was posted${at} although the API did not confirm it; not posting it again`,
      );
    } else if (result.outcome === 'absent') {
      this.options.notify(result.note ? `${words.absent}; ${result.note}` : words.absent);
    }
    return result;
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

/** The same error, kind and exit code and all, with what was done about it appended. */
function note(error: CliError, text: string): CliError {
  return error.withNote(text);
}
