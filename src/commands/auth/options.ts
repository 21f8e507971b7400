// zod schemas for the auth subcommands' flags.
import * as z from 'zod';
import { timeoutSchema } from '../../cli/option-schemas.js';

export const keychainOptionsSchema = z.object({
  keychainService: z.string().trim().min(1, 'must not be empty'),
  keychainUser: z.string().trim().min(1, 'must not be empty').optional(),
});

export const apiOptionsSchema = z.object({
  ignoreSsl: z.boolean().default(false),
  timeout: timeoutSchema.default(30),
  verbose: z.boolean().default(false),
});
export type ApiOptions = z.infer<typeof apiOptionsSchema>;

export const loginOptionsSchema = keychainOptionsSchema.extend(apiOptionsSchema.shape).extend({
  /** Commander's --no-verify sets this to false. */
  verify: z.boolean().default(true),
});

export const statusOptionsSchema = keychainOptionsSchema.extend(apiOptionsSchema.shape).extend({
  token: z.string().optional(),
});

export const logoutOptionsSchema = keychainOptionsSchema;
