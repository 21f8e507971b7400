// Whether a request will reach subscribers' inboxes, for the summary a person reads.
import type { IncidentFields } from '../api/schemas.js';

/**
 * The API notifies unless deliver_notifications is false, and only when an update is posted:
 * always on create, on a change only with a message or a new status.
 */
export function notifiesSubscribers(fields: IncidentFields, creates: boolean): boolean {
  if (fields.deliver_notifications === false) return false;
  return creates || fields.body !== undefined || fields.status !== undefined;
}

export function notifyNote(notified: boolean): string {
  return notified ? 'subscribers notified' : 'subscribers not notified';
}
