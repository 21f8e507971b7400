import {
  commandSchema,
  connectionShape,
  failWith,
  idSchema,
  messageShape,
  notifyShape,
  outputShape,
} from '../../cli/option-schemas.js';
import { parseInstant } from '../../utils/time.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

/** An ISO 8601 instant with a zone, as the API stores it (UTC). */
const displayAtSchema = z.pipe(
  z.string(),
  z.transform((text, ctx) => {
    const date = parseInstant(text);
    if (date) return date.toISOString();
    return failWith(
      ctx,
      'is not an ISO 8601 instant with a zone; e.g. 2030-01-02T03:04:00Z or 2030-01-02T05:04:00+02:00',
    );
  }),
);

export const editUpdateOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    ...messageShape,
    ...notifyShape,
    incident: idSchema,
    update: z.optional(idSchema),
    displayAt: z.optional(displayAtSchema),
  },
  (o) =>
    [o.message, o.messageFile, o.displayAt].every((v) => v === undefined)
      ? 'nothing to edit: give --message (or --message-file, or -m - for stdin) and/or --display-at'
      : undefined,
);
export type EditUpdateOptions = z.infer<typeof editUpdateOptionsSchema>;
export const parseEditUpdate = optionsParser(editUpdateOptionsSchema, (raw, [incident, update]) => ({
  ...raw,
  incident,
  update,
}));
