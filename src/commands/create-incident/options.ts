import { IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import {
  commandSchema,
  componentRefsSchema,
  componentStatusSchema,
  connectionShape,
  dedupKeySchema,
  messageShape,
  notifyShape,
  outputShape,
  titleSchema,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const createIncidentOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  ...messageShape,
  ...notifyShape,
  title: titleSchema,
  status: z.enum(REALTIME_STATUSES).optional(),
  impact: z.enum(IMPACTS).optional(),
  components: componentRefsSchema.default([]),
  componentStatus: componentStatusSchema.optional(),
  dedupKey: dedupKeySchema.optional(),
});
export type CreateIncidentOptions = z.infer<typeof createIncidentOptionsSchema>;
