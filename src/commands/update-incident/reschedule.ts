// update-incident --scheduled / --until / --duration: a maintenance window moved, by the rules
// schedule-maintenance applies to a new one. The flags are read before anything is sent
// (`planMove`); the window they give depends on the one the maintenance has, read first (`movedWindow`).
import type { Incident, UpdateIncidentBody } from '../../api/schemas.js';
import { UsageError } from '../../errors.js';
import { formatDuration, parseDuration, type WhenContext } from '../../utils/time.js';
import {
  checkEnd,
  DEFAULT_DURATION_MS,
  given,
  type WindowEnd,
  whenFlag,
  windowStart,
} from '../schedule-maintenance/window.js';

export interface MoveFlags {
  scheduled?: string | undefined;
  until?: string | undefined;
  duration?: string | undefined;
}

export interface MovePlan {
  /** The flag named when the maintenance cannot be moved. */
  flag: string;
  start?: Date;
  /** --scheduled as given. */
  startText?: string;
  until?: WindowEnd;
  duration?: { ms: number; source: string };
}

export type WindowFields = Pick<UpdateIncidentBody['incident'], 'scheduled_for' | 'scheduled_until'>;

/** The flags as instants and lengths, each checked on its own; undefined when none is given. */
export function planMove(flags: MoveFlags, context: WhenContext): MovePlan | undefined {
  const { scheduled, until, duration } = flags;
  if (scheduled === undefined && until === undefined && duration === undefined) return undefined;
  if (until !== undefined && duration !== undefined) {
    throw new UsageError('--until and --duration cannot be used together; give one');
  }
  const flag = scheduled !== undefined ? '--scheduled' : until !== undefined ? '--until' : '--duration';
  const plan: MovePlan = { flag };
  if (scheduled !== undefined) {
    plan.start = windowStart(scheduled, context).start;
    plan.startText = scheduled;
  }
  if (until !== undefined) {
    const end = whenFlag('--until', until, context);
    plan.until = { end, source: given('--until', until, end) };
  }
  if (duration !== undefined) {
    const parsed = parseDuration(duration);
    if (!parsed.ok) throw new UsageError(`--duration '${duration}': ${parsed.problem}`);
    plan.duration = { ms: parsed.value, source: `--duration '${duration}'` };
  }
  return plan;
}

function instant(text: string | null | undefined): Date | undefined {
  const date = text ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * The fields to send: a new start moves the end with it (by --until or --duration, else keeping
 * the window's length); an end alone (--until, or --duration from the current start) leaves the
 * start as it is, and is all that is sent.
 */
export function movedWindow(plan: MovePlan, current: Incident, now: number): WindowFields {
  const currentStart = instant(current.scheduled_for);
  const currentEnd = instant(current.scheduled_until);
  const start = plan.start ?? currentStart;
  if (!start) {
    throw new UsageError(
      `${plan.flag}: maintenance ${current.id} has no scheduled start to measure from; give --scheduled too`,
    );
  }
  let end: WindowEnd;
  if (plan.until) end = plan.until;
  else if (plan.duration) end = { end: new Date(start.getTime() + plan.duration.ms), source: plan.duration.source };
  else if (currentStart && currentEnd && currentEnd > currentStart) {
    const length = currentEnd.getTime() - currentStart.getTime();
    end = {
      end: new Date(start.getTime() + length),
      source: `--scheduled '${plan.startText}' with the window's length (${formatDuration(length)})`,
    };
  } else end = { end: new Date(start.getTime() + DEFAULT_DURATION_MS), source: 'the default duration (1h)' };
  const checked = checkEnd(end, start, now);
  const fields: WindowFields = { scheduled_until: checked.toISOString() };
  return plan.start ? { scheduled_for: start.toISOString(), ...fields } : fields;
}
