// Self-test of the test support code: the fake Statuspage server, the spec validator, the CLI env.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { type FakeStatuspage, makeComponents, startFakeStatuspage } from './support/fake-statuspage.js';
import { cleanEnv } from './support/run-cli.js';
import {
  specAvailable,
  specPath,
  specSkipReason,
  validateAgainstSpec,
  validateResponseAgainstSpec,
} from './support/spec.js';

async function fakeFor(t: TestContext, options?: Parameters<typeof startFakeStatuspage>[0]): Promise<FakeStatuspage> {
  const fake = await startFakeStatuspage(options);
  t.after(() => fake.close());
  return fake;
}

async function call(
  fake: FakeStatuspage,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: {
      authorization: `OAuth ${fake.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

test('rejects requests without exactly `Authorization: OAuth <token>`', async (t) => {
  const fake = await fakeFor(t);
  for (const authorization of [
    undefined,
    'OAuth wrong-token',
    `Bearer ${fake.token}`,
    `oauth ${fake.token}`,
    `OAuth  ${fake.token}`,
  ]) {
    const res = await fetch(`${fake.url}/pages`, { headers: authorization ? { authorization } : {} });
    assert.equal(res.status, 401, `authorization ${JSON.stringify(authorization)}`);
    assert.deepEqual(await res.json(), { error: 'Could not authenticate' });
  }
  const ok = await call(fake, 'GET', '/pages');
  assert.equal(ok.status, 200);
  assert.equal(ok.json[0].id, fake.pageId);
  assert.equal(fake.requests.length, 6);
  assert.deepEqual(fake.mutations(), []);
});

test('unknown page and unknown incident are 404 (error and message shapes)', async (t) => {
  const fake = await fakeFor(t);
  const page = await call(fake, 'GET', '/pages/nosuchpage000/incidents');
  assert.equal(page.status, 404);
  assert.deepEqual(page.json, { error: 'Page not found' });
  const incident = await call(fake, 'GET', `/pages/${fake.pageId}/incidents/nosuchincdnt`);
  assert.equal(incident.status, 404);
  assert.equal(typeof incident.json.message, 'string');
  const patch = await call(fake, 'PATCH', `/pages/${fake.pageId}/incidents/nosuchincdnt`, {
    incident: { status: 'resolved' },
  });
  assert.equal(patch.status, 404);
});

test('create -> get -> patch round-trips and moves component statuses', async (t) => {
  const fake = await fakeFor(t);
  const [api, website] = fake.components;
  assert.ok(api && website);
  const created = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: {
      name: 'API errors',
      body: 'We are investigating elevated error rates.',
      component_ids: [api.id, website.id],
      components: { [api.id]: 'partial_outage', [website.id]: 'degraded_performance' },
      deliver_notifications: false,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const incident = created.json;
  assert.match(incident.id, /^[a-z0-9]{12}$/);
  assert.equal(incident.name, 'API errors');
  assert.equal(incident.status, 'investigating');
  assert.equal(incident.impact, 'major');
  assert.equal(incident.page_id, fake.pageId);
  assert.match(incident.shortlink, /^https:\/\/stspg\.io\/\w+$/);
  assert.ok(!Number.isNaN(Date.parse(incident.created_at)));
  assert.deepEqual(
    incident.components.map((c: { id: string; name: string; status: string }) => [c.id, c.name, c.status]),
    [
      [api.id, 'API', 'partial_outage'],
      [website.id, 'Website', 'degraded_performance'],
    ],
  );
  assert.equal(incident.incident_updates[0].body, 'We are investigating elevated error rates.');
  assert.equal(api.status, 'partial_outage', 'page component status follows the incident');
  assert.equal(fake.incidents.get(incident.id)?.name, 'API errors');
  assert.deepEqual(validateResponseAgainstSpec('POST', '/pages/{page_id}/incidents', 201, incident), []);

  const fetched = await call(fake, 'GET', `/pages/${fake.pageId}/incidents/${incident.id}`);
  assert.equal(fetched.status, 200);
  assert.deepEqual(fetched.json, incident);
  const unresolved = await call(fake, 'GET', `/pages/${fake.pageId}/incidents/unresolved`);
  assert.deepEqual(
    unresolved.json.map((i: { id: string }) => i.id),
    [incident.id],
  );

  const patched = await call(fake, 'PATCH', `/pages/${fake.pageId}/incidents/${incident.id}`, {
    incident: {
      status: 'resolved',
      body: 'Fixed.',
      components: { [api.id]: 'operational', [website.id]: 'operational' },
    },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  assert.equal(patched.json.status, 'resolved');
  assert.equal(patched.json.name, 'API errors');
  assert.ok(patched.json.resolved_at);
  assert.equal(patched.json.impact, 'none');
  assert.equal(patched.json.incident_updates.length, 2);
  assert.equal(patched.json.incident_updates[0].body, 'Fixed.');
  assert.deepEqual(
    fake.components.slice(0, 2).map((c) => c.status),
    ['operational', 'operational'],
  );
  assert.equal((await call(fake, 'GET', `/pages/${fake.pageId}/incidents/unresolved`)).json.length, 0);

  assert.deepEqual(
    fake.mutations().map((r) => `${r.method} ${r.status}`),
    ['POST 201', 'PATCH 200'],
  );
  assert.equal(fake.mutations()[0]?.headers['content-type'], 'application/json');
  assert.deepEqual(fake.validationErrors, []);
});

test('scheduled maintenance defaults to status scheduled and shows in the scheduled lists', async (t) => {
  const fake = await fakeFor(t);
  const start = new Date(Date.now() + 3_600_000).toISOString();
  const end = new Date(Date.now() + 7_200_000).toISOString();
  const created = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: { name: 'DB upgrade', scheduled_for: start, scheduled_until: end, component_ids: ['cmp000000003'] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal(created.json.status, 'scheduled');
  assert.equal(created.json.impact, 'maintenance');
  for (const kind of ['scheduled', 'upcoming']) {
    const list = await call(fake, 'GET', `/pages/${fake.pageId}/incidents/${kind}`);
    assert.deepEqual(
      list.json.map((i: { id: string }) => i.id),
      [created.json.id],
      kind,
    );
  }
  assert.equal((await call(fake, 'GET', `/pages/${fake.pageId}/incidents/active_maintenance`)).json.length, 0);
  assert.equal((await call(fake, 'GET', `/pages/${fake.pageId}/incidents/unresolved`)).json.length, 0);
});

test('incident list: newest first, q, limit and page', async (t) => {
  const fake = await fakeFor(t);
  for (let i = 1; i <= 5; i++) fake.addIncident({ name: `Seeded ${i}`, status: i === 5 ? 'resolved' : 'identified' });
  const all = await call(fake, 'GET', `/pages/${fake.pageId}/incidents`);
  assert.deepEqual(
    all.json.map((i: { name: string }) => i.name),
    ['Seeded 5', 'Seeded 4', 'Seeded 3', 'Seeded 2', 'Seeded 1'],
  );
  const page2 = await call(fake, 'GET', `/pages/${fake.pageId}/incidents?limit=2&page=2`);
  assert.deepEqual(
    page2.json.map((i: { name: string }) => i.name),
    ['Seeded 3', 'Seeded 2'],
  );
  assert.deepEqual(fake.requests.at(-1)?.query, { limit: '2', page: '2' });
  const q = await call(fake, 'GET', `/pages/${fake.pageId}/incidents?q=seeded%204`);
  assert.deepEqual(
    q.json.map((i: { name: string }) => i.name),
    ['Seeded 4'],
  );
  assert.equal((await call(fake, 'GET', `/pages/${fake.pageId}/incidents/unresolved`)).json.length, 4);
});

test('components paginate: 250 components take 3 pages of at most 100', async (t) => {
  const fake = await fakeFor(t, { components: makeComponents(250) });
  const seen: string[] = [];
  let pages = 0;
  for (let page = 1; ; page++) {
    const res = await call(fake, 'GET', `/pages/${fake.pageId}/components?page=${page}&per_page=100`);
    assert.equal(res.status, 200);
    pages++;
    seen.push(...res.json.map((c: { id: string }) => c.id));
    if (res.json.length < 100) break;
  }
  assert.equal(pages, 3);
  assert.equal(seen.length, 250);
  assert.equal(new Set(seen).size, 250);
  assert.equal(seen[0], 'cmp000000001');
  assert.equal(seen[249], 'cmp000000250');
  const capped = await call(fake, 'GET', `/pages/${fake.pageId}/components?per_page=1000`);
  assert.equal(capped.json.length, 100, 'per_page is capped at 100');
  const defaulted = await call(fake, 'GET', `/pages/${fake.pageId}/components`);
  assert.equal(defaulted.json.length, 100, 'paginated even without page/per_page');
  const one = await call(fake, 'GET', `/pages/${fake.pageId}/components/cmp000000042`);
  assert.equal(one.json.name, 'Component 42');
  assert.equal((await call(fake, 'GET', `/pages/${fake.pageId}/components/nope`)).status, 404);
});

test('a component PATCH (or PUT) sets its status, validated against zod and the spec; incidents are untouched', async (t) => {
  const fake = await fakeFor(t);
  const incident = fake.addIncident({ name: 'Open', components: [{ id: 'cmp000000002' }] });
  const path = `/pages/${fake.pageId}/components/cmp000000002`;
  const patched = await call(fake, 'PATCH', path, { component: { status: 'partial_outage' } });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.id, 'cmp000000002');
  assert.equal(patched.json.status, 'partial_outage');
  assert.ok(Date.parse(patched.json.updated_at) > Date.parse('2024-01-01T00:00:00.000Z'), 'updated_at moves');
  assert.equal(fake.components[1]?.status, 'partial_outage');
  assert.equal((await call(fake, 'GET', path)).json.status, 'partial_outage');
  const put = await call(fake, 'PUT', path, { component: { status: 'operational' } });
  assert.equal(put.json.status, 'operational');
  assert.equal(incident.incident_updates.length, 1, 'no incident update is posted');

  for (const body of [
    { component: { status: 'broken' } },
    { component: { status: 'operational', colour: 'red' } },
    { status: 'operational' },
    { component: {} },
  ]) {
    const before = fake.validationErrors.length;
    assert.equal((await call(fake, 'PATCH', path, body)).status, 422, JSON.stringify(body));
    assert.ok(fake.validationErrors.length > before, JSON.stringify(body));
  }
  if (specAvailable) assert.ok(fake.validationErrors.some((e) => e.includes('spec: /component/status')));
  fake.validationErrors.length = 0;
  const missing = `/pages/${fake.pageId}/components/cmp999999999`;
  assert.equal((await call(fake, 'PATCH', missing, { component: { status: 'operational' } })).status, 404);
  assert.equal((await call(fake, 'DELETE', path)).status, 405);
  assert.equal(fake.components[1]?.status, 'operational');
});

test('invalid bodies get 422 and land in validationErrors; nothing is created', async (t) => {
  const fake = await fakeFor(t);
  const bad = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: { name: 'x', impact_override: 'huge' },
  });
  assert.equal(bad.status, 422);
  assert.ok(Array.isArray(bad.json.error) && bad.json.error.length > 0);
  assert.ok(
    fake.validationErrors.some((e) => e.includes('impact_override')),
    fake.validationErrors.join('\n'),
  );
  if (specAvailable) assert.ok(fake.validationErrors.some((e) => e.includes('spec: /incident/impact_override')));

  const before = fake.validationErrors.length;
  const broken = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: { name: 'x', components: { cmp000000001: 'broken' } },
  });
  assert.equal(broken.status, 422);
  assert.ok(
    fake.validationErrors.slice(before).some((e) => e.includes('broken')),
    fake.validationErrors.join('\n'),
  );

  const tooLong = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, { incident: { name: 'n'.repeat(256) } });
  assert.equal(tooLong.status, 422);
  const unknownKey = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: { name: 'x', colour: 'red' },
  });
  assert.equal(unknownKey.status, 422);
  const unknownComponent = await call(fake, 'POST', `/pages/${fake.pageId}/incidents`, {
    incident: { name: 'x', component_ids: ['cmp999999999'] },
  });
  assert.equal(unknownComponent.status, 422);

  assert.equal(fake.incidents.size, 0);
  assert.deepEqual(
    fake.components.map((c) => c.status),
    ['operational', 'operational', 'operational', 'operational'],
  );
});

test('bad JSON is 400 and a non-JSON content type is 415', async (t) => {
  const fake = await fakeFor(t);
  const path = `/pages/${fake.pageId}/incidents`;
  const badJson = await call(fake, 'POST', path, '{"incident": {', {});
  assert.equal(badJson.status, 400);
  const text = await call(fake, 'POST', path, JSON.stringify({ incident: { name: 'x' } }), {
    'content-type': 'text/plain',
  });
  assert.equal(text.status, 415);
  assert.equal(fake.validationErrors.length, 2);
  assert.equal(fake.incidents.size, 0);
});

test('failNext answers with a canned response (e.g. rate limiting)', async (t) => {
  const fake = await fakeFor(t);
  fake.failNext({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'Rate limit exceeded' } });
  const limited = await call(fake, 'GET', '/pages');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '1');
  assert.equal((await call(fake, 'GET', '/pages')).status, 200);
});

test('spec validator: rejects a bogus status, accepts a valid body', (t) => {
  if (!specAvailable) {
    t.skip(specSkipReason ?? `openapi.patched.json not found at ${specPath}: spec validation skipped`);
    return;
  }
  const create = '/pages/{page_id}/incidents';
  const update = '/pages/{page_id}/incidents/{incident_id}';
  const bogus = validateAgainstSpec('POST', create, { incident: { name: 'x', status: 'bogus' } });
  assert.ok(
    bogus.some((e) => e.startsWith('/incident/status')),
    bogus.join('\n'),
  );
  assert.deepEqual(
    validateAgainstSpec('POST', create, {
      incident: {
        name: 'API errors',
        status: 'identified',
        impact_override: 'minor',
        body: 'Looking into it',
        component_ids: ['cmp000000001'],
        components: { cmp000000001: 'degraded_performance' },
        scheduled_for: '2030-01-01T00:00:00Z',
      },
    }),
    [],
  );
  assert.deepEqual(validateAgainstSpec('PATCH', update, { incident: { status: 'resolved' } }), []);
  assert.ok(
    validateAgainstSpec('PATCH', update, { incident: { scheduled_for: 'tomorrow' } }).length > 0,
    'date-time format',
  );
  assert.ok(validateAgainstSpec('POST', create, { incident: {} }).length > 0, 'name is required');
  // What the spec leaves to prose is checked by hand.
  assert.ok(
    validateAgainstSpec('POST', create, { incident: { name: 'x', components: { anyid: 'broken' } } }).length > 0,
  );
  assert.ok(validateAgainstSpec('POST', create, { incident: { name: 'x'.repeat(256) } }).length > 0);
  assert.ok(validateAgainstSpec('PATCH', update, { incident: { body: 'x'.repeat(25_001) } }).length > 0);
  assert.throws(() => validateAgainstSpec('POST', '/no/such/path', {}));
});

test('cleanEnv drops STATUSPAGE_*, colour and proxy variables', () => {
  const saved = { ...process.env };
  try {
    Object.assign(process.env, {
      STATUSPAGE_TOKEN: 'secret',
      STATUSPAGE_API_URL: 'http://elsewhere',
      NO_COLOR: '1',
      FORCE_COLOR: '1',
      https_proxy: 'http://proxy',
      HTTP_PROXY: 'http://proxy',
      no_proxy: '*',
      KEEP_ME: 'yes',
    });
    const env = cleanEnv({ STATUSPAGE_API_URL: 'http://127.0.0.1:1/v1', KEEP_ME: undefined });
    assert.equal(env.STATUSPAGE_TOKEN, undefined);
    assert.equal(env.STATUSPAGE_API_URL, 'http://127.0.0.1:1/v1');
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'https_proxy', 'HTTP_PROXY', 'no_proxy', 'KEEP_ME'])
      assert.equal(env[key], undefined, key);
    assert.equal(env.PATH, process.env.PATH);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});

test('GET /pages/{id}/subscribers/count: counts by type as the spec shapes them; settable, or refused', async (t) => {
  const fake = await fakeFor(t);
  const path = `/pages/${fake.pageId}/subscribers/count`;
  assert.equal((await call(fake, 'GET', path)).json.email, 0, 'none by default');
  fake.subscriberCount = { email: 3, sms: 2 };
  const counted = await call(fake, 'GET', path);
  assert.equal(counted.status, 200);
  assert.deepEqual(counted.json, { email: 3, sms: 2, webhook: 0, integration_partner: 0, slack: 0, teams: 0 });
  assert.deepEqual(validateResponseAgainstSpec('GET', '/pages/{page_id}/subscribers/count', 200, counted.json), []);
  fake.subscriberCount = { status: 403 };
  assert.equal((await call(fake, 'GET', path)).status, 403);
  fake.subscriberCount = { webhook: 1 };
  assert.equal((await call(fake, 'GET', path)).json.webhook, 1, 'counted again once refusing stops');
});
