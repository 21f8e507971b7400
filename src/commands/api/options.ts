import { commandSchema, connectionShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const apiOptionsSchema = commandSchema(
  {
    ...connectionShape,
    dryRun: z.boolean().default(false),
    // The answer is always printed as JSON; there is no other form to choose.
    json: z.boolean().default(false),
    quiet: z.boolean().default(false),
    path: z.string().trim().min(1, 'must not be empty'),
    method: z
      .string()
      .transform((m) => m.trim().toUpperCase())
      .pipe(z.enum(API_METHODS))
      .optional(),
    rawField: z.array(z.string()).default([]),
    field: z.array(z.string()).default([]),
    input: z.string().min(1, 'must not be empty').optional(),
    paginate: z.boolean().default(false),
  },
  (o) =>
    o.input !== undefined && (hasItems(o.rawField) || hasItems(o.field))
      ? '-f/-F and --input cannot be used together: put the fields in the --input JSON, or drop --input'
      : undefined,
);
export type ApiOptions = z.infer<typeof apiOptionsSchema>;

function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
export const parseApi = optionsParser(apiOptionsSchema, (raw, args) => ({ ...raw, path: args[0] }));
