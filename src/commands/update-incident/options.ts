import { IMPACTS, INCIDENT_STATUSES } from '../../api/constants.js';
import {
  commandSchema,
  componentRefsSchema,
  componentStatusSchema,
  connectionShape,
  idSchema,
  messageShape,
  notifyShape,
  outputShape,
  titleSchema,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const updateIncidentOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    ...messageShape,
    ...notifyShape,
    incident: idSchema,
    title: titleSchema.optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    impact: z.enum(IMPACTS).optional(),
    components: componentRefsSchema.default([]),
    componentStatus: componentStatusSchema.optional(),
  },
  // An update that changes nothing would still be a request, and maybe a notification.
  (o) =>
    [o.title, o.status, o.impact, o.message, o.messageFile].every((v) => v === undefined) &&
    Array.isArray(o.components) &&
    o.components.length === 0
      ? 'nothing to update: give at least one of --status, --message, --impact, --title, --components'
      : undefined,
);
export type UpdateIncidentOptions = z.infer<typeof updateIncidentOptionsSchema>;
