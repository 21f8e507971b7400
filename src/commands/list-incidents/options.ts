import { commandSchema, connectionShape, outputShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';
import { MAX_LIMIT } from './command.js';

const limitSchema = z.coerce
  .number({ message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .int(`must be a whole number from 1 to ${MAX_LIMIT}`)
  .min(1, `must be a whole number from 1 to ${MAX_LIMIT}`)
  .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`);

const KIND_FLAGS = [
  ['scheduled', '--scheduled'],
  ['activeMaintenance', '--active-maintenance'],
  ['all', '--all'],
] as const;

export const listIncidentsOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    scheduled: z.boolean().default(false),
    activeMaintenance: z.boolean().default(false),
    all: z.boolean().default(false),
    limit: limitSchema.optional(),
  },
  (o) => {
    const given = KIND_FLAGS.filter(([key]) => o[key]).map(([, flag]) => flag);
    return given.length > 1 ? `${given.join(' and ')} cannot be used together; give one` : undefined;
  },
);
export type ListIncidentsOptions = z.infer<typeof listIncidentsOptionsSchema>;
export const parseListIncidents = optionsParser(listIncidentsOptionsSchema);
