// Self-test of the fake Statuspage's scripted faults (what the fault-injection tests rely on).
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { type FakeStatuspage, startFakeStatuspage } from './support/fake-statuspage.js';

async function fakeFor(t: TestContext): Promise<FakeStatuspage> {
  const fake = await startFakeStatuspage();
  t.after(() => fake.close());
  return fake;
}

const create = (fake: FakeStatuspage, name: string) =>
  fetch(`${fake.url}/pages/${fake.pageId}/incidents`, {
    method: 'POST',
    headers: { authorization: `OAuth ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incident: { name } }),
  });
const list = (fake: FakeStatuspage) =>
  fetch(`${fake.url}/pages/${fake.pageId}/incidents`, { headers: { authorization: `OAuth ${fake.token}` } });

test('drop after handling: the incident is stored, the client gets no answer', async (t) => {
  const fake = await fakeFor(t);
  fake.injectFault({ method: 'POST', kind: 'drop', when: 'after-handling' });
  await assert.rejects(create(fake, 'Stored anyway'));
  assert.equal(fake.incidents.size, 1);
  assert.equal(fake.requests[0]?.status, 0, 'no status was sent');
  assert.equal((await create(fake, 'Next one')).status, 201, 'the fault applies once');
});

test('drop before handling stores nothing; mid-response sends headers and half the body', async (t) => {
  const fake = await fakeFor(t);
  fake.injectFault({ kind: 'drop', when: 'before-handling' });
  await assert.rejects(create(fake, 'Never stored'));
  assert.equal(fake.incidents.size, 0);
  fake.injectFault({ kind: 'drop', when: 'mid-response' });
  const res = await create(fake, 'Stored, answer cut');
  assert.equal(res.status, 201);
  await assert.rejects(res.text());
  assert.equal(fake.incidents.size, 1);
});

test('a method-scoped fault lets other methods through, and rawBody is sent verbatim', async (t) => {
  const fake = await fakeFor(t);
  fake.injectFault({
    method: 'POST',
    kind: 'respond',
    response: { status: 502, rawBody: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } },
  });
  assert.equal((await list(fake)).status, 200);
  const res = await create(fake, 'Proxied');
  assert.equal(res.status, 502);
  assert.equal(res.headers.get('content-type'), 'text/html');
  assert.equal(await res.text(), '<html>bad gateway</html>');
  assert.equal(fake.incidents.size, 0);
});

test('delay answers normally after the wait', async (t) => {
  const fake = await fakeFor(t);
  fake.injectFault({ kind: 'delay', ms: 300 });
  const started = Date.now();
  assert.equal((await list(fake)).status, 200);
  assert.ok(Date.now() - started >= 290);
  assert.ok(typeof fake.requests[0]?.receivedAt === 'number');
});
