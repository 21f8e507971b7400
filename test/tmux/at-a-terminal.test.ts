// The CLI on a real terminal (tmux): keys typed as a person types them, the screen read back.
// The schedule wizard end to end, picking the incident to resolve, the last look before a
// broadcast with its subscriber count, n sending nothing, y sending once, --yes asking nothing,
// and a hidden token. Few and slow on purpose: the decisions behind them are tested in this
// process (test/cli/last-look.test.ts, test/cli/prompting.test.ts, test/unit/prompts.test.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { onlyBody, withServer } from '../support/harness.js';
import { type LoadReport, loadedFileContaining, loadProbeEnv } from '../support/load-probe.js';
import { PROMPT_LIBRARY_MARKER } from '../support/prompt-library.js';
import { serverEnv } from '../support/run-io.js';
import { sendAfterLastLook, tmuxUnavailable, withTmux } from '../support/tmux.js';

const skip = tmuxUnavailable ?? false;
const calls = (server: FakeStatuspage) =>
  server.requests.map((r) => `${r.method} ${r.path.replace('/v1/pages/pg0000000001', '')}`);

test('schedule-maintenance asks for each value, shows the last look, and sends once after y', { skip }, async () => {
  const probeDir = mkdtempSync(join(tmpdir(), 'statuspage-tmux-probe-'));
  const probeFile = join(probeDir, 'loaded.json');
  try {
    await withServer(async ({ server }) => {
      server.subscriberCount = { email: 1234, sms: 56, webhook: 7 };
      const env = { ...serverEnv(server, { TZ: 'UTC' }), ...loadProbeEnv(probeFile) };
      await withTmux(['schedule-maintenance'], { env }, async (cli) => {
        await cli.waitFor('Title');
        await cli.type('DB upgrade');
        await cli.press('Enter');
        await cli.waitFor('Start: now, in 2h, +90m, YYYY-MM-DD HH:MM (UTC) or ISO 8601');
        await cli.type('2030-01-02 03:00');
        await cli.press('Enter');
        await cli.waitFor('Duration');
        await cli.type('2h');
        await cli.press('Enter');
        const components = await cli.waitFor('Components under maintenance');
        assert.match(
          components,
          /API {13}operational \(cmp000000001\)\n/,
          'each with its status; the ID under the cursor',
        );
        assert.match(components, /Email Delivery {2}operational\n/);
        await cli.type('data');
        await cli.waitFor('(1 match)');
        await cli.press('Tab', 'Enter');
        await cli.waitFor('Message to subscribers');
        await cli.type('Upgrading the database.');
        await cli.press('Enter');
        await sendAfterLastLook(
          cli,
          [
            'About to post to Fake Status (pg0000000001):',
            '  Maintenance DB upgrade (new)',
            '  Status      scheduled',
            '  Window      Wed 2030-01-02 03:00–05:00 UTC',
            '  Components  Database: operational (not changed now)',
            '  Message     Upgrading the database.',
            '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
          ],
          () => server.mutations(),
        );
        assert.match(await cli.screen(), /Scheduled maintenance \(subscribers notified\):/);
      });
      const body = onlyBody(server, 'POST') as { incident: Record<string, unknown> };
      assert.deepEqual(
        {
          name: body.incident.name,
          scheduled_for: body.incident.scheduled_for,
          scheduled_until: body.incident.scheduled_until,
          component_ids: body.incident.component_ids,
          body: body.incident.body,
          deliver_notifications: body.incident.deliver_notifications,
        },
        {
          name: 'DB upgrade',
          scheduled_for: '2030-01-02T03:00:00.000Z',
          scheduled_until: '2030-01-02T05:00:00.000Z',
          component_ids: ['cmp000000003'],
          body: 'Upgrading the database.',
          deliver_notifications: true,
        },
      );
    });
    const loaded = JSON.parse(readFileSync(probeFile, 'utf8')) as LoadReport;
    assert.ok(loadedFileContaining(loaded, PROMPT_LIBRARY_MARKER), 'a question loads the prompt library');
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
});

test('resolve-incident without an ID: pick from the open incidents, newest first; y resolves that one, once', {
  skip,
}, async () => {
  await withServer(async ({ server }) => {
    const older = server.addIncident({
      name: 'Checkout errors',
      components: [{ id: 'cmp000000001', status: 'major_outage' }],
    });
    const api = server.components.find((c) => c.id === 'cmp000000001');
    if (api) api.status = 'major_outage';
    const newer = server.addIncident({ name: 'Mail is slow', created_at: new Date(Date.now() + 1000).toISOString() });
    await withTmux(['resolve-incident', '-m', 'Fixed.'], { env: serverEnv(server) }, async (cli) => {
      const list = await cli.waitFor('Incident or maintenance to resolve');
      assert.ok(list.indexOf('Mail is slow') < list.indexOf('Checkout errors'), `newest first:\n${list}`);
      assert.match(
        list,
        /Mail is slow {5}investigating {2}\d+s \(inc000000002\)\n/,
        'the ID beside the one under the cursor',
      );
      assert.match(list, /Checkout errors {2}investigating {2}\d+s {2}API\n/);
      await cli.press('Down', 'Enter');
      const preview = await cli.waitFor('Send? [y/N]');
      assert.ok(preview.includes(`  Incident    Checkout errors (${older.id})\n`), preview);
      assert.ok(preview.includes('  Components  API: major_outage → operational\n'), preview);
      await cli.type('y');
      await cli.press('Enter');
      assert.equal(await cli.exitCode(), 0, await cli.screen());
    });
    assert.deepEqual(
      server.mutations().map((r) => `${r.method} ${r.path.replace(/^.*\//, '')}`),
      [`PATCH ${older.id}`],
    );
    assert.equal(server.incidents.get(older.id)?.status, 'resolved');
    assert.equal(server.incidents.get(newer.id)?.status, 'investigating');
  });
});

test('the last look shows how many subscribers are notified; n sends nothing, exit 2', { skip }, async () => {
  await withServer(async ({ server }) => {
    const incident = server.addIncident({ name: 'Checkout errors' });
    server.subscriberCount = { email: 12_345, sms: 678, webhook: 9, slack: 1 };
    const args = ['update-incident', incident.id, '-s', 'identified', '-m', 'We found the cause.'];
    await withTmux(args, { env: serverEnv(server) }, async (cli) => {
      const preview = await cli.waitFor('Send? [y/N]');
      assert.ok(preview.includes('  Status      investigating → identified\n'), preview);
      assert.ok(
        preview.includes('  Notifies    13,033 subscribers: 12,345 e-mail, 678 SMS, 9 webhook, 1 Slack\n'),
        preview,
      );
      await cli.type('n');
      await cli.press('Enter');
      assert.equal(await cli.exitCode(), 2);
      assert.match(await cli.screen(), /Send\? \[y\/N\] n\ndeclined; nothing sent\n/);
    });
    assert.deepEqual(server.mutations(), []);
    assert.equal(server.incidents.get(incident.id)?.status, 'investigating');
  });
});

test('--yes asks nothing and reads nothing for a last look; a token typed at --token - is not shown; Ctrl-C cancels', {
  skip,
}, async () => {
  await withServer(async ({ server }) => {
    const incident = server.addIncident({ name: 'Checkout errors' });
    const env = { ...serverEnv(server), STATUSPAGE_TOKEN: undefined };
    const args = ['update-incident', incident.id, '-m', 'Still looking.', '--yes', '--token', '-'];
    await withTmux(args, { env }, async (cli) => {
      await cli.waitFor('API token (input is hidden): ');
      await cli.type(server.token);
      await cli.press('Enter');
      assert.equal(await cli.exitCode(), 0, await cli.screen());
      const screen = await cli.screen();
      assert.ok(!screen.includes(server.token), `the token was echoed:\n${screen}`);
      assert.ok(!screen.includes('Send?'), screen);
      assert.match(screen, /Updated incident \(subscribers notified\):/);
    });
    assert.deepEqual(calls(server), [`PATCH /incidents/${incident.id}`]);

    await withTmux(['schedule-maintenance'], { env: serverEnv(server) }, async (cli) => {
      await cli.waitFor('Title');
      await cli.type('Half a ti');
      await cli.press('C-c');
      assert.equal(await cli.exitCode(), 2);
      assert.match(await cli.screen(), /cancelled; nothing sent\n/);
    });
    assert.equal(server.mutations().length, 1);
  });
});
