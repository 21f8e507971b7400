// The sandbox's page moves with time as Statuspage's does: a window that starts itself goes in
// progress at its start with its components under maintenance, and gives them back at its end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PageModel } from '../../src/sandbox/model.js';
import { DEFAULT_SEED, pageFromSeed } from '../../src/sandbox/seed.js';

const MINUTE = 60_000;

/** A window from `from` to `to` minutes from now on `component`. */
function windowOf(
  model: PageModel,
  component: string,
  from: number,
  to: number,
  autoComplete: boolean,
  autoStart = true,
) {
  const now = model.now();
  return model.createIncident({
    name: `window ${from}..${to}`,
    status: 'scheduled',
    scheduled_for: new Date(now + from * MINUTE).toISOString(),
    scheduled_until: new Date(now + to * MINUTE).toISOString(),
    scheduled_auto_in_progress: autoStart,
    auto_transition_to_maintenance_state: autoStart,
    scheduled_auto_completed: autoComplete,
    auto_transition_to_operational_state: true,
    component_ids: [component],
    deliver_notifications: true,
  });
}

test('auto-start puts a window in progress at its start; auto-complete completes it at its end; neither notifies', () => {
  const { model } = pageFromSeed(DEFAULT_SEED);
  const ahead = windowOf(model, 'cmp000000005', 1, 3, true);
  const running = windowOf(model, 'cmp000000002', -2, 2, true);
  const over = windowOf(model, 'cmp000000001', -3, -1, true);
  const notified = model.notifications.length;
  assert.equal(model.advance(), true);
  assert.equal(model.incident(ahead.id)?.status, 'scheduled', 'not before its start');
  assert.equal(model.component('cmp000000005')?.status, 'operational');
  assert.equal(model.incident(running.id)?.status, 'in_progress');
  assert.equal(model.component('cmp000000002')?.status, 'under_maintenance');
  assert.equal(model.incident(over.id)?.status, 'completed');
  assert.equal(model.component('cmp000000001')?.status, 'operational');
  assert.deepEqual(
    model.incident(over.id)?.incident_updates.map((u) => u.status),
    ['completed', 'in_progress', 'scheduled'],
  );
  assert.equal(model.notifications.length, notified);
  assert.equal(model.advance(), false, 'each transition happens once');
});

test('without auto-complete a window stays in progress, its components back at its end; without auto-start it waits', () => {
  const { model } = pageFromSeed(DEFAULT_SEED);
  const open = windowOf(model, 'cmp000000001', -3, -1, false);
  const manual = windowOf(model, 'cmp000000002', -1, 1, false, false);
  model.advance();
  assert.equal(model.incident(open.id)?.status, 'in_progress', 'completed by hand');
  assert.equal(model.component('cmp000000001')?.status, 'operational');
  assert.equal(model.incident(manual.id)?.status, 'scheduled', 'no auto-start: it waits for someone');
  assert.equal(model.component('cmp000000002')?.status, 'operational');
});
