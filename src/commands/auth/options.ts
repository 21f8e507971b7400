// zod schemas for the auth subcommands' flags: the shared keychain and transport groups.
import { commandSchema, keychainShape, transportShape } from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const loginOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  /** Commander's --no-verify sets this to false. */
  verify: z.boolean().default(true),
});

export const statusOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  token: z.string().optional(),
});

export const logoutOptionsSchema = commandSchema(keychainShape);

export type TransportOptions = z.output<z.ZodObject<typeof transportShape>>;
