import * as z from 'zod';
import { commonOptionsSchema } from '../../cli/option-schemas.js';
import { MAX_LIMIT } from './limits.js';

const limitSchema = z.coerce
  .number({ message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .int(`must be a whole number from 1 to ${MAX_LIMIT}`)
  .min(1, `must be a whole number from 1 to ${MAX_LIMIT}`)
  .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`);

export const listIncidentsOptionsSchema = commonOptionsSchema.extend({
  scheduled: z.boolean().default(false),
  activeMaintenance: z.boolean().default(false),
  all: z.boolean().default(false),
  limit: limitSchema.optional(),
});
export type ListIncidentsOptions = z.infer<typeof listIncidentsOptionsSchema>;

export const LIST_INCIDENTS_FLAG_NAMES = { limit: '--limit' } as const;
