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
  maxRetries: maxRetriesSchema.default(3),
  token: z.string().optional(),
  profile: profileNameSchema.optional(),
});
export const parseListPages = optionsParser(listPagesOptionsSchema);
export type ListPagesOptions = z.output<typeof listPagesOptionsSchema>;
