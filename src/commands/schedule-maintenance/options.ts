import {
  broadcastShape,
  type CrossRule,
  commandSchema,
  dedupKeySchema,
  timeZoneSchema,
  titleRequired,
} from '../../cli/option-schemas.js';
import { askingParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

const shape = {
  ...broadcastShape,
  scheduled: z._default(z.string(), 'now'),
  until: z.optional(z.string()),
  duration: z.optional(z.string()),
  tz: z.optional(timeZoneSchema),
  // Unset: a reminder when subscribers are notified of the window (request.ts).
  remind: z.optional(z.boolean()),
  autoStart: z._default(z.boolean(), true),
  autoComplete: z.optional(z.boolean()),
  dedupKey: z.optional(dedupKeySchema),
};

/** A reminder is a notification: asking for one beside --no-notify cannot be both. */
const remindNeedsNotify: CrossRule = (o) =>
  o.remind === true && o.notify === false
    ? '--remind and --no-notify: a reminder notifies the subscribers --no-notify keeps quiet; give one of them'
    : undefined;

export const scheduleMaintenanceOptionsSchema = commandSchema(shape, titleRequired, remindNeedsNotify);
export type ScheduleMaintenanceOptions = z.infer<typeof scheduleMaintenanceOptionsSchema>;

/** At a terminal, what was given before the rest is asked for (wizard.ts): no title or start yet. */
export const scheduleMaintenanceWizardSchema = commandSchema(
  { ...shape, scheduled: z.optional(z.string()) },
  remindNeedsNotify,
);
export type ScheduleMaintenanceGiven = z.infer<typeof scheduleMaintenanceWizardSchema>;

/** A person at a terminal who gave no title or no start is asked for what is missing. */
export const parseScheduleMaintenance = askingParser(
  scheduleMaintenanceOptionsSchema,
  scheduleMaintenanceWizardSchema,
  (raw) => raw.title === undefined || raw.scheduled === undefined,
);
