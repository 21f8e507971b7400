// The maintenance window from --scheduled, --until and --duration, checked against the clock.
import { UsageError } from '../../errors.js';
import { LAST_INSTANT_MS, parseDuration, parseInstant } from '../../utils/time.js';

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
  let endFlag: string;
  if (flags.until !== undefined) {
    const until = parseInstant(flags.until);
    if (!until) throw new UsageError(`--until '${flags.until}': ${INSTANT_HINT}`);
    end = until;
    endFlag = `--until '${flags.until}'`;
  } else if (flags.duration !== undefined) {
    const parsed = parseDuration(flags.duration);
    if (!parsed.ok) throw new UsageError(`--duration '${flags.duration}': ${parsed.problem}`);
    end = new Date(start.getTime() + parsed.value);
    endFlag = `--duration '${flags.duration}'`;
  } else {
    end = new Date(start.getTime() + DEFAULT_DURATION_MS);
    endFlag = 'the default duration (1h)';
  }
  if (end.getTime() <= start.getTime()) {
    throw new UsageError(`${endFlag} is not after the start (${start.toISOString()})`);
  }
  if (!(end.getTime() <= LAST_INSTANT_MS)) {
    throw new UsageError(`${endFlag} ends after the year 9999, which the API cannot store; choose an earlier end`);
  }
  return { start, end, startsNow };
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
