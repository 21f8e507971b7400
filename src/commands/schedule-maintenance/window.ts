// The maintenance window from --scheduled, --until and --duration, checked against the clock.
import { UsageError } from '../../errors.js';
import { parseDuration, parseInstant } from '../../utils/time.js';

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

const INSTANT_HINT = 'expected an ISO 8601 instant with a zone, e.g. 2030-01-02T03:04:05Z or 2030-01-02T05:04:05+02:00';

export function maintenanceWindow(flags: WindowFlags, now: Date = new Date()): MaintenanceWindow {
  const startsNow = flags.scheduled.trim().toLowerCase() === 'now';
  const start = startsNow ? new Date(now.getTime() + NOW_LEAD_MS) : parseInstant(flags.scheduled);
  if (!start) throw new UsageError(`--scheduled '${flags.scheduled}': ${INSTANT_HINT}, or 'now'`);
  if (start.getTime() <= now.getTime()) {
    throw new UsageError(`--scheduled '${flags.scheduled}' is in the past (now is ${now.toISOString()})`);
  }
  if (flags.until !== undefined && flags.duration !== undefined) {
    throw new UsageError('--until and --duration cannot be used together; give one');
  }
  let end: Date;
  if (flags.until !== undefined) {
    const until = parseInstant(flags.until);
    if (!until) throw new UsageError(`--until '${flags.until}': ${INSTANT_HINT}`);
    end = until;
  } else if (flags.duration !== undefined) {
    const ms = parseDuration(flags.duration);
    if (ms === undefined)
      throw new UsageError(`--duration '${flags.duration}': expected a length such as 90m, 2h or 1h30m`);
    end = new Date(start.getTime() + ms);
  } else {
    end = new Date(start.getTime() + DEFAULT_DURATION_MS);
  }
  if (end.getTime() <= start.getTime()) {
    throw new UsageError(`--until '${flags.until}' is not after the start (${start.toISOString()})`);
  }
  return { start, end, startsNow };
}
