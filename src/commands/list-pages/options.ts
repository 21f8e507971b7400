import {
  commandSchema,
  keychainShape,
  maxRetriesSchema,
  outputShape,
  profileNameSchema,
  transportShape,
} from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

// No --page: listing the pages is how one finds it.
export const listPagesOptionsSchema = commandSchema({
  ...keychainShape,
  ...transportShape,
  ...outputShape,
  maxRetries: z._default(maxRetriesSchema, 3),
  token: z.optional(z.string()),
  profile: z.optional(profileNameSchema),
});
export const parseListPages = optionsParser(listPagesOptionsSchema);
export type ListPagesOptions = z.output<typeof listPagesOptionsSchema>;
