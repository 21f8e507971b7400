// The Statuspage API objects this tool reads, as the single source of truth: field names follow
// the official OpenAPI description (components.schemas.Incident / Component / IncidentTemplate / …).
// What it sends is in bodies.ts, whose types are re-exported here.
import * as z from '../zod.js';

export type {
  CreateIncidentBody,
  EditIncidentUpdateBody,
  IncidentFields,
  PostmortemDraftBody,
  PostmortemPublishBody,
  UpdateComponentBody,
  UpdateIncidentBody,
} from './bodies.js';
export * from './constants.js';

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

// Only what the CLI reads; the rest (timestamps, notify flags, preview_key) passes through loose
// to --json untouched.
export const postmortemSchema = z.looseObject({
  body: nullableString,
  body_draft: nullableString,
  published_at: nullableString,
});
export type Postmortem = z.infer<typeof postmortemSchema>;
