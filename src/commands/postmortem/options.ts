// zod schemas for the postmortem subcommands' flags.
import type { RawOptions } from '../../cli/command-kit.js';
import {
  argumentText,
  commandSchema,
  connectionShape,
  idSchema,
  notifyShape,
  outputShape,
} from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

/** The API states no limit for a postmortem, so the CLI sets none of its own. */
export const POSTMORTEM_MAX = Number.POSITIVE_INFINITY;

const incident = { incident: idSchema };

export const showPostmortemOptionsSchema = commandSchema({
  ...connectionShape,
  json: z._default(z.boolean(), false),
  quiet: z._default(z.boolean(), false),
  dryRun: z._default(z.boolean(), false),
  draft: z._default(z.boolean(), false),
  ...incident,
});

export const draftPostmortemOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    message: z.optional(argumentText(POSTMORTEM_MAX)),
    messageFile: z.optional(z.string()),
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
export type DraftPostmortemOptions = z.infer<typeof draftPostmortemOptionsSchema>;
export type PublishPostmortemOptions = z.infer<typeof publishPostmortemOptionsSchema>;
export type RevertPostmortemOptions = z.infer<typeof revertPostmortemOptionsSchema>;

/** Each subcommand takes the incident as its one argument. */
const withIncident = (raw: RawOptions, args: string[]) => ({ ...raw, incident: args[0] });
export const parseShowPostmortem = optionsParser(showPostmortemOptionsSchema, withIncident);
export const parseDraftPostmortem = optionsParser(draftPostmortemOptionsSchema, withIncident);
export const parsePublishPostmortem = optionsParser(publishPostmortemOptionsSchema, withIncident);
export const parseRevertPostmortem = optionsParser(revertPostmortemOptionsSchema, withIncident);
