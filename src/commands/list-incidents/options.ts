import { commandSchema, connectionShape, outputShape, typedNumber } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';
import { MAX_LIMIT } from './command.js';

const limitSchema = typedNumber(`must be a whole number from 1 to ${MAX_LIMIT}`, [
  z.gte(1, `must be a whole number from 1 to ${MAX_LIMIT}`),
  z.lte(MAX_LIMIT, `must be at most ${MAX_LIMIT}`),
]);

const KIND_FLAGS = [
  ['scheduled', '--scheduled'],
  ['activeMaintenance', '--active-maintenance'],
  ['all', '--all'],
] as const;

export const listIncidentsOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    scheduled: z._default(z.boolean(), false),
    activeMaintenance: z._default(z.boolean(), false),
    all: z._default(z.boolean(), false),
    limit: z.optional(limitSchema),
  },
  (o) => {
    const given = KIND_FLAGS.filter(([key]) => o[key]).map(([, flag]) => flag);
    return given.length > 1 ? `${given.join(' and ')} cannot be used together; give one` : undefined;
  },
);
export type ListIncidentsOptions = z.infer<typeof listIncidentsOptionsSchema>;
export const parseListIncidents = optionsParser(listIncidentsOptionsSchema);
