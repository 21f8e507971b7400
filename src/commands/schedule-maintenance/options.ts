import {
  commandSchema,
  componentRefsSchema,
  connectionShape,
  dedupKeySchema,
  messageShape,
  notifyShape,
  outputShape,
  timeZoneSchema,
  titleSchema,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const scheduleMaintenanceOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  ...messageShape,
  ...notifyShape,
  title: titleSchema,
  components: componentRefsSchema.default([]),
  scheduled: z.string().default('now'),
  until: z.string().optional(),
  duration: z.string().optional(),
  tz: timeZoneSchema.optional(),
  remind: z.boolean().default(true),
  autoStart: z.boolean().default(true),
  autoComplete: z.boolean().optional(),
  dedupKey: dedupKeySchema.optional(),
});
export type ScheduleMaintenanceOptions = z.infer<typeof scheduleMaintenanceOptionsSchema>;
