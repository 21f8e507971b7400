import { IMPACTS, INCIDENT_STATUSES } from '../../api/constants.js';
import { incidentParser } from '../../cli/incident-arg.js';
import {
  broadcastShape,
  type CrossRule,
  commandSchema,
  componentStatusSchema,
  idSchema,
  timeZoneSchema,
} from '../../cli/option-schemas.js';
import * as z from '../../zod.js';

const shape = {
  ...broadcastShape,
  incident: idSchema,
  status: z.optional(z.enum(INCIDENT_STATUSES)),
  impact: z.optional(z.enum(IMPACTS)),
  componentStatus: z.optional(componentStatusSchema),
  scheduled: z.optional(z.string()),
  until: z.optional(z.string()),
  duration: z.optional(z.string()),
  tz: z.optional(timeZoneSchema),
};

const rules: CrossRule[] = [
  // An update that changes nothing would still be a request, and maybe a notification.
  (o) =>
    [o.title, o.status, o.impact, o.message, o.messageFile, o.scheduled, o.until, o.duration, o.template].every(
      (v) => v === undefined,
    ) &&
    Array.isArray(o.components) &&
    o.components.length === 0
      ? 'nothing to update: give at least one of --status, --message, --impact, --title, --components, --scheduled, --until, --duration, --template'
      : undefined,
  // A window moves only before it opens: any other status contradicts the move.
  (o) => {
    const moving = [o.scheduled, o.until, o.duration].some((v) => v !== undefined);
    return moving && o.status !== undefined && o.status !== 'scheduled'
      ? `--status ${String(o.status)} cannot be combined with --scheduled, --until or --duration: a window is moved only while it is scheduled`
      : undefined;
  },
];

export const updateIncidentOptionsSchema = commandSchema(shape, ...rules);
export type UpdateIncidentOptions = z.infer<typeof updateIncidentOptionsSchema>;

/** At a terminal, without an ID: the same flags, and the incident left to be picked. */
export const updateIncidentPickSchema = commandSchema({ ...shape, incident: z.optional(idSchema) }, ...rules);
export type UpdateIncidentGiven = z.infer<typeof updateIncidentPickSchema>;
export const parseUpdateIncident = incidentParser(updateIncidentOptionsSchema, updateIncidentPickSchema);
