import * as z from 'zod';
import { IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import {
  commonOptionsSchema,
  componentRefsSchema,
  componentStatusSchema,
  dedupKeySchema,
  messageSchema,
  titleSchema,
} from '../../cli/option-schemas.js';

export const createIncidentOptionsSchema = commonOptionsSchema.extend({
  title: titleSchema,
  status: z.enum(REALTIME_STATUSES).optional(),
  impact: z.enum(IMPACTS).optional(),
  message: messageSchema.optional(),
  messageFile: z.string().optional(),
  components: componentRefsSchema.default([]),
  componentStatus: componentStatusSchema.optional(),
  notify: z.boolean().optional(),
  dedupKey: dedupKeySchema.optional(),
});
export type CreateIncidentOptions = z.infer<typeof createIncidentOptionsSchema>;
