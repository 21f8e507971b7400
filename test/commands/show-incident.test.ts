import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Incident } from '../../src/api/schemas.js';
import type { FakeStatuspage } from '../support/fake-statuspage.js';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';
import { runCliInTty, ttyUnavailable } from '../support/run-tty.js';

const update = (status: string, at: string, body: string, changes: Array<[string, string, string, string]> = []) => ({
  id: `upd-${status}`,
  status,
  body,
  created_at: at,
  display_at: at,
  affected_components: changes.map(([code, name, old_status, new_status]) => ({ code, name, old_status, new_status })),
});

/** A resolved incident with three updates (the API lists them newest first) and a published postmortem. */
function seedIncident(server: FakeStatuspage, extra: Partial<Incident> = {}) {
  return server.addIncident({
    name: 'Checkout errors',
    status: 'resolved',
    impact: 'major',
    created_at: '2026-12-10T00:55:00.000Z',
    resolved_at: '2026-12-10T02:10:00.000Z',
    shortlink: 'https://stspg.io/abc123',
    components: [{ id: 'cmp000000001' }, { id: 'cmp000000003' }],
    incident_updates: [
      update('resolved', '2026-12-10T02:10:00.000Z', 'Fixed.', [
        ['cmp000000001', 'API', 'partial_outage', 'operational'],
        ['cmp000000003', 'Database', 'operational', 'operational'],
      ]),
      update('identified', '2026-12-10T01:00:00.000Z', 'A bad deploy.\n\nRolling back.', [
        ['cmp000000001', 'API', 'major_outage', 'partial_outage'],
      ]),
      update('investigating', '2026-12-10T00:55:00.000Z', 'We are investigating elevated error rates.', [
        ['cmp000000001', 'API', 'operational', 'major_outage'],
      ]),
    ],
    ...extra,
  });
}

const MARKDOWN = (id: string) =>
  [
    '# Checkout errors',
    '',
    `- Incident: ${id}`,
    '- Status: resolved',
    '- Impact: major',
    '- Created: 2026-12-10 00:55 UTC',
    '- Resolved: 2026-12-10 02:10 UTC',
    '- Duration: 1h 15m',
    '- Components: API, Database',
    '- Link: https://stspg.io/abc123',
    '- Postmortem: published (2026-12-11 09:00 UTC)',
    '',
    '## Timeline',
    '',
    '### 2026-12-10 00:55 UTC — Investigating',
    '',
    'We are investigating elevated error rates.',
    '',
    '- API: operational → major_outage',
    '',
    '### 2026-12-10 01:00 UTC — Identified',
    '',
    'A bad deploy.',
    '',
    'Rolling back.',
    '',
    '- API: major_outage → partial_outage',
    '',
    '### 2026-12-10 02:10 UTC — Resolved',
    '',
    'Fixed.',
    '',
    '- API: partial_outage → operational',
    '',
  ].join('\n');

test('one GET; the incident, its components now and every update oldest first, in UTC in a pipe', async () => {
  await withServer(async ({ server, run }) => {
    const incident = seedIncident(server);
    const result = await run(['show-incident', incident.id]);
    assertOk(result);
    assert.equal(
      result.stdout,
      [
        `Incident ${incident.id}: Checkout errors`,
        'Status:     resolved',
        'Impact:     major',
        'Created:    Thu 2026-12-10 00:55 UTC',
        'Resolved:   Thu 2026-12-10 02:10 UTC',
        'URL:        https://stspg.io/abc123',
        'Postmortem: none',
        'Components:',
        '  API: operational',
        '  Database: operational',
        'Updates, oldest first:',
        '  Thu 2026-12-10 00:55 UTC  investigating',
        '    We are investigating elevated error rates.',
        '    API: operational → major_outage',
        '',
        '  Thu 2026-12-10 01:00 UTC  identified',
        '    A bad deploy.',
        '',
        '    Rolling back.',
        '    API: major_outage → partial_outage',
        '',
        '  Thu 2026-12-10 02:10 UTC  resolved',
        '    Fixed.',
        '    API: partial_outage → operational',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v1/pages/${server.pageId}/incidents/${incident.id}`],
    );
    const viaAlias = await run(['view', '--incident', incident.id]);
    assert.equal(viaAlias.stdout, result.stdout, 'view and --incident work too');
  });
});

test('a maintenance: its kind, window and completion; components show their status now', async () => {
  await withServer(async ({ server, run }) => {
    (server.components[2] as { status: string }).status = 'under_maintenance';
    const maintenance = server.addIncident({
      name: 'DB upgrade',
      status: 'in_progress',
      created_at: '2026-12-09T12:00:00.000Z',
      scheduled_for: '2026-12-11T03:00:00.000Z',
      scheduled_until: '2026-12-11T05:00:00.000Z',
      components: [{ id: 'cmp000000003' }],
      incident_updates: [
        update('in_progress', '2026-12-11T03:00:00.000Z', '', [
          ['cmp000000003', 'Database', 'operational', 'under_maintenance'],
        ]),
        update('scheduled', '2026-12-09T12:00:00.000Z', 'We will upgrade the database.'),
      ],
    });
    const result = await run(['view', maintenance.id]);
    assertOk(result);
    assert.equal(
      result.stdout,
      [
        `Maintenance ${maintenance.id}: DB upgrade`,
        'Status:     in_progress',
        'Impact:     maintenance',
        'Created:    Wed 2026-12-09 12:00 UTC',
        'Scheduled:  Fri 2026-12-11 03:00 UTC → Fri 2026-12-11 05:00 UTC',
        `URL:        ${maintenance.shortlink}`,
        'Postmortem: none',
        'Components:',
        '  Database: under_maintenance',
        'Updates, oldest first:',
        '  Wed 2026-12-09 12:00 UTC  scheduled',
        '    We will upgrade the database.',
        '',
        '  Fri 2026-12-11 03:00 UTC  in_progress',
        '    Database: operational → under_maintenance',
        '',
      ].join('\n'),
    );
    const markdown = await run(['view', maintenance.id, '--markdown']);
    assertOk(markdown);
    assert.equal(
      markdown.stdout,
      [
        '# DB upgrade',
        '',
        `- Maintenance: ${maintenance.id}`,
        '- Status: in_progress',
        '- Impact: maintenance',
        '- Created: 2026-12-09 12:00 UTC',
        '- Scheduled: 2026-12-11 03:00 UTC → 2026-12-11 05:00 UTC',
        '- Components: Database',
        `- Link: ${maintenance.shortlink}`,
        '- Postmortem: none',
        '',
        '## Timeline',
        '',
        '### 2026-12-09 12:00 UTC — Scheduled',
        '',
        'We will upgrade the database.',
        '',
        '### 2026-12-11 03:00 UTC — In progress',
        '',
        '- Database: operational → under_maintenance',
        '',
      ].join('\n'),
    );
  });
});

test('postmortem: none, a draft (last edited), or published', async () => {
  await withServer(async ({ server, run }) => {
    const draft = seedIncident(server, {
      postmortem_body: '## What happened\n…',
      postmortem_body_last_updated_at: '2026-12-11T08:30:00.000Z',
    });
    const published = seedIncident(server, {
      postmortem_body: '## What happened\n…',
      postmortem_published_at: '2026-12-11T09:00:00.000Z',
    });
    const flagged = seedIncident(server, { postmortem_body: 'x', postmortem_published_at: true });
    const line = async (id: string) =>
      (await run(['view', id])).stdout.split('\n').find((l) => l.startsWith('Postmortem:'));
    assert.equal(await line(draft.id), 'Postmortem: draft last edited Fri 2026-12-11 08:30 UTC');
    assert.equal(await line(published.id), 'Postmortem: published Fri 2026-12-11 09:00 UTC');
    assert.equal(await line(flagged.id), 'Postmortem: published');
    const md = await run(['view', draft.id, '--markdown']);
    assert.match(md.stdout, /\n- Postmortem: draft \(2026-12-11 08:30 UTC\)\n/);
  });
});

test('--markdown: a heading, a summary, one section per update; the same on a terminal in any zone', async () => {
  await withServer(async ({ server, run }) => {
    const incident = seedIncident(server, { postmortem_published_at: '2026-12-11T09:00:00.000Z' });
    const result = await run(['show-incident', incident.id, '--markdown']);
    assertOk(result);
    assert.equal(result.stdout, MARKDOWN(incident.id));
    assert.equal(result.stderr, '');
    if (ttyUnavailable) return;
    const env = {
      STATUSPAGE_API_URL: server.url,
      STATUSPAGE_TOKEN: server.token,
      STATUSPAGE_PAGE_ID: server.pageId,
      TZ: 'America/Los_Angeles',
    };
    const tty = await runCliInTty(['show-incident', incident.id, '--markdown'], env);
    assert.equal(tty.code, 0, tty.output);
    assert.equal(tty.output, MARKDOWN(incident.id), 'no colour, no local times');
  });
});

test('an update posted with an earlier display time sits where it shows; unchanged components are no change', async () => {
  await withServer(async ({ server, run }) => {
    const incident = server.addIncident({
      name: 'Backdated',
      status: 'monitoring',
      created_at: '2026-12-10T01:00:00.000Z',
      incident_updates: [
        update('monitoring', '2026-12-10T00:30:00.000Z', 'Monitoring since 00:30.', [
          ['cmp000000001', 'API', 'operational', 'operational'],
        ]),
        update('investigating', '2026-12-10T01:00:00.000Z', 'Looking.'),
      ],
    });
    const result = await run(['view', incident.id, '--markdown']);
    assertOk(result);
    assert.match(
      result.stdout,
      /## Timeline\n\n### 2026-12-10 00:30 UTC — Monitoring\n\nMonitoring since 00:30\.\n\n### 2026-12-10 01:00 UTC — Investigating\n\nLooking\.\n$/,
    );
  });
});

test('--json prints the API object as it came', async () => {
  await withServer(async ({ server, run }) => {
    const incident = seedIncident(server);
    const result = await run(['view', incident.id, '--json']);
    assertOk(result);
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse(JSON.stringify(server.incidents.get(incident.id))));
  });
});

test('--web in a pipe prints the link and opens nothing', async () => {
  await withServer(async ({ server, run }) => {
    const incident = seedIncident(server);
    const result = await run(['view', incident.id, '--web'], { env: { BROWSER: 'false' } });
    assertOk(result);
    assert.equal(result.stdout, 'https://stspg.io/abc123\n');
    assert.equal(result.stderr, '');
    assert.equal(server.requests.length, 1);
  });
});

test('--web refuses a link that is not a web address, and says when there is none', async () => {
  await withServer(async ({ server, run }) => {
    const odd = seedIncident(server, { shortlink: 'javascript:alert(1)' });
    const result = await run(['view', odd.id, '--web']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      `error: ${odd.id}'s short link 'javascript:alert(1)' is not a web address; not opened\n`,
    );
    const none = seedIncident(server, { shortlink: null });
    const missing = await run(['view', none.id, '--web']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, `error: ${none.id} has no short link to open\n`);
  });
});

test('--web on a terminal: $BROWSER opens it; none, a missing or failing opener, or no display print it', {
  skip: ttyUnavailable,
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'statuspage-browser-'));
  try {
    const recorder = join(dir, 'browser.mjs');
    const seen = join(dir, 'seen.json');
    await writeFile(
      recorder,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(seen)}, JSON.stringify(process.argv.slice(2)));\n`,
    );
    await withServer(async ({ server }) => {
      const incident = seedIncident(server);
      const env = {
        STATUSPAGE_API_URL: server.url,
        STATUSPAGE_TOKEN: server.token,
        STATUSPAGE_PAGE_ID: server.pageId,
        DISPLAY: undefined,
        WAYLAND_DISPLAY: undefined,
      };
      const web = (browser: string | undefined) =>
        runCliInTty(['view', incident.id, '--web'], { ...env, BROWSER: browser });

      const opened = await web(`${process.execPath} ${recorder}`);
      assert.equal(opened.code, 0, opened.output);
      assert.equal(opened.output, 'Opening https://stspg.io/abc123 in your browser.\n');
      assert.deepEqual(JSON.parse(await readFile(seen, 'utf8')), ['https://stspg.io/abc123']);

      assert.equal((await web('none')).output, 'https://stspg.io/abc123\n');
      assert.equal((await web('')).output, 'https://stspg.io/abc123\n');
      assert.equal(
        (await web(join(dir, 'no-such-browser'))).output,
        `could not open a browser: ${join(dir, 'no-such-browser')} not found\nhttps://stspg.io/abc123\n`,
      );
      assert.equal(
        (await web('false')).output,
        'could not open a browser: false exited with 1\nhttps://stspg.io/abc123\n',
      );
      if (process.platform === 'linux') {
        assert.equal(
          (await web(undefined)).output,
          'could not open a browser: no display (set $BROWSER to choose one)\nhttps://stspg.io/abc123\n',
        );
      }
      assert.equal(server.mutations().length, 0);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('on a terminal: times in the reader’s zone, statuses coloured', { skip: ttyUnavailable }, async () => {
  await withServer(async ({ server }) => {
    const incident = seedIncident(server);
    const env = {
      STATUSPAGE_API_URL: server.url,
      STATUSPAGE_TOKEN: server.token,
      STATUSPAGE_PAGE_ID: server.pageId,
      TZ: 'Europe/Berlin',
    };
    const result = await runCliInTty(['view', incident.id], env);
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /\u001b\[32mresolved\u001b\[39m/);
    const plain = result.output.replace(/\u001b\[[0-9;]*m/g, '');
    assert.match(plain, /\nCreated: {4}Thu 2026-12-10 01:55 CET \(00:55 UTC\)\n/);
    assert.match(plain, /\n {2}Thu 2026-12-10 02:00 CET \(01:00 UTC\) {2}identified\n/);
  });
});

test('usage errors send nothing', async () => {
  await withServer(async ({ server, run }) => {
    assertUsageError(await run(['show-incident']), '--incident is required');
    assertUsageError(await run(['view', 'inc000000001', 'inc000000002']), 'too many arguments');
    assertUsageError(await run(['view', 'inc000000001', '--incident', 'inc000000002']), 'name different incidents');
    assertUsageError(await run(['view', 'inc 1']), "--incident 'inc 1'", "only letters, digits, '_' and '-'");
    assertUsageError(
      await run(['view', 'inc000000001', '--json', '--markdown']),
      '--json and --markdown cannot be used together',
    );
    assertUsageError(await run(['view', 'inc000000001', '--markdown', '--web']), '--markdown and --web');
    assertUsageError(await run(['view', 'inc000000001', '--dry-run']), "unknown option '--dry-run'");
    assert.equal(server.requests.length, 0);
  });
});
