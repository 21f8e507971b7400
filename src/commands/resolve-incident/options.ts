import {
  commandSchema,
  componentRefsSchema,
  connectionShape,
  idSchema,
  messageShape,
  notifyShape,
  outputShape,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const EVENTS = ['incident', 'maintenance'] as const;

export const resolveIncidentOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  ...messageShape,
  ...notifyShape,
  incident: idSchema,
  event: z.enum(EVENTS).optional(),
  components: componentRefsSchema.default([]),
});
export type ResolveIncidentOptions = z.infer<typeof resolveIncidentOptionsSchema>;
