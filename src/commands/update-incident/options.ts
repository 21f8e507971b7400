import * as z from 'zod';
import { IMPACTS, INCIDENT_STATUSES } from '../../api/constants.js';
import {
  commonOptionsSchema,
  componentRefsSchema,
  componentStatusSchema,
  idSchema,
  messageSchema,
  titleSchema,
} from '../../cli/option-schemas.js';

export const updateIncidentOptionsSchema = commonOptionsSchema.extend({
  incident: idSchema,
  title: titleSchema.optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  impact: z.enum(IMPACTS).optional(),
  message: messageSchema.optional(),
  messageFile: z.string().optional(),
  components: componentRefsSchema.default([]),
  componentStatus: componentStatusSchema.optional(),
  notify: z.boolean().optional(),
});
export type UpdateIncidentOptions = z.infer<typeof updateIncidentOptionsSchema>;
