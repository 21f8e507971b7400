// The body of PATCH …/incidents/{id}/incident_updates/{id} for edit-update: only what changes,
// and deliver_notifications always, so that an edit reaches subscribers only with --notify.
import type { EditIncidentUpdateBody, IncidentUpdate } from '../../api/schemas.js';

export interface Edit {
  body?: string;
  displayAt?: string;
}

/** What would change: the text when it differs, the time when it is another instant. Empty: nothing. */
export function planEdit(current: IncidentUpdate, text: string | undefined, displayAt: string | undefined): Edit {
  const edit: Edit = {};
  if (text !== undefined && text !== (current.body ?? '')) edit.body = text;
  const shown = current.display_at ? Date.parse(current.display_at) : Number.NaN;
  if (displayAt !== undefined && Date.parse(displayAt) !== shown) edit.displayAt = displayAt;
  return edit;
}

export function buildEditUpdateBody(edit: Edit, notify: boolean): EditIncidentUpdateBody {
  const incident_update: EditIncidentUpdateBody['incident_update'] = {};
  if (edit.body !== undefined) incident_update.body = edit.body;
  if (edit.displayAt !== undefined) incident_update.display_at = edit.displayAt;
  incident_update.deliver_notifications = notify;
  return { incident_update };
}
