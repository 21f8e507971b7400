// Profiles: named pages in a config file that is validated, written atomically with mode 0600,
// and never overwritten when it cannot be read; --page and profiles take a page's name too.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

function configDir(): { dir: string; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-profile-'));
  return { dir, file: join(dir, 'config.json'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('profile add, list, use and remove keep the config file valid, private and whole', async () => {
  const config = configDir();
  try {
    await withServer(async ({ server, runBare }) => {
      const env = { STATUSPAGE_CONFIG_DIR: config.dir };
      const added = await runBare(['profile', 'add', 'prod', '--page', server.pageId], { env });
      assertOk(added);
      assert.match(
        added.stderr,
        /^Added profile 'prod' \(page pg0000000001\), the default, to .*config\.json\. Its token: statuspage auth login --profile prod\n$/,
      );
      assertOk(await runBare(['profile', 'add', 'staging', '-p', 'pg0000000002', '--no-confirm'], { env }));
      assert.deepEqual(JSON.parse(readFileSync(config.file, 'utf8')), {
        profiles: {
          prod: { page: 'pg0000000001', keychain_user: 'profile-prod' },
          staging: { page: 'pg0000000002', keychain_user: 'profile-staging', confirm: false },
        },
        default: 'prod',
      });
      if (process.platform !== 'win32') assert.equal(statSync(config.file).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(config.dir), ['config.json'], 'no temporary file is left behind');

      const list = await runBare(['profile', 'list'], { env });
      assertOk(list);
      assert.equal(
        list.stdout,
        '*\tprod\tpg0000000001\t\tprofile-prod\tyes\n\tstaging\tpg0000000002\t\tprofile-staging\tno\n',
      );
      assertUsageError(
        await runBare(['profile', 'add', 'prod', '-p', 'pg0000000003'], { env }),
        "profile 'prod' already exists",
      );
      assertOk(await runBare(['profile', 'use', 'staging'], { env }));
      assert.equal(JSON.parse(readFileSync(config.file, 'utf8')).default, 'staging');
      assertUsageError(
        await runBare(['profile', 'use', 'nope'], { env }),
        "profile 'nope' does not exist; the profiles are: prod, staging",
      );
      const removed = await runBare(['profile', 'remove', 'staging'], { env });
      assertOk(removed);
      assert.match(removed.stderr, /it was the default; there is none now/);
      assert.deepEqual(Object.keys(JSON.parse(readFileSync(config.file, 'utf8')).profiles), ['prod']);
      assert.equal(server.requests.length, 0, 'IDs cost no request');
    });
  } finally {
    config.done();
  }
});

test('--profile, STATUSPAGE_PROFILE and the default pick the page; -p wins, and the environment wins over the default', async () => {
  const config = configDir();
  try {
    await withServer(async ({ server, runBare }) => {
      const env = { STATUSPAGE_CONFIG_DIR: config.dir, STATUSPAGE_TOKEN: server.token };
      assertOk(await runBare(['profile', 'add', 'prod', '-p', server.pageId], { env }));
      assertOk(await runBare(['profile', 'add', 'other', '-p', 'pg0000000009'], { env }));
      assertOk(await runBare(['list-components', '-q'], { env }));
      assert.equal(server.requests.at(-1)?.path, `/v1/pages/${server.pageId}/components`);
      const viaFlag = await runBare(['list-components', '-q', '--profile', 'other'], { env });
      assert.equal(viaFlag.code, 5, 'the other profile’s page does not exist on this server');
      assert.equal(server.requests.at(-1)?.path, '/v1/pages/pg0000000009/components');
      await runBare(['list-components', '-q'], { env: { ...env, STATUSPAGE_PROFILE: 'other' } });
      assert.equal(server.requests.at(-1)?.path, '/v1/pages/pg0000000009/components');
      assertOk(await runBare(['list-components', '-q', '--profile', 'other', '-p', server.pageId], { env }));
      // The default profile (prod) yields to STATUSPAGE_PAGE_ID.
      assertOk(await runBare(['list-components', '-q'], { env: { ...env, STATUSPAGE_PAGE_ID: 'pg0000000001' } }));
      // A profile named for this command and a page in the environment that differ: which was meant
      // cannot be told, and the wrong one would notify the wrong subscribers.
      server.requests.length = 0;
      for (const [args, extra, named] of [
        [['--profile', 'other'], {}, '--profile other'],
        [[], { STATUSPAGE_PROFILE: 'other' }, 'STATUSPAGE_PROFILE other'],
      ] as const) {
        assertUsageError(
          await runBare(['create-incident', '-t', 'Down', ...args], {
            env: { ...env, ...extra, STATUSPAGE_PAGE_ID: server.pageId },
          }),
          `${named} (pg0000000009) and STATUSPAGE_PAGE_ID (${server.pageId}) name different pages; give -p to choose, or unset STATUSPAGE_PAGE_ID`,
        );
      }
      const same = await runBare(['list-components', '-q', '--profile', 'other'], {
        env: { ...env, STATUSPAGE_PAGE_ID: 'pg0000000009' },
      });
      assert.equal(
        same.code,
        5,
        'the same page from both is no conflict: the request goes out (to a page this server lacks)',
      );
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/v1/pages/pg0000000009/components'],
      );
      // The same holds for the API: a profile's api_url and a different STATUSPAGE_API_URL.
      assertOk(
        await runBare(['profile', 'add', 'elsewhere', '-p', server.pageId, '--api-url', 'http://127.0.0.1:9/v1'], {
          env,
        }),
      );
      assertUsageError(
        await runBare(['list-components', '--profile', 'elsewhere'], { env }),
        `--profile elsewhere (http://127.0.0.1:9/v1) and STATUSPAGE_API_URL (${server.url}) name different API URLs; unset STATUSPAGE_API_URL`,
      );
      assertUsageError(
        await runBare(['list-components', '--profile', 'missing'], { env }),
        "--profile 'missing' is not a profile; the profiles are: prod, other",
      );
      // A default edited by hand to a name that is not there says which, where, and the way out.
      const saved = JSON.parse(readFileSync(config.file, 'utf8')) as Record<string, unknown>;
      writeFileSync(config.file, JSON.stringify({ ...saved, default: 'gone' }));
      assertUsageError(
        await runBare(['list-components'], { env }),
        `the default profile 'gone' (in ${config.file}) is not a profile; the profiles are: prod, other, elsewhere (statuspage profile use NAME)`,
      );
    });
  } finally {
    config.done();
  }
});

test('a corrupt config file is one line naming the file and the line, and is never written over', async () => {
  const config = configDir();
  try {
    await withServer(async ({ server, runBare }) => {
      const env = { STATUSPAGE_CONFIG_DIR: config.dir, STATUSPAGE_TOKEN: server.token };
      const broken = '{\n  "profiles": {\n    "prod": { "page": "pg0000000001", }\n  }\n}\n';
      writeFileSync(config.file, broken);
      const result = await runBare(['list-components'], { env });
      assertUsageError(result, `config file ${config.file}:3: not valid JSON`);
      const add = await runBare(['profile', 'add', 'x', '-p', server.pageId], { env });
      assertUsageError(add, `config file ${config.file}:3`);
      assert.equal(readFileSync(config.file, 'utf8'), broken, 'left exactly as it was');
      writeFileSync(
        config.file,
        '{\n  "profiles": {\n    "prod": { "page": "pg0000000001", "colour": "red" }\n  }\n}\n',
      );
      assertUsageError(await runBare(['list-components'], { env }), `config file ${config.file}:3: profiles.prod`);
      assert.equal(server.requests.length, 0);
    });
  } finally {
    config.done();
  }
});

test('--page takes a page’s name (one GET /pages); list-pages shows the pages the token reaches', async () => {
  const config = configDir();
  try {
    await withServer(async ({ server, runBare }) => {
      const env = { STATUSPAGE_CONFIG_DIR: config.dir, STATUSPAGE_TOKEN: server.token };
      assertOk(await runBare(['list-components', '-q', '--page', 'fake status'], { env }));
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/v1/pages', `/v1/pages/${server.pageId}/components`],
      );
      assertUsageError(
        await runBare(['list-components', '--page', 'Fake Statsu'], { env }),
        "--page 'Fake Statsu' is not one of your pages; they are: 'Fake Status' (pg0000000001)",
      );
      const pages = await runBare(['list-pages'], { env });
      assertOk(pages);
      assert.equal(pages.stdout, 'Fake Status\tpg0000000001\thttps://fake-status.example.com\n');
      server.requests.length = 0;
      assertOk(await runBare(['profile', 'add', 'fake', '--page', 'Fake Status'], { env }));
      assert.equal(JSON.parse(readFileSync(config.file, 'utf8')).profiles.fake.page, server.pageId);
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/v1/pages'],
      );
    });
  } finally {
    config.done();
  }
});
