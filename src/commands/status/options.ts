import { commandSchema, connectionShape, outputShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

export const pageStatusOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  exitStatus: z._default(z.boolean(), false),
});
export type PageStatusOptions = z.infer<typeof pageStatusOptionsSchema>;
export const parsePageStatus = optionsParser(pageStatusOptionsSchema);
