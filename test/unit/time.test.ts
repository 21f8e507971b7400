import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maintenanceWindow } from '../../src/commands/schedule-maintenance/window.js';
import { UsageError } from '../../src/errors.js';
import {
  formatDuration,
  formatInstant,
  formatWindow,
  localZone,
  parseDuration,
  parseInstant,
  parseWhen,
  timeFormsHint,
} from '../../src/utils/time.js';
import { canonicalZone, instantsAt, offsetAt } from '../../src/utils/zone.js';

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

const NOW = Date.parse('2026-12-01T12:00:00Z');
const berlin = { now: NOW, zone: 'Europe/Berlin' };
const iso = (text: string, context = berlin) => {
  const parsed = parseWhen(text, context);
  return parsed.ok ? parsed.value.toISOString() : `problem: ${parsed.problem}`;
};

test('parseWhen: ISO instants as before, whatever the zone', () => {
  assert.equal(iso('2030-01-02T03:04:05Z'), '2030-01-02T03:04:05.000Z');
  assert.equal(iso('2030-01-02T05:04:05+02:00'), '2030-01-02T03:04:05.000Z');
});

test('parseWhen: "in 2h" and "+90m" count from the clock given, with the units --duration takes', () => {
  assert.equal(iso('in 2h'), '2026-12-01T14:00:00.000Z');
  assert.equal(iso('IN 1h30m'), '2026-12-01T13:30:00.000Z');
  assert.equal(iso('+90m'), '2026-12-01T13:30:00.000Z');
  assert.equal(iso('+ 1d'), '2026-12-02T12:00:00.000Z');
  assert.equal(iso('+2'), "problem: give a unit: 2h, 90m, 1h30m, 1d (as in 'in 2h' or '+90m')");
  assert.equal(iso('in 0m'), "problem: must be longer than 0 (as in 'in 2h' or '+90m')");
  assert.equal(iso('in a while'), "problem: expected a length such as 90m, 2h or 1h30m (as in 'in 2h' or '+90m')");
});

test('parseWhen: a local "YYYY-MM-DD HH:MM" is read in the zone given', () => {
  assert.equal(iso('2026-12-10 02:00'), '2026-12-10T01:00:00.000Z', 'CET is UTC+1');
  assert.equal(iso('2026-07-10 02:00'), '2026-07-10T00:00:00.000Z', 'CEST is UTC+2');
  assert.equal(iso('2026-12-10  02:00:30'), '2026-12-10T01:00:30.000Z', 'seconds, and any spacing');
  assert.equal(iso('2026-12-10 02:00', { now: NOW, zone: 'America/New_York' }), '2026-12-10T07:00:00.000Z');
  assert.equal(iso('2026-12-10 02:00', { now: NOW, zone: 'Asia/Kolkata' }), '2026-12-09T20:30:00.000Z');
  assert.equal(iso('2026-12-10 02:00', { now: NOW, zone: 'UTC' }), '2026-12-10T02:00:00.000Z');
  assert.equal(iso('2026-02-30 02:00'), 'problem: not a date and time on the calendar');
  assert.equal(iso('2026-12-10 24:00'), 'problem: not a date and time on the calendar');
});

test('parseWhen: a local time the clocks skip is refused, with the gap', () => {
  assert.equal(
    iso('2026-03-29 02:30'),
    'problem: no such time in Europe/Berlin: clocks go forward from 02:00 to 03:00; choose a time outside the gap',
  );
  assert.equal(iso('2026-03-29 01:59'), '2026-03-29T00:59:00.000Z', 'just before the gap');
  assert.equal(iso('2026-03-29 03:00'), '2026-03-29T01:00:00.000Z', 'the first minute after it');
  assert.equal(
    iso('2026-03-08 02:15', { now: NOW, zone: 'America/New_York' }),
    'problem: no such time in America/New_York: clocks go forward from 02:00 to 03:00; choose a time outside the gap',
  );
  assert.equal(
    iso('2026-10-04 02:15', { now: NOW, zone: 'Australia/Lord_Howe' }),
    'problem: no such time in Australia/Lord_Howe: clocks go forward from 02:00 to 02:30; choose a time outside the gap',
    'a half-hour change',
  );
});

test('parseWhen: a local time the clocks show twice is refused, with both offsets to choose from', () => {
  assert.equal(
    iso('2026-10-25 02:30'),
    'problem: ambiguous in Europe/Berlin, where it happens twice (clocks go back from 03:00 to 02:00); give the offset: 2026-10-25T02:30+02:00 (CEST) or 2026-10-25T02:30+01:00 (CET)',
  );
  // Both offsets it offers are accepted, and are an hour apart.
  assert.equal(iso('2026-10-25T02:30+02:00'), '2026-10-25T00:30:00.000Z');
  assert.equal(iso('2026-10-25T02:30+01:00'), '2026-10-25T01:30:00.000Z');
  assert.equal(iso('2026-10-25 03:00'), '2026-10-25T02:00:00.000Z', 'the hour after is single again');
  assert.equal(
    iso('2026-11-01 01:30', { now: NOW, zone: 'America/New_York' }),
    'problem: ambiguous in America/New_York, where it happens twice (clocks go back from 02:00 to 01:00); give the offset: 2026-11-01T01:30-04:00 (EDT) or 2026-11-01T01:30-05:00 (EST)',
  );
});

test('parseWhen: an ISO time without a zone is refused with both ways out; anything else lists every form', () => {
  assert.equal(
    iso('2026-12-10T02:00'),
    "problem: no zone given: add Z or an offset (2026-12-10T02:00Z, 2026-12-10T02:00+02:00), or give a local time as '2026-12-10 02:00' to read it in Europe/Berlin",
  );
  for (const bad of ['tomorrow', '2026-12-10', '02:00', 'now', '']) {
    assert.equal(iso(bad), `problem: ${timeFormsHint('Europe/Berlin')}`, bad);
  }
  assert.match(timeFormsHint('Europe/Berlin'), /2030-01-02T03:04:05Z.*'2030-01-02 03:04'.*'in 2h', '\+90m'/);
});

test('canonicalZone knows IANA names in any case, and refuses the rest and bare offsets', () => {
  assert.equal(canonicalZone('Europe/Berlin'), 'Europe/Berlin');
  assert.equal(canonicalZone(' europe/berlin '), 'Europe/Berlin');
  assert.equal(canonicalZone('UTC'), 'UTC');
  for (const bad of ['Mars/Olympus', 'CEST+1', '+02:00', '-05:00', ''])
    assert.equal(canonicalZone(bad), undefined, bad);
});

test('offsetAt and instantsAt follow the zone across its changes', () => {
  assert.equal(offsetAt(Date.parse('2026-12-10T01:00:00Z'), 'Europe/Berlin'), 3_600_000);
  assert.equal(offsetAt(Date.parse('2026-07-10T01:00:00Z'), 'Europe/Berlin'), 7_200_000);
  assert.equal(offsetAt(Date.parse('2026-07-10T01:00:00Z'), 'America/St_Johns'), -2.5 * 3_600_000);
  const fields = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
  assert.deepEqual(instantsAt(fields, 'Europe/Berlin'), [
    Date.parse('2026-10-25T00:30:00Z'),
    Date.parse('2026-10-25T01:30:00Z'),
  ]);
  assert.deepEqual(instantsAt({ ...fields, month: 3, day: 29 }, 'Europe/Berlin'), []);
  assert.deepEqual(instantsAt({ ...fields, day: 24 }, 'Europe/Berlin'), [Date.parse('2026-10-24T00:30:00Z')]);
});

test('formatWindow: one day, two days, a change of offset inside, UTC, and no end', () => {
  const window = (start: string, end: string | null, zone: string, options = {}) =>
    formatWindow(start, end, zone, options);
  assert.equal(
    window('2026-12-10T01:00:00Z', '2026-12-10T03:00:00Z', 'Europe/Berlin'),
    'Thu 2026-12-10 02:00–04:00 CET (01:00–03:00 UTC)',
  );
  assert.equal(
    window('2026-12-10T01:00:00Z', '2026-12-10T03:00:00Z', 'Europe/Berlin', { utc: false }),
    'Thu 2026-12-10 02:00–04:00 CET',
  );
  assert.equal(
    window('2026-12-10T22:00:00Z', '2026-12-11T01:00:00Z', 'Europe/Berlin'),
    'Thu 2026-12-10 23:00 – Fri 2026-12-11 02:00 CET (22:00 – 2026-12-11 01:00 UTC)',
  );
  assert.equal(
    window('2026-12-10T22:30:00Z', '2026-12-10T23:30:00Z', 'Europe/Berlin'),
    'Thu 2026-12-10 23:30 – Fri 2026-12-11 00:30 CET (22:30–23:30 UTC)',
  );
  assert.equal(
    window('2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z', 'Europe/Berlin'),
    'Sun 2026-10-25 01:00 CEST–04:00 CET (2026-10-24 23:00 – 2026-10-25 03:00 UTC)',
  );
  assert.equal(
    window('2026-12-10T02:00:00Z', '2026-12-10T04:00:00Z', 'America/New_York'),
    'Wed 2026-12-09 21:00–23:00 EST (2026-12-10 02:00–04:00 UTC)',
  );
  assert.equal(window('2026-12-10T01:00:00Z', '2026-12-10T03:00:00Z', 'UTC'), 'Thu 2026-12-10 01:00–03:00 UTC');
  assert.equal(
    window('2026-12-10T01:00:00Z', '2026-12-10T03:00:00Z', 'UTC', { weekday: false }),
    '2026-12-10 01:00–03:00 UTC',
  );
  assert.equal(window('2026-12-10T01:00:00Z', null, 'Europe/Berlin'), 'Thu 2026-12-10 02:00 CET (01:00 UTC)');
  assert.equal(window('2026-12-10T01:00:00Z', null, 'Europe/Berlin', { utc: false }), 'Thu 2026-12-10 02:00 CET');
});

test('formatDuration writes a length as --duration reads it', () => {
  assert.equal(formatDuration(2 * 3_600_000), '2h');
  assert.equal(formatDuration(90 * 60_000), '1h30m');
  assert.equal(formatDuration(26 * 3_600_000), '1d2h');
  assert.equal(formatDuration(45_000), '45s');
  for (const text of ['2h', '1h30m', '1d2h', '45s']) {
    const parsed = parseDuration(text);
    assert.ok(parsed.ok);
    assert.equal(formatDuration(parsed.value), text);
  }
});

test('maintenanceWindow reads local times in the zone given, and relative ones from its clock', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  assert.deepEqual(maintenanceWindow({ scheduled: '2026-12-10 02:00', duration: '2h' }, now, 'Europe/Berlin'), {
    start: new Date('2026-12-10T01:00:00Z'),
    end: new Date('2026-12-10T03:00:00Z'),
    startsNow: false,
  });
  assert.deepEqual(maintenanceWindow({ scheduled: 'in 2h', until: '+5h' }, now, 'UTC'), {
    start: new Date('2026-12-01T14:00:00Z'),
    end: new Date('2026-12-01T17:00:00Z'),
    startsNow: false,
  });
  assert.throws(
    () => maintenanceWindow({ scheduled: '2026-11-30 10:00' }, now, 'Europe/Berlin'),
    /^UsageError: --scheduled '2026-11-30 10:00' \(2026-11-30T09:00:00\.000Z\) is in the past \(now is 2026-12-01T12:00:00\.000Z\)$/,
  );
  assert.throws(
    () => maintenanceWindow({ scheduled: 'in 2h', until: '+1h' }, now, 'UTC'),
    /--until '\+1h' \(2026-12-01T13:00:00\.000Z\) is not after the start \(2026-12-01T14:00:00\.000Z\)/,
  );
  assert.throws(
    () => maintenanceWindow({ scheduled: 'soon' }, now, 'UTC'),
    /--scheduled 'soon': expected an ISO 8601 instant .*, or 'now' \(in a minute\)$/,
  );
  assert.throws(() => maintenanceWindow({ scheduled: 'in 2h', until: 'now' }, now, 'UTC'), /--until 'now': expected/);
});
