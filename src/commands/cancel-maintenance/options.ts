import { commandSchema, connectionShape, idSchema, outputShape } from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

export const cancelMaintenanceOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  incident: idSchema,
  yes: z.boolean().default(false),
});
export type CancelMaintenanceOptions = z.infer<typeof cancelMaintenanceOptionsSchema>;
