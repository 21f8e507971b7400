// zod schemas for the auth subcommands' flags: the shared keychain and transport groups.
import { commandSchema, keychainShape, profileNameSchema, transportShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const loginOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  /** Commander's --no-verify sets this to false. */
  verify: z.boolean().default(true),
  profile: profileNameSchema.optional(),
});

export const statusOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  token: z.string().optional(),
  profile: profileNameSchema.optional(),
});

export const logoutOptionsSchema = commandSchema({ ...keychainShape, profile: profileNameSchema.optional() });

export type TransportOptions = z.output<z.ZodObject<typeof transportShape>>;
export type LoginOptions = z.output<typeof loginOptionsSchema>;
export type StatusOptions = z.output<typeof statusOptionsSchema>;
export type LogoutOptions = z.output<typeof logoutOptionsSchema>;
export const parseLogin = optionsParser(loginOptionsSchema);
export const parseStatus = optionsParser(statusOptionsSchema);
export const parseLogout = optionsParser(logoutOptionsSchema);
