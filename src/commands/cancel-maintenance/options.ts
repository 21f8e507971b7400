import { commandSchema, connectionShape, idSchema, outputShape } from '../../cli/option-schemas.js';
import type * as z from '../../zod.js';

export const cancelMaintenanceOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  incident: idSchema,
});
export type CancelMaintenanceOptions = z.infer<typeof cancelMaintenanceOptionsSchema>;
