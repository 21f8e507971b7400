// The bodies of the Statuspage API requests this tool sends, as the single source of truth:
// field names, enums and limits follow the official OpenAPI description
// (components.schemas.postPagesPageIdIncidents / patchPagesPageIdIncidents / …), with the limits
// and the shape of `components` that the spec states only in prose. The CLI takes only their
// types (its request builders are typed by them); the sandbox validates what it receives with
// them, so the CLI's own start-up does not build them.
import * as z from '../zod.js';
import {
  COMPONENT_STATUSES,
  characters,
  IMPACTS,
  INCIDENT_BODY_MAX,
  INCIDENT_NAME_MAX,
  INCIDENT_STATUSES,
} from './constants.js';

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
