import type { ParseFunction } from '../../cli/command-kit.js';
import {
  commandSchema,
  keychainShape,
  outputShape,
  profileNameSchema,
  transportShape,
} from '../../cli/option-schemas.js';
import { UsageError } from '../../errors.js';
import { optionsParser, parseOptions } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const profileAddOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  page: z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
  apiUrl: z.optional(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))),
  confirm: z._default(z.boolean(), true),
  default: z._default(z.boolean(), false),
  token: z.optional(z.string()),
});
export const profileListOptionsSchema = commandSchema(outputShape);
/** use and remove take a name and no flags. */
export const profileNameOnlySchema = commandSchema({});

function profileName(raw: unknown): string {
  const parsed = profileNameSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`profile name '${String(raw)}': ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export type ProfileAddOptions = z.output<typeof profileAddOptionsSchema> & { name: string };

export const parseProfileAdd: ParseFunction<ProfileAddOptions> = (_io, raw, args) => {
  const name = profileName(args[0]);
  return { ...parseOptions(profileAddOptionsSchema, raw), name };
};
export type ProfileListOptions = z.output<typeof profileListOptionsSchema>;
export const parseProfileList = optionsParser(profileListOptionsSchema);
export const parseProfileName: ParseFunction<{ name: string }> = (_io, _raw, args) => ({ name: profileName(args[0]) });
