import { commandSchema } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

const serverShape = {
  seed: z.string().min(1).optional(),
  rateLimit: z.boolean().default(false),
  latency: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 or more')
    .max(60_000, 'must be at most 60000')
    .optional(),
};

export const sandboxServeOptionsSchema = commandSchema(
  {
    ...serverShape,
    port: z.coerce
      .number({ message: 'must be a port number' })
      .int('must be a port number')
      .min(0, 'must be 0 to 65535')
      .max(65_535, 'must be 0 to 65535')
      .optional(),
    data: z.string().min(1).optional(),
    ephemeral: z.boolean().default(false),
    json: z.boolean().default(false),
  },
  (o) => (o.data !== undefined && o.ephemeral ? '--data and --ephemeral cannot be used together; give one' : undefined),
);
export const sandboxExecOptionsSchema = commandSchema(serverShape);
export const sandboxResetOptionsSchema = commandSchema({ data: z.string().min(1).optional() });

export const parseSandboxServe = optionsParser(sandboxServeOptionsSchema);
export const parseSandboxExec = optionsParser(sandboxExecOptionsSchema);
export const parseSandboxReset = optionsParser(sandboxResetOptionsSchema);
export type SandboxServeOptions = z.output<typeof sandboxServeOptionsSchema>;
export type SandboxExecOptions = z.output<typeof sandboxExecOptionsSchema>;
export type SandboxResetOptions = z.output<typeof sandboxResetOptionsSchema>;
