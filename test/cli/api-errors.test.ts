import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withServer } from '../support/harness.js';

test('a rejected token is an auth error (exit 4) with the API’s own message', async () => {
  await withServer(async ({ run }) => {
    const result = await run(['create-incident', '-t', 'x'], { env: { STATUSPAGE_TOKEN: 'wrong-token' } });
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'error: POST /pages/pg0000000001/incidents: HTTP 401 Unauthorized: Could not authenticate\n',
    );
  });
});

test('a 422 shows the API’s error list on one line (exit 1)', async () => {
  await withServer(async ({ server, run }) => {
    server.failNext({ status: 422, body: { error: ['Name is too long', 'Body is invalid'] } });
    const result = await run(['create-incident', '-t', 'x']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'error: POST /pages/pg0000000001/incidents: HTTP 422 Unprocessable Entity: Name is too long; Body is invalid\n',
    );
  });
});

test('an error body with `message` is shown as well', async () => {
  await withServer(async ({ server, run }) => {
    server.failNext({ status: 400, body: { message: 'Bad things' } });
    const result = await run(['update-incident', 'inc000000001', '-s', 'identified']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /HTTP 400 Bad Request: Bad things\n$/);
  });
});

test('with no token anywhere, the error names all three ways to give one (exit 4)', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['create-incident', '-t', 'x', '-p', server.pageId], {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    assert.equal(result.code, 4);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(result.stderr, /--token/);
    assert.match(result.stderr, /STATUSPAGE_TOKEN/);
    assert.match(result.stderr, /keychain/);
    assert.equal(server.requests.length, 0);
  });
});

test('--token - reads the token from stdin', async () => {
  await withServer(async ({ server, runBare }) => {
    const result = await runBare(['create-incident', '-t', 'x', '-p', server.pageId, '--token', '-', '-q'], {
      input: `${server.token}\n`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(server.requests[0]?.headers.authorization, `OAuth ${server.token}`);
  });
});
