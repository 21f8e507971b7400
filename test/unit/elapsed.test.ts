import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utcMinute } from '../../src/output/instant.js';
import { formatElapsed, spanMs } from '../../src/utils/elapsed.js';

test('formatElapsed: seconds, minutes, hours and minutes, days and hours', () => {
  const cases: Array<[number, string]> = [
    [-5_000, '0s'],
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [59 * 60_000 + 59_000, '59m'],
    [3_600_000, '1h'],
    [2 * 3_600_000 + 5 * 60_000 + 30_000, '2h 5m'],
    [24 * 3_600_000, '1d'],
    [(2 * 24 + 4) * 3_600_000 + 59 * 60_000, '2d 4h'],
  ];
  for (const [ms, text] of cases) assert.equal(formatElapsed(ms), text, String(ms));
});

test('spanMs between two API instants; undefined when one is missing or unreadable', () => {
  assert.equal(spanMs('2026-12-10T01:00:00Z', '2026-12-10T02:15:00+00:00'), 75 * 60_000);
  assert.equal(spanMs(null, '2026-12-10T02:15:00Z'), undefined);
  assert.equal(spanMs('soon', '2026-12-10T02:15:00Z'), undefined);
});

test('utcMinute: the minute in UTC whatever the offset given; text that is no instant stays as it is', () => {
  assert.equal(utcMinute('2026-12-10T02:00:59.999+01:00'), '2026-12-10 01:00 UTC');
  assert.equal(utcMinute('2026-12-31T23:30:00-01:00'), '2027-01-01 00:30 UTC');
  assert.equal(utcMinute('yesterday'), 'yesterday');
  assert.equal(utcMinute(null), '');
});
