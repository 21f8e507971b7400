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
  templateShape,
  titleSchema,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const createIncidentOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    ...messageShape,
    ...notifyShape,
    ...templateShape,
    title: titleSchema.optional(),
    status: z.enum(REALTIME_STATUSES).optional(),
    impact: z.enum(IMPACTS).optional(),
    components: componentRefsSchema.default([]),
    componentStatus: componentStatusSchema.optional(),
    dedupKey: dedupKeySchema.optional(),
  },
  (o) =>
    o.title === undefined && o.template === undefined
      ? '--title is required (or a --template with a title)'
      : undefined,
);
export type CreateIncidentOptions = z.infer<typeof createIncidentOptionsSchema>;
