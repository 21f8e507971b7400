import { commandSchema, typedNumber } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

const serverShape = {
  seed: z.optional(z.string().check(z.minLength(1, 'must name a JSON file'))),
  rateLimit: z._default(z.boolean(), false),
  latency: z.optional(typedNumber('must be a whole number of milliseconds', [z.lte(60_000, 'must be at most 60000')])),
};

export const sandboxServeOptionsSchema = commandSchema(
  {
    ...serverShape,
    port: z.optional(
      typedNumber('must be a port number, 0 to 65535', [z.lte(65_535, 'must be a port number, 0 to 65535')]),
    ),
    data: z.optional(z.string().check(z.minLength(1, 'must name a file'))),
    ephemeral: z._default(z.boolean(), false),
    json: z._default(z.boolean(), false),
  },
  (o) => (o.data !== undefined && o.ephemeral ? '--data and --ephemeral cannot be used together; give one' : undefined),
);
export const sandboxExecOptionsSchema = commandSchema(serverShape);
export const sandboxResetOptionsSchema = commandSchema({
  data: z.optional(z.string().check(z.minLength(1, 'must name a file'))),
});

export const parseSandboxServe = optionsParser(sandboxServeOptionsSchema);
export const parseSandboxExec = optionsParser(sandboxExecOptionsSchema);
export const parseSandboxReset = optionsParser(sandboxResetOptionsSchema);
export type SandboxServeOptions = z.output<typeof sandboxServeOptionsSchema>;
export type SandboxExecOptions = z.output<typeof sandboxExecOptionsSchema>;
export type SandboxResetOptions = z.output<typeof sandboxResetOptionsSchema>;
