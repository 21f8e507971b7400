// zod schemas for the postmortem subcommands' flags.
import {
  argumentText,
  commandSchema,
  connectionShape,
  idSchema,
  notifyShape,
  outputShape,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

/** The API states no limit for a postmortem, so the CLI sets none of its own. */
export const POSTMORTEM_MAX = Number.POSITIVE_INFINITY;

const incident = { incident: idSchema };

export const showPostmortemOptionsSchema = commandSchema({
  ...connectionShape,
  json: z.boolean().default(false),
  quiet: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  draft: z.boolean().default(false),
  ...incident,
});

export const draftPostmortemOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    message: argumentText(POSTMORTEM_MAX).optional(),
    messageFile: z.string().optional(),
    ...incident,
  },
  (o) =>
    o.message === undefined && o.messageFile === undefined
      ? 'give the postmortem: --message-file pm.md, -m - (standard input) or -m TEXT'
      : undefined,
);

export const publishPostmortemOptionsSchema = commandSchema({
  ...connectionShape,
  ...outputShape,
  ...notifyShape,
  ...incident,
});

export const revertPostmortemOptionsSchema = commandSchema({ ...connectionShape, ...outputShape, ...incident });

export type ShowPostmortemOptions = z.infer<typeof showPostmortemOptionsSchema>;
