import * as z from 'zod';
import {
  commonOptionsSchema,
  componentRefsSchema,
  dedupKeySchema,
  messageSchema,
  titleSchema,
} from '../../cli/option-schemas.js';

export const scheduleMaintenanceOptionsSchema = commonOptionsSchema.extend({
  title: titleSchema,
  message: messageSchema.optional(),
  messageFile: z.string().optional(),
  components: componentRefsSchema.default([]),
  scheduled: z.string().default('now'),
  until: z.string().optional(),
  duration: z.string().optional(),
  remind: z.boolean().default(true),
  autoStart: z.boolean().default(true),
  autoComplete: z.boolean().optional(),
  notify: z.boolean().default(true),
  dedupKey: dedupKeySchema.optional(),
});
export type ScheduleMaintenanceOptions = z.infer<typeof scheduleMaintenanceOptionsSchema>;
