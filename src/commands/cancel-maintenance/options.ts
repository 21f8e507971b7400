import { incidentFromArgs } from '../../cli/incident-arg.js';
import { commandSchema, connectionShape, idSchema, outputShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import type * as z from '../../zod.js';

export const cancelMaintenanceOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  incident: idSchema,
});
export type CancelMaintenanceOptions = z.infer<typeof cancelMaintenanceOptionsSchema>;
export const parseCancelMaintenance = optionsParser(cancelMaintenanceOptionsSchema, (raw, args) => ({
  ...raw,
  incident: incidentFromArgs(raw.incident, args),
}));
