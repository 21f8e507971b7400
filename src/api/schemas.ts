// The single source of truth for the Statuspage API objects this tool sends and reads.
// Field names, enums and limits follow the official OpenAPI description
// (components.schemas.postPagesPageIdIncidents / patchPagesPageIdIncidents / Incident / Component);
// the limits and the shape of `components` that the spec states only in prose are encoded here too.
import * as z from 'zod';
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_BODY_MAX, INCIDENT_NAME_MAX, INCIDENT_STATUSES } from './constants.js';

export * from './constants.js';

const isoInstant = z.iso.datetime({ offset: true });

/** The fields of `incident` shared by create (POST) and update (PATCH). Unknown keys are rejected. */
const incidentFields = {
  name: z.string().min(1).max(INCIDENT_NAME_MAX),
  status: z.enum(INCIDENT_STATUSES),
  impact_override: z.enum(IMPACTS),
  body: z.string().max(INCIDENT_BODY_MAX),
  scheduled_for: isoInstant,
  scheduled_until: isoInstant,
  scheduled_remind_prior: z.boolean(),
  scheduled_auto_in_progress: z.boolean(),
  scheduled_auto_completed: z.boolean(),
  auto_transition_to_maintenance_state: z.boolean(),
  auto_transition_to_operational_state: z.boolean(),
  deliver_notifications: z.boolean(),
  components: z.record(z.string().min(1), z.enum(COMPONENT_STATUSES)),
  component_ids: z.array(z.string().min(1)),
};

export const createIncidentBodySchema = z.strictObject({
  incident: z.strictObject(incidentFields).partial().required({ name: true }),
});
export const updateIncidentBodySchema = z.strictObject({
  incident: z.strictObject(incidentFields).partial(),
});

export type CreateIncidentBody = z.infer<typeof createIncidentBodySchema>;
export type UpdateIncidentBody = z.infer<typeof updateIncidentBodySchema>;
export type IncidentFields = UpdateIncidentBody['incident'];

// Responses are read leniently: the API adds fields over time, and a missing optional
// field must not break an incident that was in fact created.
const nullableString = z.string().nullish();

export const incidentComponentSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
});

export const incidentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: nullableString,
  impact_override: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
  resolved_at: nullableString,
  scheduled_for: nullableString,
  scheduled_until: nullableString,
  shortlink: nullableString,
  page_id: nullableString,
  components: z.array(incidentComponentSchema).nullish(),
});
export type Incident = z.infer<typeof incidentSchema>;

/**
 * An incident's `incident_updates`, newest first. Not part of incidentSchema: only the search
 * for an unconfirmed create reads them, and an odd entry must not make an incident unreadable.
 */
export const incidentUpdatesSchema = z
  .array(z.looseObject({ body: nullableString, created_at: nullableString }))
  .nullish();

export const componentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  position: z.number().nullish(),
  group: z.boolean().nullish(),
  group_id: nullableString,
  description: nullableString,
});
export type Component = z.infer<typeof componentSchema>;

export const pageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  subdomain: nullableString,
});
export type Page = z.infer<typeof pageSchema>;

/** Error bodies carry `message` (per the spec) or `error`, a string or a list of strings. */
export const errorBodySchema = z.looseObject({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.union([z.string(), z.array(z.string())]).optional(),
});
