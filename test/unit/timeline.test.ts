import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Incident } from '../../src/api/schemas.js';
import { postmortemOf, statusTitle, timeline } from '../../src/commands/show-incident/timeline.js';

const incident = (fields: Partial<Incident>): Incident => ({
  id: 'inc000000001',
  name: 'x',
  status: 'resolved',
  ...fields,
});

test('timeline: oldest first by display time; the API order where times are equal or missing', () => {
  const entries = timeline(
    incident({
      incident_updates: [
        { status: 'resolved', body: 'c', display_at: '2026-12-10T03:00:00Z' },
        { status: 'monitoring', body: 'b2', created_at: '2026-12-10T02:00:00Z' },
        { status: 'identified', body: 'b1', display_at: '2026-12-10T02:00:00Z' },
        { status: 'investigating', body: 'a', display_at: '2026-12-10T01:00:00Z', created_at: '2026-12-10T05:00:00Z' },
      ],
    }),
  );
  assert.deepEqual(
    entries.map((e) => e.message),
    ['a', 'b1', 'b2', 'c'],
  );
  assert.deepEqual(timeline(incident({ incident_updates: null })), []);
});

test('timeline: transitions as recorded, without the components an update left as they were', () => {
  const [entry] = timeline(
    incident({
      incident_updates: [
        {
          status: 'identified',
          body: null,
          affected_components: [
            { code: 'cmp000000001', name: 'API', old_status: 'operational', new_status: 'major_outage' },
            { code: 'cmp000000002', name: null, old_status: 'operational', new_status: 'operational' },
            { code: 'cmp000000003', name: null, old_status: null, new_status: 'partial_outage' },
          ],
        },
      ],
    }),
  );
  assert.deepEqual(entry, {
    at: undefined,
    status: 'identified',
    message: '',
    transitions: [
      { name: 'API', from: 'operational', to: 'major_outage' },
      { name: 'cmp000000003', from: 'unknown', to: 'partial_outage' },
    ],
  });
});

test('postmortem: published by its timestamp (or a bare true), a draft by its body, else none', () => {
  assert.deepEqual(postmortemOf(incident({})), { state: 'none' });
  assert.deepEqual(postmortemOf(incident({ postmortem_body: '  \n' })), { state: 'none' });
  assert.deepEqual(postmortemOf(incident({ postmortem_body: 'Draft' })), { state: 'draft' });
  assert.deepEqual(
    postmortemOf(incident({ postmortem_body: 'Draft', postmortem_body_last_updated_at: '2026-12-11T08:30:00Z' })),
    { state: 'draft', at: '2026-12-11T08:30:00Z' },
  );
  assert.deepEqual(postmortemOf(incident({ postmortem_published_at: '2026-12-11T09:00:00Z' })), {
    state: 'published',
    at: '2026-12-11T09:00:00Z',
  });
  assert.deepEqual(postmortemOf(incident({ postmortem_published_at: true })), { state: 'published' });
  assert.deepEqual(postmortemOf(incident({ postmortem_published_at: false, postmortem_body: 'x' })), {
    state: 'draft',
  });
});

test('statusTitle', () => {
  assert.equal(statusTitle('investigating'), 'Investigating');
  assert.equal(statusTitle('in_progress'), 'In progress');
});
