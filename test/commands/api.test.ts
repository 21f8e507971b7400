// `statuspage api`: any operation of the spec, through the same session as every command.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

const P = '/v1/pages/pg0000000001';

test('GET with {page} filled in prints the answer as JSON, exactly', async () => {
  await withServer(async ({ server, run }) => {
    server.addSubscribers(4);
    const result = await run(['api', '/pages/{page}/subscribers/count']);
    assertOk(result);
    assert.equal(
      result.stdout,
      `${JSON.stringify({ email: 3, sms: 0, webhook: 1, integration_partner: 0, slack: 0, teams: 0 }, null, 2)}\n`,
    );
    assert.equal(result.stderr, '');
    const [request] = server.requests;
    assert.equal(`${request?.method} ${request?.path}`, `GET ${P}/subscribers/count`);
    assert.equal(request?.headers.authorization, `OAuth ${server.token}`);
    assert.match(String(request?.headers['user-agent']), /^statuspage-cli\//);
    // {page_id} works too, and the leading slash is optional.
    assertOk(await run(['api', 'pages/{page_id}/subscribers/count', '-p', server.pageId]));
    assert.equal(server.requests[1]?.path, `${P}/subscribers/count`);
    // A path that names no page needs none.
    const pages = await run(['api', '/pages'], { env: { STATUSPAGE_PAGE_ID: undefined } });
    assertOk(pages);
    assert.equal((JSON.parse(pages.stdout) as { id: string }[])[0]?.id, server.pageId);
  });
});

test('-f builds a JSON body of strings (nested, lists), -F typed values and @file; the default is then POST', async () => {
  await withServer(async ({ server, run }) => {
    const dir = await mkdtemp(join(tmpdir(), 'statuspage-api-'));
    try {
      await writeFile(join(dir, 'note.txt'), 'line one\nline two\n');
      const result = await run(
        [
          'api',
          '/pages/{page}/subscribers',
          '-f',
          'subscriber[email]=ops@example.com',
          '-f',
          'subscriber[component_ids][]=cmp000000001',
          '-f',
          'subscriber[component_ids][]=cmp000000002',
          '-F',
          'subscriber[skip_confirmation_notification]=true',
          '-F',
          'subscriber[page_access_user_id]=null',
          '-F',
          'subscriber[count]=12',
          '-F',
          'subscriber[note]=@note.txt',
          '-f',
          'subscriber[phone]=0123',
        ],
        { cwd: dir },
      );
      assertOk(result);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const [post] = server.mutations();
    assert.equal(`${post?.method} ${post?.path}`, `POST ${P}/subscribers`);
    assert.deepEqual(post?.body, {
      subscriber: {
        email: 'ops@example.com',
        component_ids: ['cmp000000001', 'cmp000000002'],
        phone: '0123',
        skip_confirmation_notification: true,
        page_access_user_id: null,
        count: 12,
        note: 'line one\nline two\n',
      },
    });
  });
});

test('-f with -X GET become query parameters', async () => {
  await withServer(async ({ server, run }) => {
    server.addSubscribers(3);
    const result = await run([
      'api',
      '-X',
      'get',
      '/pages/{page}/subscribers?state=all',
      '-f',
      'limit=2',
      '-F',
      'page=1',
    ]);
    assertOk(result);
    assert.deepEqual(server.requests[0]?.query, { state: 'all', limit: '2', page: '1' });
    assert.deepEqual(
      (JSON.parse(result.stdout) as { id: string }[]).map((s) => s.id),
      ['sub000000003'],
    );
  });
});

test('--input sends a JSON file or stdin as the body; it must be JSON, and not with -f', async () => {
  await withServer(async ({ server, run }) => {
    const body = { subscriber: { email: 'a@example.com' } };
    assertOk(await run(['api', '/pages/{page}/subscribers', '--input', '-'], { input: JSON.stringify(body) }));
    assert.deepEqual(server.mutations()[0]?.body, body);
    server.requests.length = 0;
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '--input', '-'], { input: '{"subscriber": ' }),
      "--input '-' is not JSON",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '--input', '-'], { input: '' }),
      "--input '-' is empty",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '--input', '-', '-f', 'a=b']),
      '-f/-F and --input cannot be used together',
    );
    assertUsageError(
      await run(['api', '-X', 'GET', '/pages/{page}/subscribers', '--input', '-'], { input: '{}' }),
      '--input sends a body',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('--paginate follows pages to a short one and prints one array: by limit from page 0, by per_page from 1', async () => {
  await withServer(async ({ server, run }) => {
    server.addSubscribers(250);
    const subscribers = await run(['api', '/pages/{page}/subscribers', '--paginate']);
    assertOk(subscribers);
    const all = JSON.parse(subscribers.stdout) as { id: string }[];
    assert.equal(all.length, 250);
    assert.equal(new Set(all.map((s) => s.id)).size, 250);
    assert.deepEqual(
      server.requests.map((r) => r.query),
      [
        { page: '0', limit: '100' },
        { page: '1', limit: '100' },
        { page: '2', limit: '100' },
      ],
    );
    server.requests.length = 0;
    for (let i = 0; i < 200; i++) server.addTemplate({ name: `T${i}` });
    const templates = await run(['api', 'pages/{page}/incident_templates', '--paginate']);
    assertOk(templates);
    assert.equal((JSON.parse(templates.stdout) as unknown[]).length, 200);
    assert.deepEqual(
      server.requests.map((r) => `${r.query.page}/${r.query.per_page}`),
      ['1/100', '2/100', '3/100'],
      'exactly 200: the third, empty page ends it',
    );
  });
});

test('--paginate only for a paginated GET', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['api', '/pages/{page}/subscribers/count', '--paginate']), 'is not paginated');
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '--paginate', '-f', 'state=all']),
      '--paginate reads a list with GET, not POST',
      'add -X GET',
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers?limit=5', '--paginate']),
      "--paginate sets 'limit' itself",
    );
    assert.equal(server.requests.length, 0);
  });
});

test('an unknown path, a wrong method, /v1 or a full URL: a usage error, and nothing is sent', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(
      await run(['api', '/pages/{page}/subscriber']),
      'GET /pages/{page}/subscriber is not an operation of the Statuspage API; closest: GET /pages/{page_id}/subscribers (Get a list of subscribers)',
      'nothing sent',
    );
    assertUsageError(
      await run(['api', '-X', 'DELETE', '/pages/{page}/subscribers/count']),
      'DELETE is not an operation of /pages/{page_id}/subscribers/count; it takes GET (-X GET); nothing sent',
    );
    assertUsageError(
      await run(['api', '-X', 'POST', '/pages/{page}/incidents/inc000000001/postmortem', '-f', 'a=b']),
      'it takes DELETE, GET, PUT',
    );
    assertUsageError(
      await run(['api', '-X', 'FETCH', '/pages']),
      "--method 'FETCH' is not allowed; use one of: GET, POST, PUT, PATCH, DELETE",
    );
    assertUsageError(await run(['api', '/v1/pages/{page}/subscribers']), "drop '/v1'", '/pages/{page}/subscribers');
    assertUsageError(
      await run(['api', 'https://api.statuspage.io/v1/pages/{page}/subscribers']),
      'is a full URL',
      "drop 'https://api.statuspage.io/v1' and give /pages/{page}/subscribers",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/incidents/{incident_id}']),
      "has '{incident_id}': put the ID in its place",
    );
    assertUsageError(
      await run(['api', '/pages/{page}'], { env: { STATUSPAGE_PAGE_ID: undefined } }),
      '--page is required',
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '-f', 'subscriber']),
      "-f 'subscriber' is not key=value",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '-f', 'a[]=1', '-f', 'a[b]=2']),
      "-f 'a[b]' conflicts",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '-f', 'a=1', '-f', 'a=2']),
      "-f 'a' is given twice",
    );
    assertUsageError(
      await run(['api', '/pages/{page}/subscribers', '-f', 'a[][b]=1']),
      '[] appends to a list, so it comes last',
    );
    assert.equal(server.requests.length, 0);
  });
});

test('a POST is not resent after a 500, as its effect cannot be looked for; a rate limit is retried', async () => {
  await withServer(async ({ server, run }) => {
    server.injectFault({
      method: 'POST',
      kind: 'fail-after-handling',
      response: { status: 500, body: { error: 'boom' } },
    });
    const failed = await run(['api', '/pages/{page}/subscribers', '-f', 'subscriber[email]=a@example.com']);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /boom.*may have been applied; check before sending it again/);
    assert.equal(server.mutations().length, 1, 'sent once');
    assert.equal(server.subscribers.length, 1, 'and the API did act on it');

    server.requests.length = 0;
    server.failNext({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'slow down' } });
    assertOk(await run(['api', '/pages/{page}/subscribers', '-f', 'subscriber[email]=b@example.com']));
    assert.equal(server.mutations().length, 2, 'rate limited, then sent again');
    assert.equal(server.subscribers.length, 2, 'created once');
  });
});

test('--dry-run prints the request and sends nothing, not even a GET; an empty answer prints nothing', async () => {
  await withServer(async ({ server, run }) => {
    const dry = await run(['api', '/pages/{page}/subscribers', '-f', 'subscriber[email]=a@example.com', '--dry-run']);
    assertOk(dry);
    assert.equal(
      dry.stdout,
      [
        `POST ${server.url}/pages/pg0000000001/subscribers`,
        'Authorization: OAuth ***',
        'Accept: application/json',
        `User-Agent: ${/User-Agent: (.*)/.exec(dry.stdout)?.[1]}`,
        'Content-Type: application/json',
        '',
        '{',
        '  "subscriber": {',
        '    "email": "a@example.com"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    assertOk(await run(['api', '/pages/{page}/subscribers/count', '--dry-run']));
    assert.equal(server.requests.length, 0);

    const incident = server.addIncident({ status: 'resolved' });
    server.setPostmortem(incident, { body_draft: 'x' });
    const deleted = await run(['api', '-X', 'DELETE', `/pages/{page}/incidents/${incident.id}/postmortem`]);
    assertOk(deleted);
    assert.equal(deleted.stdout, '');
    assert.equal(server.postmortems.has(incident.id), false);
  });
});

test('the exit code follows the HTTP status, as for every command', async () => {
  await withServer(async ({ run }) => {
    const missing = await run(['api', '/pages/{page}/subscribers/sub000000999']);
    assert.equal(missing.code, 5, missing.stderr);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /^error: .*404/);
    const badToken = await run(['api', '/pages/{page}/subscribers/count'], { env: { STATUSPAGE_TOKEN: 'wrong' } });
    assert.equal(badToken.code, 4, badToken.stderr);
  });
});
