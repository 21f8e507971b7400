import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

test('in a pipe: one tab-separated line per template: name, ID, title, status, components, notify', async () => {
  await withServer(async ({ server, run }) => {
    server.addTemplate({
      name: 'API outage',
      title: 'API errors',
      update_status: 'investigating',
      component_ids: ['cmp000000001', 'cmp000000003'],
    });
    server.addTemplate({
      name: 'Fixed',
      title: 'Resolved',
      update_status: 'resolved',
      should_send_notifications: false,
    });
    const result = await run(['list-templates']);
    assertOk(result);
    assert.equal(
      result.stdout,
      [
        'API outage\ttpl000000001\tAPI errors\tinvestigating\tAPI, Database\tyes',
        'Fixed\ttpl000000002\tResolved\tresolved\t\tno',
        '',
      ].join('\n'),
    );
    assert.equal(result.stderr, '');
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.path} ${r.query.page}/${r.query.per_page}`),
      [`GET /v1/pages/${server.pageId}/incident_templates 1/100`],
    );
  });
});

test('on a terminal: a table with headers; the alias; -q the IDs; --json the API array, across pages', async () => {
  await withServer(async ({ server, run }) => {
    for (let i = 0; i < 130; i++) server.addTemplate({ name: `T${i + 1}`, title: `Title ${i + 1}` });
    const table = await run(['templates'], { tty: { stdout: true }, env: { NO_COLOR: '1' } });
    assertOk(table);
    const lines = table.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 131);
    assert.equal(lines[0], 'NAME  ID            TITLE      STATUS         COMPONENTS  NOTIFY');
    assert.equal(lines[1], 'T1    tpl000000001  Title 1    investigating              yes');
    assert.equal(lines[130], 'T130  tpl000000130  Title 130  investigating              yes');
    const quiet = await run(['list-templates', '-q']);
    assert.equal(quiet.stdout.trimEnd().split('\n').length, 130);
    assert.equal(quiet.stdout.split('\n')[129], 'tpl000000130');
    const json = JSON.parse((await run(['list-templates', '--json'])).stdout) as { id: string }[];
    assert.equal(json.length, 130);
    assert.deepEqual(json[0], JSON.parse(JSON.stringify(server.templates[0])));
    assert.deepEqual(
      server.requests.map((r) => r.query.page),
      ['1', '2', '1', '2', '1', '2'],
    );
  });
});

test('no templates: a note on a terminal, nothing in a pipe; --json and -q together are refused', async () => {
  await withServer(async ({ server, run }) => {
    const tty = await run(['list-templates'], { tty: { stdout: true } });
    assertOk(tty);
    assert.equal(tty.stdout, '');
    assert.equal(tty.stderr, 'This page has no incident templates.\n');
    const pipe = await run(['list-templates']);
    assert.equal(pipe.stdout + pipe.stderr, '');
    server.requests.length = 0;
    assertUsageError(await run(['list-templates', '--json', '-q']), '--json and --quiet');
    assert.equal(server.requests.length, 0);
  });
});
