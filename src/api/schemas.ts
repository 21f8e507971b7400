// The single source of truth for the Statuspage API objects this tool sends and reads.
// Field names, enums and limits follow the official OpenAPI description
// (components.schemas.postPagesPageIdIncidents / patchPagesPageIdIncidents / Incident / Component);
// the limits and the shape of `components` that the spec states only in prose are encoded here too.
import * as z from '../zod.js';
import {
  COMPONENT_STATUSES,
  characters,
  IMPACTS,
  INCIDENT_BODY_MAX,
  INCIDENT_NAME_MAX,
  INCIDENT_STATUSES,
} from './constants.js';

export * from './constants.js';

const isoInstant = z.iso.datetime({ offset: true });

/** The fields of `incident` shared by create (POST) and update (PATCH). Unknown keys are rejected. */
const incidentFields = {
  name: z
    .string()
    .min(1)
    .refine((text) => characters(text) <= INCIDENT_NAME_MAX),
  status: z.enum(INCIDENT_STATUSES),
  impact_override: z.enum(IMPACTS),
  body: z.string().refine((text) => characters(text) <= INCIDENT_BODY_MAX),
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
  // The spec: "All top-level values in the object must also be objects."
  metadata: z.record(z.string().min(1), z.record(z.string(), z.unknown())),
};

export const createIncidentBodySchema = z.strictObject({
  incident: z.strictObject(incidentFields).partial().required({ name: true }),
});
export const updateIncidentBodySchema = z.strictObject({
  incident: z.strictObject(incidentFields).partial(),
});

/** PATCH /pages/{page}/components/{id}: the CLI changes a component's status and nothing else. */
export const updateComponentBodySchema = z.strictObject({
  component: z.strictObject({ status: z.enum(COMPONENT_STATUSES) }),
});
export type UpdateComponentBody = z.infer<typeof updateComponentBodySchema>;

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

/** One entry of an incident's `incident_updates`: what was posted, and what it did to components. */
export const incidentUpdateSchema = z.looseObject({
  id: nullableString,
  status: nullableString,
  body: nullableString,
  created_at: nullableString,
  display_at: nullableString,
  deliver_notifications: z.boolean().nullish(),
  affected_components: z
    .array(
      z.looseObject({
        code: nullableString,
        name: nullableString,
        old_status: nullableString,
        new_status: nullableString,
      }),
    )
    .nullish()
    .catch(null),
});
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

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
  // Newest first. An odd entry must not make an incident that was in fact written unreadable.
  incident_updates: z.array(incidentUpdateSchema).nullish().catch(null),
  metadata: z.record(z.string(), z.unknown()).nullish().catch(null),
  postmortem_body: nullableString,
  postmortem_body_last_updated_at: nullableString,
  // The spec types it boolean but calls it a timestamp; either may come.
  postmortem_published_at: z.union([z.string(), z.boolean()]).nullish().catch(null),
});
export type Incident = z.infer<typeof incidentSchema>;

export const componentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string().nullish(),
  position: z.number().nullish(),
  group: z.boolean().nullish(),
  group_id: nullableString,
  description: nullableString,
  updated_at: nullableString,
});
export type Component = z.infer<typeof componentSchema>;

export const pageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  subdomain: nullableString,
});
export type Page = z.infer<typeof pageSchema>;

/**
 * GET /pages/{page}/subscribers/count: the spec's SubscriberCountByType (active subscribers, by
 * default). A count that is not a whole number is left out rather than failing the read.
 */
const subscriberTally = z.number().int().nonnegative().optional().catch(undefined);
export const subscriberCountSchema = z.looseObject({
  email: subscriberTally,
  sms: subscriberTally,
  webhook: subscriberTally,
  slack: subscriberTally,
  teams: subscriberTally,
  integration_partner: subscriberTally,
});
export type SubscriberCount = z.infer<typeof subscriberCountSchema>;

/** Error bodies carry `message` (per the spec) or `error`, a string or a list of strings. */
export const errorBodySchema = z.looseObject({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  error: z.union([z.string(), z.array(z.string())]).optional(),
});

/** An incident template (components.schemas.IncidentTemplate): what the page's Templates tab fills in. */
export const incidentTemplateSchema = z.looseObject({
  id: z.string(),
  name: nullableString,
  title: nullableString,
  body: nullableString,
  group_id: nullableString,
  update_status: nullableString,
  should_tweet: z.boolean().nullish(),
  should_send_notifications: z.boolean().nullish(),
  components: z.array(incidentComponentSchema).nullish().catch(null),
  // What the create body names them by; read too, should an answer carry it.
  component_ids: z.array(z.string()).nullish().catch(null),
});
export type IncidentTemplate = z.infer<typeof incidentTemplateSchema>;

/** PATCH …/incidents/{id}/incident_updates/{id} (patchPagesPageIdIncidentsIncidentIdIncidentUpdates). */
export const editIncidentUpdateBodySchema = z.strictObject({
  incident_update: z
    .strictObject({
      body: z.string().refine((text) => characters(text) <= INCIDENT_BODY_MAX),
      display_at: isoInstant,
      deliver_notifications: z.boolean(),
      wants_twitter_update: z.boolean(),
    })
    .partial(),
});
export type EditIncidentUpdateBody = z.infer<typeof editIncidentUpdateBodySchema>;

/** PUT …/postmortem: saves the draft (putPagesPageIdIncidentsIncidentIdPostmortem). */
export const postmortemDraftBodySchema = z.strictObject({
  postmortem: z.strictObject({ body_draft: z.string() }),
});
export type PostmortemDraftBody = z.infer<typeof postmortemDraftBodySchema>;

/** PUT …/postmortem/publish (putPagesPageIdIncidentsIncidentIdPostmortemPublish). */
export const postmortemPublishBodySchema = z.strictObject({
  postmortem: z
    .strictObject({ notify_subscribers: z.boolean(), notify_twitter: z.boolean(), custom_tweet: z.string() })
    .partial(),
});
export type PostmortemPublishBody = z.infer<typeof postmortemPublishBodySchema>;

export const postmortemSchema = z.looseObject({
  body: nullableString,
  body_updated_at: nullableString,
  body_draft: nullableString,
  body_draft_updated_at: nullableString,
  published_at: nullableString,
  notify_subscribers: z.boolean().nullish(),
  notify_twitter: z.boolean().nullish(),
  preview_key: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});
export type Postmortem = z.infer<typeof postmortemSchema>;
