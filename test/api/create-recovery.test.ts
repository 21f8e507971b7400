import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CLOCK_MARGIN_MS,
  type CreationWindow,
  creationWindow,
  describeDifferences,
  differences,
  findCreatedIncident,
  isOurs,
  lookupRequest,
} from '../../src/api/create-recovery.js';
import { type ApiRequest, type CreatedIncidentHint, createIncident } from '../../src/api/endpoints.js';
import type { Incident } from '../../src/api/schemas.js';

const PAGE = 'pg0000000001';
const hint = (status: string): CreatedIncidentHint => ({ pageId: PAGE, name: 'API errors', status, componentIds: [] });

const SENT_AT = Date.parse('2030-01-01T12:00:00Z');
/** The window of a lookup answered 10 s after the first attempt, both clocks agreeing. */
const WINDOW: CreationWindow = creationWindow(10_000, new Date(SENT_AT + 10_000).toUTCString(), SENT_AT + 10_000);

/** What the API lists for the create below, made 1 s after the first attempt. */
function listed(overrides: Partial<Incident> = {}): Incident {
  const at = new Date(SENT_AT + 1000).toISOString();
  return {
    id: 'inc000000001',
    name: 'Checkout errors',
    status: 'identified',
    impact: 'critical',
    impact_override: 'critical',
    created_at: at,
    components: [
      { id: 'cmp000000003', name: 'Database', status: 'major_outage' },
      { id: 'cmp000000001', name: 'API', status: 'degraded_performance' },
    ],
    incident_updates: [{ id: 'upd1', body: 'Card payments fail.\n', created_at: at }],
    ...overrides,
  };
}

const sent = createIncident(PAGE, {
  incident: {
    name: 'Checkout errors',
    status: 'identified',
    impact_override: 'critical',
    body: 'Card payments fail.',
    components: { cmp000000003: 'major_outage' },
    component_ids: ['cmp000000001', 'cmp000000003'],
  },
}).creates!;

const whatDiffers = (incident: Incident, h = sent, window = WINDOW) =>
  describeDifferences(differences(incident, h, window));

test('the create hint carries everything the API shows again', () => {
  assert.deepEqual(sent, {
    pageId: PAGE,
    name: 'Checkout errors',
    status: 'identified',
    body: 'Card payments fail.',
    impact: 'critical',
    componentIds: ['cmp000000001', 'cmp000000003'],
    scheduledFor: undefined,
    scheduledUntil: undefined,
  });
  const bare = createIncident(PAGE, { incident: { name: 'x' } }).creates!;
  assert.equal(bare.status, 'investigating');
  assert.deepEqual(bare.componentIds, []);
  assert.equal(bare.body, undefined);
  assert.equal(bare.impact, undefined);
});

test('the lookup reads the list the new incident would be in', () => {
  const path = (status: string) => {
    const req = lookupRequest(hint(status));
    return `${req.method} ${req.path}?${new URLSearchParams(req.query).toString()}`;
  };
  assert.equal(path('investigating'), 'GET /pages/pg0000000001/incidents/unresolved?page=1&per_page=100');
  assert.equal(path('monitoring'), 'GET /pages/pg0000000001/incidents/unresolved?page=1&per_page=100');
  assert.equal(path('scheduled'), 'GET /pages/pg0000000001/incidents/scheduled?page=1&per_page=100');
  assert.equal(path('resolved'), 'GET /pages/pg0000000001/incidents?q=API+errors&limit=100');
  const answer = lookupRequest(hint('investigating')).parse([], { date: 'Tue, 01 Jan 2030 12:00:10 GMT' });
  assert.deepEqual(answer, { incidents: [], date: 'Tue, 01 Jan 2030 12:00:10 GMT' });
});

test('an incident showing everything the create sent, made since the first attempt, is ours', () => {
  const ours = differences(listed(), sent, WINDOW);
  assert.deepEqual(ours, { fields: [] });
  assert.ok(isOurs(ours));
  // Line endings and surrounding blanks are not a different message; the component order is not either.
  assert.equal(
    whatDiffers(listed({ incident_updates: [{ body: '  Card payments fail.\r\n', created_at: null }] })),
    '',
  );
  assert.equal(whatDiffers(listed({ components: [...listed().components!].reverse() })), '');
});

test("each field the create sent must match: the reviewer's teammate incident differs in three", () => {
  const teammates = listed({
    status: 'investigating',
    impact: 'none',
    impact_override: null,
    components: [],
    incident_updates: [{ body: "teammate's message", created_at: new Date(SENT_AT - 5000).toISOString() }],
    created_at: new Date(SENT_AT - 5000).toISOString(),
  });
  assert.equal(whatDiffers(teammates), 'created before this command; another message, status, impact, components');
  assert.equal(whatDiffers(listed({ incident_updates: [{ body: 'Card payments fail!' }] })), 'another message');
  assert.equal(whatDiffers(listed({ incident_updates: [] })), 'another message', 'no update shown is no evidence');
  assert.equal(whatDiffers(listed({ incident_updates: undefined })), 'another message');
  assert.equal(whatDiffers(listed({ incident_updates: 'odd' })), 'another message');
  assert.equal(whatDiffers(listed({ status: 'investigating' })), 'another status');
  assert.equal(whatDiffers(listed({ impact_override: 'major', impact: 'major' })), 'another impact');
  // An impact that is only derived (no override) is not the override the create set.
  assert.equal(whatDiffers(listed({ impact_override: null })), 'another impact');
  assert.equal(
    whatDiffers(listed({ impact_override: undefined })),
    '',
    'the derived impact stands in when no override is shown',
  );
  assert.equal(whatDiffers(listed({ components: [{ id: 'cmp000000003' }] })), 'another components');
  assert.equal(whatDiffers(listed({ components: null })), 'another components');
  const extra = [...listed().components!, { id: 'cmp000000004' }];
  assert.equal(whatDiffers(listed({ components: extra })), 'another components');
});

test('the message is that of the first update, whatever order the updates are listed in', () => {
  const later = new Date(SENT_AT + 3000).toISOString();
  const first = { body: 'Card payments fail.', created_at: new Date(SENT_AT + 1000).toISOString() };
  const second = { body: 'Still failing.', created_at: later };
  assert.equal(whatDiffers(listed({ incident_updates: [second, first] })), '');
  assert.equal(whatDiffers(listed({ incident_updates: [first, second] })), '');
  // Without timestamps, the API's order (newest first) decides.
  assert.equal(
    whatDiffers(listed({ incident_updates: [{ body: 'Still failing.' }, { body: 'Card payments fail.' }] })),
    '',
  );
});

test('fields the create did not send are not compared, except the components, which it always sets', () => {
  const bare = createIncident(PAGE, { incident: { name: 'Checkout errors', status: 'identified' } }).creates!;
  const other = listed({ impact_override: 'minor', incident_updates: [{ body: 'anything' }] });
  assert.equal(whatDiffers(other, bare), 'another components');
  assert.equal(whatDiffers({ ...other, components: [] }, bare), '');
  assert.equal(whatDiffers({ ...other, components: undefined }, bare), '', 'no components shown: none attached');
});

test('a maintenance matches on its window, to the second', () => {
  const maintenance = createIncident(PAGE, {
    incident: {
      name: 'DB upgrade',
      status: 'scheduled',
      scheduled_for: '2030-01-02T03:00:00.250Z',
      scheduled_until: '2030-01-02T04:00:00.000Z',
    },
  }).creates!;
  const shown = (scheduled_for: string | null, scheduled_until: string | null): Incident =>
    listed({
      name: 'DB upgrade',
      status: 'scheduled',
      impact_override: 'maintenance',
      components: [],
      scheduled_for,
      scheduled_until,
    });
  assert.equal(whatDiffers(shown('2030-01-02T03:00:00Z', '2030-01-02T04:00:00+00:00'), maintenance), '');
  assert.equal(whatDiffers(shown('2030-01-02T05:00:00+02:00', '2030-01-02T04:00:00Z'), maintenance), '');
  assert.equal(whatDiffers(shown('2030-01-02T03:30:00Z', '2030-01-02T04:00:00Z'), maintenance), 'another window');
  assert.equal(whatDiffers(shown('2030-01-02T03:00:00Z', '2030-01-02T05:00:00Z'), maintenance), 'another window');
  assert.equal(whatDiffers(shown(null, null), maintenance), 'another window');
});

test('the window is anchored on the API clock: our clock can be off by hours', () => {
  const serverNow = SENT_AT + 10_000;
  const date = new Date(serverNow).toUTCString();
  for (const ourClockOff of [-3 * 3_600_000, 0, 3 * 3_600_000]) {
    const window = creationWindow(10_000, date, serverNow + ourClockOff);
    assert.equal(window.clock, 'server');
    assert.equal(window.from, SENT_AT - CLOCK_MARGIN_MS);
    assert.equal(window.to, serverNow + 1000 + CLOCK_MARGIN_MS, 'the Date header names whole seconds');
  }
  const at = (ms: number) => listed({ created_at: new Date(ms).toISOString() });
  assert.equal(whatDiffers(at(SENT_AT)), '');
  assert.equal(whatDiffers(at(SENT_AT - CLOCK_MARGIN_MS + 1)), '', 'within the margin');
  assert.equal(whatDiffers(at(SENT_AT - CLOCK_MARGIN_MS - 1)), 'created before this command');
  assert.equal(whatDiffers(at(SENT_AT - 5000)), 'created before this command', "5 s before: someone else's");
  assert.equal(whatDiffers(at(SENT_AT + 2 * 60_000)), 'created after the check');
  assert.equal(whatDiffers(listed({ created_at: null })), 'no creation time shown');
  assert.equal(whatDiffers(listed({ created_at: 'yesterday' })), 'no creation time shown');
});

test('without a readable Date header our own clock stands in, with the same margin', () => {
  for (const date of [undefined, '', 'not a date']) {
    const window = creationWindow(4000, date, SENT_AT + 4000);
    assert.deepEqual(window, {
      from: SENT_AT - CLOCK_MARGIN_MS,
      to: SENT_AT + 4000 + CLOCK_MARGIN_MS,
      clock: 'local',
    });
  }
});

test('findCreatedIncident returns the newest incident that is ours, and the same-named others', async () => {
  const firstSentAt = performance.now() - 5000;
  const sentWall = Date.now() - 5000;
  const make = (id: string, name: string, msAfterSend: number, body = 'Looking.'): Incident => {
    const at = new Date(sentWall + msAfterSend).toISOString();
    return { id, name, status: 'investigating', created_at: at, incident_updates: [{ body, created_at: at }] };
  };
  const h: CreatedIncidentHint = { ...hint('investigating'), body: 'Looking.' };
  const list = [
    make('old', 'API errors', -10 * 60_000),
    make('one', 'API errors', 100),
    make('two', 'API errors', 200),
    make('theirs', 'API errors', 300, 'Something else.'),
    make('other', 'Database', 300),
  ];
  let answeredWith: string | undefined;
  const read = async <T>(req: ApiRequest<T>): Promise<T> => req.parse(list, { date: answeredWith });
  for (const date of [undefined, new Date().toUTCString()]) {
    answeredWith = date;
    const lookup = await findCreatedIncident(read, h, firstSentAt);
    assert.equal(lookup.found?.id, 'two');
    assert.deepEqual(
      lookup.others.map((o) => [o.incident.id, describeDifferences(o.differences)]),
      [
        ['theirs', 'another message'],
        ['old', 'created before this command'],
      ],
    );
  }
  const none = async <T>(req: ApiRequest<T>): Promise<T> => req.parse([list[0], list[3]]);
  const lookup = await findCreatedIncident(none, h, firstSentAt);
  assert.equal(lookup.found, undefined);
  assert.deepEqual(
    lookup.others.map((o) => o.incident.id),
    ['theirs', 'old'],
  );
});
