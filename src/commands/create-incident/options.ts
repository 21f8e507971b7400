import { IMPACTS, REALTIME_STATUSES } from '../../api/constants.js';
import {
  broadcastShape,
  commandSchema,
  componentStatusSchema,
  dedupKeySchema,
  titleRequired,
} from '../../cli/option-schemas.js';
import type { TemplateUse } from '../../cli/template.js';
import { askingParser } from '../../utils/validate.js';
import * as z from '../../zod.js';

const shape = {
  ...broadcastShape,
  status: z.optional(z.enum(REALTIME_STATUSES)),
  impact: z.optional(z.enum(IMPACTS)),
  componentStatus: z.optional(componentStatusSchema),
  dedupKey: z.optional(dedupKeySchema),
};

export const createIncidentOptionsSchema = commandSchema(shape, titleRequired);
export type CreateIncidentOptions = z.infer<typeof createIncidentOptionsSchema>;

/** At a terminal, what was given before the rest is asked for (wizard.ts): no title yet. */
export const createIncidentWizardSchema = commandSchema(shape);
export type CreateIncidentGiven = z.infer<typeof createIncidentWizardSchema>;

/** A person at a terminal who gave no title is asked for what is missing. */
export const parseCreateIncident = askingParser(
  createIncidentOptionsSchema,
  createIncidentWizardSchema,
  (raw) => raw.title === undefined,
);

/** A template's status must be one an incident can open with; its impact applies (file templates have one). */
export const TEMPLATE_USE: TemplateUse = { statuses: REALTIME_STATUSES, impact: true };
