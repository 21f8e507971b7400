// The pure parts of edit-update: what changes, and how a dry run shows it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planEdit } from '../../src/commands/edit-update/request.js';
import { diffLines } from '../../src/output/text-diff.js';

test('an edit changes only what differs: text, or the time as an instant', () => {
  const update = { id: 'u', body: 'Old.', display_at: '2030-01-02T03:04:00.000Z' };
  assert.deepEqual(planEdit(update, 'Old.', '2030-01-02T05:04:00+02:00'), {});
  assert.deepEqual(planEdit(update, 'New.', undefined), { body: 'New.' });
  assert.deepEqual(planEdit(update, undefined, '2030-01-02T03:05:00Z'), { displayAt: '2030-01-02T03:05:00Z' });
});

test('a line diff shows removed lines before the ones replacing them, and common lines once', () => {
  assert.deepEqual(diffLines('a\nb\nc', 'a\nB\nc\nd'), [
    { op: ' ', text: 'a' },
    { op: '-', text: 'b' },
    { op: '+', text: 'B' },
    { op: ' ', text: 'c' },
    { op: '+', text: 'd' },
  ]);
});
