import { commandSchema, connectionShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const apiOptionsSchema = commandSchema(
  {
    ...connectionShape,
    dryRun: z._default(z.boolean(), false),
    // The answer is always printed as JSON; there is no other form to choose.
    json: z._default(z.boolean(), false),
    quiet: z._default(z.boolean(), false),
    path: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
    method: z.optional(
      z.pipe(
        z.pipe(
          z.string(),
          z.transform((m) => m.trim().toUpperCase()),
        ),
        z.enum(API_METHODS),
      ),
    ),
    rawField: z._default(z.array(z.string()), []),
    field: z._default(z.array(z.string()), []),
    input: z.optional(z.string().check(z.minLength(1, 'must not be empty'))),
    paginate: z._default(z.boolean(), false),
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
