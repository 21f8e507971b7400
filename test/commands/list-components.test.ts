import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Component } from '../../src/api/schemas.js';
import { makeComponents } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

const ANSI = /\u001b\[[0-9;]*m/;

/** A page with a group whose members' positions interleave with the top-level ones. */
function groupedPage(): Component[] {
  const [api, backend, queue, database, website] = makeComponents(5);
  return [
    { ...website!, name: 'Website', position: 3 },
    { ...database!, name: 'Database', position: 2, group_id: backend!.id, status: 'degraded_performance' },
    { ...api!, name: 'API', position: 1 },
    { ...backend!, name: 'Backend', position: 2, group: true },
    { ...queue!, name: 'Queue', position: 1, group_id: backend!.id, status: 'major_outage' },
  ];
}

test('in a pipe: one tab-separated line per component, in page order, groups before their members', async () => {
  await withServer(
    async ({ server, run }) => {
      const result = await run(['list-components']);
      assertOk(result);
      assert.equal(
        result.stdout,
        [
          'API\tcmp000000001\toperational\t',
          'Backend\tcmp000000002\toperational\t(group)',
          'Queue\tcmp000000003\tmajor_outage\tBackend',
          'Database\tcmp000000004\tdegraded_performance\tBackend',
          'Website\tcmp000000005\toperational\t',
          '',
        ].join('\n'),
      );
      assert.equal(result.stderr, '');
      assert.doesNotMatch(result.stdout, ANSI);
      assert.deepEqual(
        server.requests.map((r) => `${r.method} ${r.path} ${r.query.page}/${r.query.per_page}`),
        [`GET /v1/pages/${server.pageId}/components 1/100`],
      );
    },
    { components: groupedPage() },
  );
});

test('the alias, -q and --json: 250 components read across three pages, every one listed once', async () => {
  await withServer(
    async ({ server, run }) => {
      const quiet = await run(['components', '-q']);
      assertOk(quiet);
      const ids = quiet.stdout.trimEnd().split('\n');
      assert.equal(ids.length, 250);
      assert.equal(ids[0], 'cmp000000001');
      assert.equal(ids[249], 'cmp000000250');
      assert.equal(new Set(ids).size, 250);
      assert.deepEqual(
        server.requests.map((r) => r.query.page),
        ['1', '2', '3'],
      );

      const json = await run(['list_components', '--json']);
      assertOk(json);
      const parsed = JSON.parse(json.stdout) as Component[];
      assert.equal(parsed.length, 250);
      assert.deepEqual(parsed[41], JSON.parse(JSON.stringify(server.components[41])));
    },
    { components: makeComponents(250) },
  );
});

test('exactly 100 components: the second, empty page ends the list', async () => {
  await withServer(
    async ({ server, run }) => {
      const quiet = await run(['list-components', '-q']);
      assertOk(quiet);
      assert.equal(quiet.stdout.trimEnd().split('\n').length, 100);
      assert.deepEqual(
        server.requests.map((r) => r.query.page),
        ['1', '2'],
      );
    },
    { components: makeComponents(100) },
  );
});

test('no components: nothing on stdout in a pipe, [] with --json', async () => {
  await withServer(
    async ({ run }) => {
      const plain = await run(['list-components']);
      assertOk(plain);
      assert.equal(plain.stdout, '');
      assert.equal(JSON.parse((await run(['list-components', '--json'])).stdout).length, 0);
    },
    { components: [] },
  );
});

test('list-components takes no arguments; a --page that is no ID is looked up as a name, once', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['list-components', 'API']), 'too many arguments');
    assert.equal(server.requests.length, 0);
    assertUsageError(await run(['list-components', '-p', 'pg 1']), "--page 'pg 1' is not one of your pages");
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/v1/pages'],
    );
  });
});

test('on a terminal: an aligned table with a header, coloured unless NO_COLOR or --no-color', {
  skip: ttyUnavailable,
}, async () => {
  await withServer(
    async ({ server }) => {
      const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
      const coloured = await runCliInTty(['list-components'], env);
      assert.equal(coloured.code, 0, coloured.output);
      assert.match(coloured.output, ANSI);
      const expected = [
        'NAME      ID            STATUS                GROUP',
        'API       cmp000000001  operational',
        'Backend   cmp000000002  operational           (group)',
        'Queue     cmp000000003  major_outage          Backend',
        'Database  cmp000000004  degraded_performance  Backend',
        'Website   cmp000000005  operational',
        '',
      ].join('\n');
      assert.equal(coloured.output.replace(new RegExp(ANSI.source, 'g'), ''), expected);
      for (const plain of [
        await runCliInTty(['list-components'], { ...env, NO_COLOR: '1' }),
        await runCliInTty(['list-components', '--no-color'], env),
      ]) {
        assert.equal(plain.code, 0, plain.output);
        assert.equal(plain.output, expected);
      }
    },
    { components: groupedPage() },
  );
});
