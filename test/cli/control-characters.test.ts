// Text from the API never drives the user's terminal: names, statuses, shortlinks, error bodies,
// suggestions and page names reach human output with their control characters made visible;
// --json stays exact JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitize } from '../../src/output/io.js';
import { makeComponents } from '../support/fake-statuspage.js';
import { assertOk, withServer } from '../support/harness.js';
import { POISON } from '../support/hostile-server.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

/** Every escape the CLI may write itself: SGR colour codes, and nothing else. */
const OWN_ESCAPES = /\u001b\[\d+(;\d+)*m/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const SHOWN = 'API^[]0;pwned^G^[[2J^[]8;;https://evil.example^[\\click^[]8;;^[\\\\u009b31m';

function poisonedComponents() {
  return makeComponents(2).map((c, i) => (i === 0 ? { ...c, name: POISON, status: `major_outage${POISON}` } : c));
}

test('sanitize shows C0, DEL and C1 controls as visible escapes and keeps tab and newline', () => {
  assert.equal(sanitize(POISON), SHOWN);
  assert.equal(sanitize('a\tb\nc\r\nd\re\u007ff'), 'a\tb\nc\nd^Me^?f');
  assert.equal(sanitize('ünïcødé ✓ 🚀'), 'ünïcødé ✓ 🚀');
});

test('a poisoned component name is shown, not obeyed, in tables, blocks, did-you-mean and errors', async () => {
  await withServer(
    async ({ server, run }) => {
      const list = await run(['list-components']);
      assertOk(list);
      assert.doesNotMatch(list.stdout, CONTROL);
      assert.ok(list.stdout.includes(SHOWN), list.stdout);

      // Typed on the command line, such a title is refused (nothing sent); from the API, it is shown.
      const typed = await run(['create-incident', '-t', `Outage${POISON}`, '-c', 'cmp000000001']);
      assert.equal(typed.code, 2);
      assert.match(typed.stderr, /contains a control character/);
      assert.doesNotMatch(typed.stderr, CONTROL);
      assert.deepEqual(server.mutations(), []);
      const poisoned = server.addIncident({ name: `Outage${POISON}`, components: [{ id: 'cmp000000001' }] });
      const resolved = await run(['resolve-incident', poisoned.id]);
      assertOk(resolved);
      assert.doesNotMatch(resolved.stdout, CONTROL);
      assert.match(resolved.stdout, /\nName: OutageAPI\^\[\]0;pwned\^G/);

      const typo = await run(['create-incident', '-t', 'x', '-c', 'AP']);
      assert.equal(typo.code, 2);
      assert.doesNotMatch(typo.stderr, CONTROL);
      assert.ok(typo.stderr.includes(SHOWN), typo.stderr);

      server.failNext({ status: 422, body: { error: `Name ${POISON} is taken` } });
      const refused = await run(['create-incident', '-t', 'x']);
      assert.equal(refused.code, 1);
      assert.doesNotMatch(refused.stderr, CONTROL);
      assert.equal(refused.stderr.trimEnd().split('\n').length, 1);

      // JSON is exact: the same string back, with every control character escaped.
      const json = await run(['list-components', '--json']);
      assertOk(json);
      assert.doesNotMatch(json.stdout, CONTROL);
      assert.equal(JSON.parse(json.stdout)[0].name, POISON);
    },
    { components: poisonedComponents() },
  );
});

test('on a real terminal, only the CLI’s own colour codes are written', { skip: ttyUnavailable }, async () => {
  await withServer(
    async ({ server }) => {
      const env = { STATUSPAGE_API_URL: server.url, STATUSPAGE_TOKEN: server.token, STATUSPAGE_PAGE_ID: server.pageId };
      // --yes: no last look to answer (its text passes the same sanitizer: test/cli/last-look.test.ts).
      const poisoned = server.addIncident({ name: POISON, components: [{ id: 'cmp000000001' }] });
      for (const args of [['list-components'], ['resolve-incident', poisoned.id, '--yes']]) {
        const result = await runCliInTty(args, env);
        assert.equal(result.code, 0, result.output);
        assert.match(result.output, OWN_ESCAPES, 'coloured');
        const withoutColour = result.output.replace(OWN_ESCAPES, '');
        assert.doesNotMatch(withoutColour, CONTROL, withoutColour);
        assert.ok(withoutColour.includes(SHOWN), withoutColour);
      }
    },
    { components: poisonedComponents() },
  );
});
