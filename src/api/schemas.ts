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
  name: z.string().check(
    z.minLength(1),
    z.refine((text) => characters(text) <= INCIDENT_NAME_MAX),
  ),
  status: z.enum(INCIDENT_STATUSES),
  impact_override: z.enum(IMPACTS),
  body: z.string().check(z.refine((text) => characters(text) <= INCIDENT_BODY_MAX)),
  scheduled_for: isoInstant,
  scheduled_until: isoInstant,
  scheduled_remind_prior: z.boolean(),
  scheduled_auto_in_progress: z.boolean(),
  scheduled_auto_completed: z.boolean(),
  auto_transition_to_maintenance_state: z.boolean(),
  auto_transition_to_operational_state: z.boolean(),
  deliver_notifications: z.boolean(),
  components: z.record(z.string().check(z.minLength(1)), z.enum(COMPONENT_STATUSES)),
  component_ids: z.array(z.string().check(z.minLength(1))),
  // The spec: "All top-level values in the object must also be objects."
  metadata: z.record(z.string().check(z.minLength(1)), z.record(z.string(), z.unknown())),
};

export const createIncidentBodySchema = z.strictObject({
  incident: z.required(z.partial(z.strictObject(incidentFields)), { name: true }),
});
export const updateIncidentBodySchema = z.strictObject({
  incident: z.partial(z.strictObject(incidentFields)),
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
const nullableString = z.nullish(z.string());

export const incidentComponentSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  status: z.optional(z.string()),
});

/** One entry of an incident's `incident_updates`: what was posted, and what it did to components. */
export const incidentUpdateSchema = z.looseObject({
  id: nullableString,
  status: nullableString,
  body: nullableString,
  created_at: nullableString,
  display_at: nullableString,
  deliver_notifications: z.nullish(z.boolean()),
  affected_components: z.catch(
    z.nullish(
      z.array(
        z.looseObject({
          code: nullableString,
          name: nullableString,
          old_status: nullableString,
          new_status: nullableString,
        }),
      ),
    ),
    null,
  ),
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
  components: z.nullish(z.array(incidentComponentSchema)),
  // Newest first. An odd entry must not make an incident that was in fact written unreadable.
  incident_updates: z.catch(z.nullish(z.array(incidentUpdateSchema)), null),
  metadata: z.catch(z.nullish(z.record(z.string(), z.unknown())), null),
  postmortem_body: nullableString,
  postmortem_body_last_updated_at: nullableString,
  // The spec types it boolean but calls it a timestamp; either may come.
  postmortem_published_at: z.catch(z.nullish(z.union([z.string(), z.boolean()])), null),
});
export type Incident = z.infer<typeof incidentSchema>;

export const componentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.nullish(z.string()),
  position: z.nullish(z.number()),
  group: z.nullish(z.boolean()),
  group_id: nullableString,
  description: nullableString,
  updated_at: nullableString,
});
export type Component = z.infer<typeof componentSchema>;

export const pageSchema = z.looseObject({
  id: z.string(),
  name: z.nullish(z.string()),
  subdomain: nullableString,
});
export type Page = z.infer<typeof pageSchema>;

/**
 * GET /pages/{page}/subscribers/count: the spec's SubscriberCountByType (active subscribers, by
 * default). A count that is not a whole number is left out rather than failing the read.
 */
const subscriberTally = z.catch(z.optional(z.number().check(z.int(), z.nonnegative())), undefined);
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
  message: z.optional(z.union([z.string(), z.array(z.string())])),
  error: z.optional(z.union([z.string(), z.array(z.string())])),
});

/** An incident template (components.schemas.IncidentTemplate): what the page's Templates tab fills in. */
export const incidentTemplateSchema = z.looseObject({
  id: z.string(),
  name: nullableString,
  title: nullableString,
  body: nullableString,
  group_id: nullableString,
  update_status: nullableString,
  should_tweet: z.nullish(z.boolean()),
  should_send_notifications: z.nullish(z.boolean()),
  components: z.catch(z.nullish(z.array(incidentComponentSchema)), null),
  // What the create body names them by; read too, should an answer carry it.
  component_ids: z.catch(z.nullish(z.array(z.string())), null),
});
export type IncidentTemplate = z.infer<typeof incidentTemplateSchema>;

/** PATCH …/incidents/{id}/incident_updates/{id} (patchPagesPageIdIncidentsIncidentIdIncidentUpdates). */
export const editIncidentUpdateBodySchema = z.strictObject({
  incident_update: z.partial(
    z.strictObject({
      body: z.string().check(z.refine((text) => characters(text) <= INCIDENT_BODY_MAX)),
      display_at: isoInstant,
      deliver_notifications: z.boolean(),
      wants_twitter_update: z.boolean(),
    }),
  ),
});
export type EditIncidentUpdateBody = z.infer<typeof editIncidentUpdateBodySchema>;

/** PUT …/postmortem: saves the draft (putPagesPageIdIncidentsIncidentIdPostmortem). */
export const postmortemDraftBodySchema = z.strictObject({
  postmortem: z.strictObject({ body_draft: z.string() }),
});
export type PostmortemDraftBody = z.infer<typeof postmortemDraftBodySchema>;

/** PUT …/postmortem/publish (putPagesPageIdIncidentsIncidentIdPostmortemPublish). */
export const postmortemPublishBodySchema = z.strictObject({
  postmortem: z.partial(
    z.strictObject({ notify_subscribers: z.boolean(), notify_twitter: z.boolean(), custom_tweet: z.string() }),
  ),
});
export type PostmortemPublishBody = z.infer<typeof postmortemPublishBodySchema>;

// Only what the CLI reads; the rest (timestamps, notify flags, preview_key) passes through loose
// to --json untouched.
export const postmortemSchema = z.looseObject({
  body: nullableString,
  body_draft: nullableString,
  published_at: nullableString,
});
export type Postmortem = z.infer<typeof postmortemSchema>;
