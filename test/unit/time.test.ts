import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maintenanceWindow } from '../../src/commands/schedule-maintenance/window.js';
import { UsageError } from '../../src/errors.js';
import { formatInstant, localZone, parseDuration, parseInstant } from '../../src/utils/time.js';

test('parseInstant accepts instants with a zone and refuses the rest', () => {
  assert.equal(parseInstant('2030-01-02T03:04:05Z')?.toISOString(), '2030-01-02T03:04:05.000Z');
  assert.equal(parseInstant('2030-01-02T03:04Z')?.toISOString(), '2030-01-02T03:04:00.000Z');
  assert.equal(parseInstant('2030-01-02T03:04:05.123456Z')?.toISOString(), '2030-01-02T03:04:05.123Z');
  assert.equal(parseInstant('2030-01-02T03:04:05+01:30')?.toISOString(), '2030-01-02T01:34:05.000Z');
  assert.equal(parseInstant('2030-01-02T03:04:05-05')?.toISOString(), '2030-01-02T08:04:05.000Z');
  for (const bad of ['2030-01-02', '2030-01-02T03:04:05', '2030-13-01T00:00:00Z', '2030-02-30T00:00:00Z', 'now', '']) {
    assert.equal(parseInstant(bad), undefined, bad);
  }
});

test('parseDuration reads h/m/s/d combinations; a bare number needs a unit', () => {
  assert.deepEqual(parseDuration('90m'), { ok: true, value: 90 * 60_000 });
  assert.deepEqual(parseDuration('2h'), { ok: true, value: 2 * 3_600_000 });
  assert.deepEqual(parseDuration('1h30m'), { ok: true, value: 90 * 60_000 });
  assert.deepEqual(parseDuration('1d'), { ok: true, value: 86_400_000 });
  assert.deepEqual(parseDuration('45'), { ok: false, problem: 'give a unit: 2h, 90m, 1h30m, 1d' });
  assert.deepEqual(parseDuration('0'), { ok: false, problem: 'give a unit: 2h, 90m, 1h30m, 1d' });
  assert.deepEqual(parseDuration('0m'), { ok: false, problem: 'must be longer than 0' });
  assert.deepEqual(parseDuration('100000000d'), { ok: false, problem: 'is longer than the API can schedule' });
  for (const bad of ['', 'h', '1.5h', 'soon', '-1h']) assert.equal(parseDuration(bad).ok, false, bad);
});

test('maintenanceWindow: now means one minute ahead; past starts and inverted ends are refused', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  assert.deepEqual(maintenanceWindow({ scheduled: 'now' }, now), {
    start: new Date('2030-01-01T00:01:00Z'),
    end: new Date('2030-01-01T01:01:00Z'),
    startsNow: true,
  });
  assert.throws(() => maintenanceWindow({ scheduled: '2029-12-31T23:59:59Z' }, now), UsageError);
  assert.throws(
    () => maintenanceWindow({ scheduled: '2030-01-01T02:00:00Z', until: '2030-01-01T02:00:00Z' }, now),
    /not after the start/,
  );
});

test('formatInstant shows the local time with its zone, and UTC beside it', () => {
  assert.equal(formatInstant('2026-12-10T01:00:00Z', 'Europe/Berlin'), 'Thu 2026-12-10 02:00 CET (01:00 UTC)');
  assert.equal(formatInstant('2026-12-10T01:00:00Z', 'UTC'), 'Thu 2026-12-10 01:00 UTC');
  assert.equal(
    formatInstant('2026-12-10T01:00:00Z', 'America/New_York'),
    'Wed 2026-12-09 20:00 EST (2026-12-10 01:00 UTC)',
    'the UTC date when it differs',
  );
  assert.equal(formatInstant('not a time', 'UTC'), 'not a time');
});

test('localZone takes $TZ when it names a zone, else the system zone', () => {
  assert.equal(localZone({ TZ: 'Asia/Tokyo' }), 'Asia/Tokyo');
  assert.equal(localZone({ TZ: ':Asia/Tokyo' }), 'Asia/Tokyo');
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  assert.equal(localZone({ TZ: '/etc/localtime' }), system);
  assert.equal(localZone({}), system);
});
