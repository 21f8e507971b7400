import { incidentParser } from '../../cli/incident-arg.js';
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

const shape = {
  ...connectionShape,
  ...outputShape,
  ...messageShape,
  ...notifyShape,
  incident: idSchema,
  event: z.optional(z.enum(EVENTS)),
  components: z._default(componentRefsSchema, []),
};

export const resolveIncidentOptionsSchema = commandSchema(shape);
export type ResolveIncidentOptions = z.infer<typeof resolveIncidentOptionsSchema>;

/** At a terminal, without an ID: the same flags, and the incident left to be picked. */
export const resolveIncidentPickSchema = commandSchema({ ...shape, incident: z.optional(idSchema) });
export type ResolveIncidentGiven = z.infer<typeof resolveIncidentPickSchema>;
export const parseResolveIncident = incidentParser(resolveIncidentOptionsSchema, resolveIncidentPickSchema);
