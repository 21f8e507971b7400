// The status page a sandbox serves, as a real browser renders it: headless Chromium (from Debian,
// installed when missing and allowed) loads it after a create and dumps the DOM it built.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { headlessChromiumArgs } from '../support/chromium.js';
import { assertOk, withServer } from '../support/harness.js';
import { ensureProgram } from '../support/os-packages.js';

const browser = process.platform === 'linux' ? ensureProgram(['chromium', 'chromium-browser'], 'chromium') : undefined;
const skip = !browser ? 'the browser check runs on Linux' : 'missing' in browser ? browser.missing : false;

/** What Chromium made of the page: its DOM after loading, as HTML. (Not spawnSync: the server runs in this process.) */
async function renderedDom(url: string): Promise<string> {
  if (!browser || 'missing' in browser) throw new Error('no browser');
  const profile = mkdtempSync(join(tmpdir(), 'statuspage-chromium-'));
  try {
    const child = spawn(browser.program, headlessChromiumArgs(profile, ['--dump-dom', url]), {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    assert.equal(code, 0, stderr);
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

test('the status page, rendered by Chromium, shows the banner, the incident and its text as text', {
  skip,
}, async () => {
  await withServer(async ({ run, server }) => {
    const before = await renderedDom(server.pageUrl);
    assert.match(before, /<div class="banner operational" id="banner">All Systems Operational<\/div>/);

    const name = '<script>document.title="pwned"</script>Checkout errors';
    assertOk(
      await run(['create-incident', '-t', name, '-c', 'API=partial_outage', '-m', 'We are looking <b>now</b>.', '-q']),
    );
    const dom = await renderedDom(server.pageUrl);
    assert.match(dom, /<div class="banner partial_outage" id="banner">Partial Outage<\/div>/);
    assert.ok(dom.includes('&lt;script&gt;document.title="pwned"&lt;/script&gt;Checkout errors'), dom);
    assert.ok(dom.includes('We are looking &lt;b&gt;now&lt;/b&gt;.'));
    assert.doesNotMatch(dom, /<title>pwned<\/title>/, 'no script ran');
    assert.match(dom, /<span class="name">API<\/span><span class="status partial_outage">Partial Outage<\/span>/);
  });
});
