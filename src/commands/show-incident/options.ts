import { incidentFromArgs } from '../../cli/incident-arg.js';
import { commandSchema, connectionShape, idSchema, outputShape } from '../../cli/option-schemas.js';
import { optionsParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

const VIEWS = [
  ['json', '--json'],
  ['markdown', '--markdown'],
  ['web', '--web'],
] as const;

export const showIncidentOptionsSchema = commandSchema(
  {
    ...connectionShape,
    ...outputShape,
    incident: idSchema,
    markdown: z._default(z.boolean(), false),
    web: z._default(z.boolean(), false),
  },
  (o) => {
    const given = VIEWS.filter(([key]) => o[key]).map(([, flag]) => flag);
    return given.length > 1 ? `${given.join(' and ')} cannot be used together; choose one` : undefined;
  },
);
export type ShowIncidentOptions = z.infer<typeof showIncidentOptionsSchema>;
export const parseShowIncident = optionsParser(showIncidentOptionsSchema, (raw, args) => ({
  ...raw,
  incident: incidentFromArgs(raw.incident, args),
}));
