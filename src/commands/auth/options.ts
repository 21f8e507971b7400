// zod schemas for the auth subcommands' flags: the shared keychain and transport groups.
import { commandSchema, keychainShape, profileNameSchema, transportShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const loginOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  /** Commander's --no-verify sets this to false. */
  verify: z._default(z.boolean(), true),
  profile: z.optional(profileNameSchema),
});

export const statusOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  token: z.optional(z.string()),
  profile: z.optional(profileNameSchema),
});

export const logoutOptionsSchema = commandSchema({ ...keychainShape, profile: z.optional(profileNameSchema) });

export type TransportOptions = z.output<z.ZodMiniObject<typeof transportShape>>;
export type LoginOptions = z.output<typeof loginOptionsSchema>;
export type StatusOptions = z.output<typeof statusOptionsSchema>;
export type LogoutOptions = z.output<typeof logoutOptionsSchema>;
export const parseLogin = optionsParser(loginOptionsSchema);
export const parseStatus = optionsParser(statusOptionsSchema);
export const parseLogout = optionsParser(logoutOptionsSchema);
