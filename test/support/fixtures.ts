// Page contents several test files start from.
import type { FakeStatuspage } from './fake-statuspage.js';

/** A maintenance Thu 2030-01-10 02:00–04:00 in Berlin (01:00–03:00 UTC), scheduled unless told otherwise. */
export function weeklyDb(server: FakeStatuspage, status = 'scheduled') {
  return server.addIncident({
    name: 'weekly DB',
    status,
    impact: 'maintenance',
    scheduled_for: '2030-01-10T01:00:00.000Z',
    scheduled_until: '2030-01-10T03:00:00.000Z',
  });
}

/** The requests made so far, each as `METHOD last-path-segment`. */
export const lastSegmentCalls = (server: FakeStatuspage): string[] =>
  server.requests.map((r) => `${r.method} ${r.path.replace(/^.*\//, '')}`);

/** A page template with two placeholders, a status and two components, that does not notify. */
export function seedApiOutage(server: FakeStatuspage) {
  return server.addTemplate({
    name: 'API outage',
    title: 'API errors in {{region}}',
    body: 'We are investigating errors in {{ region }} for {{service}}.',
    update_status: 'identified',
    should_send_notifications: false,
    component_ids: ['cmp000000001', 'cmp000000002'],
  });
}
