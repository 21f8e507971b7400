import * as z from 'zod';
import { commonOptionsSchema, componentRefsSchema, idSchema, messageSchema } from '../../cli/option-schemas.js';

export const EVENTS = ['incident', 'maintenance'] as const;
export type EventKind = (typeof EVENTS)[number];

export const resolveIncidentOptionsSchema = commonOptionsSchema.extend({
  incident: idSchema,
  event: z.enum(EVENTS).optional(),
  components: componentRefsSchema.default([]),
  message: messageSchema.optional(),
  messageFile: z.string().optional(),
  notify: z.boolean().optional(),
});
export type ResolveIncidentOptions = z.infer<typeof resolveIncidentOptionsSchema>;
