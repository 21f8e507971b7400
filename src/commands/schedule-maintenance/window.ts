// The maintenance window from --scheduled, --until and --duration, checked against the clock.
// update-incident moves a window by the same rules (update-incident/reschedule.ts).
import { UsageError } from '../../errors.js';
import {
  LAST_INSTANT_MS,
  parseDuration,
  parseInstant,
  parseWhen,
  timeFormsHint,
  type WhenContext,
} from '../../utils/time.js';

/** Statuspage refuses a window that starts the moment it is created. */
export const NOW_LEAD_MS = 60_000;
export const DEFAULT_DURATION_MS = 60 * 60_000;

export interface WindowFlags {
  scheduled: string;
  until?: string | undefined;
  duration?: string | undefined;
}

export interface MaintenanceWindow {
  start: Date;
  end: Date;
  /** --scheduled now: the window opens in a minute rather than at a later time. */
  startsNow: boolean;
}

/** `'in 2h' (2030-01-01T02:00:00.000Z)`: what was typed and, unless it was an instant already, what it became. */
export function given(flag: string, text: string, resolved?: Date): string {
  const shown = resolved && !parseInstant(text) ? ` (${resolved.toISOString()})` : '';
  return `${flag} '${text}'${shown}`;
}

/** A time flag's value as an instant: any form parseWhen reads; otherwise a usage error naming the flag. */
export function whenFlag(flag: string, text: string, context: WhenContext): Date {
  const parsed = parseWhen(text, context);
  if (parsed.ok) return parsed.value;
  const orNow =
    flag === '--scheduled' && parsed.problem === timeFormsHint(context.zone) ? ", or 'now' (in a minute)" : '';
  throw new UsageError(`${flag} '${text}': ${parsed.problem}${orNow}`);
}

/** --scheduled: `now` (a minute ahead, which the API accepts) or a later time. */
export function windowStart(text: string, context: WhenContext): { start: Date; startsNow: boolean } {
  const startsNow = text.trim().toLowerCase() === 'now';
  const start = startsNow ? new Date(context.now + NOW_LEAD_MS) : whenFlag('--scheduled', text, context);
  if (start.getTime() <= context.now) {
    throw new UsageError(
      `${given('--scheduled', text, start)} is in the past (now is ${new Date(context.now).toISOString()})`,
    );
  }
  return { start, startsNow };
}

/** The end a flag gives, with the words that name it in an error. */
export interface WindowEnd {
  end: Date;
  source: string;
}

/** --until or --duration after `start`, or undefined when neither is given. */
export function endFromFlags(
  flags: { until?: string | undefined; duration?: string | undefined },
  start: Date,
  context: WhenContext,
): WindowEnd | undefined {
  if (flags.until !== undefined && flags.duration !== undefined) {
    throw new UsageError('--until and --duration cannot be used together; give one');
  }
  if (flags.until !== undefined) {
    const end = whenFlag('--until', flags.until, context);
    return { end, source: given('--until', flags.until, end) };
  }
  if (flags.duration !== undefined) {
    const parsed = parseDuration(flags.duration);
    if (!parsed.ok) throw new UsageError(`--duration '${flags.duration}': ${parsed.problem}`);
    return { end: new Date(start.getTime() + parsed.value), source: `--duration '${flags.duration}'` };
  }
  return undefined;
}

/** An end must follow the start and the clock, and fit the API's four-digit years. */
export function checkEnd({ end, source }: WindowEnd, start: Date, now: number): Date {
  if (end.getTime() <= start.getTime()) {
    throw new UsageError(`${source} is not after the start (${start.toISOString()})`);
  }
  if (end.getTime() <= now) {
    throw new UsageError(`${source} is in the past (now is ${new Date(now).toISOString()})`);
  }
  if (!(end.getTime() <= LAST_INSTANT_MS)) {
    throw new UsageError(`${source} ends after the year 9999, which the API cannot store; choose an earlier end`);
  }
  return end;
}

/** `zone`: where a local time (`2030-01-02 03:00`) is read. */
export function maintenanceWindow(flags: WindowFlags, now: Date = new Date(), zone = 'UTC'): MaintenanceWindow {
  const context: WhenContext = { now: now.getTime(), zone };
  const { start, startsNow } = windowStart(flags.scheduled, context);
  const end = endFromFlags(flags, start, context) ?? {
    end: new Date(start.getTime() + DEFAULT_DURATION_MS),
    source: 'the default duration (1h)',
  };
  return { start, end: checkEnd(end, start, context.now), startsNow };
}

/**
 * `-c NAME=STATUS` on a maintenance: under_maintenance is the only status a maintenance gives, and
 * only a window that opens now gives it at once. A later window moves its components when it
 * opens; marking them now would hide their real state (an outage, say) until then.
 */
export function assertComponentStatusesFit(
  refs: readonly { ref: string; status?: string | undefined }[],
  window: MaintenanceWindow,
): void {
  for (const { ref, status } of refs) {
    if (status === undefined) continue;
    const given = `--components '${ref}=${status}'`;
    if (status !== 'under_maintenance') {
      throw new UsageError(
        `${given}: a maintenance sets its components to under_maintenance only; other statuses belong to an incident (create-incident)`,
      );
    }
    if (!window.startsNow) {
      throw new UsageError(
        `${given}: the window opens at ${window.start.toISOString()} and its components go under maintenance then; leave out '=${status}'`,
      );
    }
  }
}
