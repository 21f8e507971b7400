// create-incident on a real terminal (tmux) without --title: the template question, each value
// asked in turn, the message written in $EDITOR (a stand-in that writes above the commented
// header), the last look, and one POST after y. The decisions behind it are tested in this
// process (test/commands/create-incident-wizard.test.ts).
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { onlyBody, withServer } from '../support/harness.js';
import { serverEnv } from '../support/run-io.js';
import { sendAfterLastLook, tmuxUnavailable, withTmux } from '../support/tmux.js';

const skip = tmuxUnavailable ?? false;

test('create-incident asks for each value, the message in $EDITOR, shows the last look, and sends once after y', {
  skip,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-tmux-editor-'));
  try {
    const editor = join(dir, 'edit.sh');
    // Keeps the file it was given, then writes the message above the header, as a person would.
    writeFileSync(
      editor,
      `#!/bin/sh\ncp "$1" "${dir}/given"\n{ printf 'We are investigating *elevated* errors.\\n# not for subscribers\\n'; cat "$1"; } > "$1.new"\nmv "$1.new" "$1"\n`,
    );
    chmodSync(editor, 0o755);
    await withServer(async ({ server }) => {
      server.subscriberCount = { email: 1234, sms: 56, webhook: 7 };
      server.addTemplate({ name: 'API outage', title: 'API errors in {{region}}', body: 'Looking into {{region}}.' });
      const env = { ...serverEnv(server, { TZ: 'UTC' }), EDITOR: editor };
      await withTmux(['create-incident'], { env }, async (cli) => {
        const templates = await cli.waitFor('Start from a template');
        assert.match(templates, /API outage {2}API errors in \{\{region\}\} \(tpl000000001\)\n/);
        assert.match(templates, /No template\n/);
        await cli.press('Down', 'Enter');
        await cli.waitFor('Title');
        await cli.type('Checkout errors');
        await cli.press('Enter');
        const components = await cli.waitFor('Affected components (type to filter, Tab to pick)');
        assert.match(components, /API {13}operational \(cmp000000001\)\n/, 'each with its status now');
        await cli.type('data');
        await cli.waitFor('(1 match)');
        await cli.press('Tab', 'Enter');
        await cli.waitFor('Status of the components picked');
        await cli.press('Up', 'Enter');
        await cli.waitFor('Incident status');
        await cli.press('Down', 'Enter');
        await cli.waitFor('Impact');
        await cli.press('Down', 'Down', 'Down', 'Enter');
        await cli.waitFor('Message to subscribers (Enter opens edit.sh; - for one line)');
        await cli.press('Enter');
        await sendAfterLastLook(
          cli,
          [
            'About to post to Fake Status (pg0000000001):',
            '  Incident    Checkout errors (new)',
            '  Status      identified',
            '  Components  Database: operational → partial_outage',
            '  Message     We are investigating *elevated* errors.',
            '  Notifies    1,297 subscribers: 1,234 e-mail, 56 SMS, 7 webhook',
          ],
          () => server.mutations(),
        );
        assert.match(await cli.screen(), /Created incident \(subscribers notified\):/);
      });
      assert.equal(
        readFileSync(join(dir, 'given'), 'utf8'),
        '\n# The first update subscribers will read for "Checkout errors".\n' +
          "# Lines starting with '#' are left out, and an empty message cancels: nothing is sent.\n",
      );
      assert.deepEqual(onlyBody(server, 'POST'), {
        incident: {
          name: 'Checkout errors',
          status: 'identified',
          impact_override: 'major',
          body: 'We are investigating *elevated* errors.',
          components: { cmp000000003: 'partial_outage' },
          component_ids: ['cmp000000003'],
        },
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
