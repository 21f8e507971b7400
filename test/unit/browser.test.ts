import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { browserLaunch, type Opener, openInBrowser, type Spawn } from '../../src/cli/browser.js';

const URL_WITH_QUERY = 'https://stspg.io/abc?a=1&b=(2)';

test('the opener for each platform, and $BROWSER before it', () => {
  const display = { DISPLAY: ':0' };
  assert.deepEqual(browserLaunch(URL_WITH_QUERY, 'darwin', {}), { command: 'open', args: [URL_WITH_QUERY] });
  assert.deepEqual(browserLaunch(URL_WITH_QUERY, 'linux', display), { command: 'xdg-open', args: [URL_WITH_QUERY] });
  assert.deepEqual(browserLaunch(URL_WITH_QUERY, 'freebsd', { WAYLAND_DISPLAY: 'wayland-0' }), {
    command: 'xdg-open',
    args: [URL_WITH_QUERY],
  });
  assert.deepEqual(browserLaunch(URL_WITH_QUERY, 'win32', {}), {
    command: 'cmd',
    args: ['/c', 'start', '""', 'https://stspg.io/abc?a=1^&b=^(2^)'],
    verbatim: true,
  });
  assert.deepEqual(browserLaunch(URL_WITH_QUERY, 'linux', {}), {
    unavailable: 'no display (set $BROWSER to choose one)',
  });
  assert.deepEqual(browserLaunch('https://x.test/', 'darwin', { BROWSER: 'firefox --new-tab' }), {
    command: 'firefox',
    args: ['--new-tab', 'https://x.test/'],
  });
  assert.deepEqual(browserLaunch('https://x.test/', 'linux', { BROWSER: 'lynx -dump %s' }), {
    command: 'lynx',
    args: ['-dump', 'https://x.test/'],
  });
  assert.deepEqual(browserLaunch('https://x.test/', 'win32', { BROWSER: 'none' }), {
    unavailable: '$BROWSER is none',
    declined: true,
  });
  assert.deepEqual(browserLaunch('https://x.test/', 'darwin', { BROWSER: '  ' }), {
    unavailable: '$BROWSER is empty',
    declined: true,
  });
});

/** A spawn that records its call and lets the test decide what the process does. */
function fakeSpawn(behave: (child: EventEmitter & Opener) => void) {
  const calls: Array<{ command: string; args: readonly string[]; options: unknown }> = [];
  let unrefs = 0;
  const spawn: Spawn = (command, args, options) => {
    calls.push({ command, args, options });
    const child = Object.assign(new EventEmitter(), { unref: () => void unrefs++ });
    setImmediate(() => behave(child));
    return child;
  };
  return { spawn, calls, unrefs: () => unrefs };
}

test('openInBrowser: opened when the launcher exits 0; why not when it fails or is missing', async () => {
  const ok = fakeSpawn((child) => child.emit('exit', 0, null));
  assert.deepEqual(await openInBrowser('https://x.test/', { platform: 'darwin', env: {}, spawn: ok.spawn }), {
    opened: true,
  });
  assert.deepEqual(ok.calls, [
    {
      command: 'open',
      args: ['https://x.test/'],
      options: { stdio: 'ignore', detached: true, windowsHide: true, windowsVerbatimArguments: false },
    },
  ]);

  const win = fakeSpawn((child) => child.emit('exit', 0, null));
  await openInBrowser('https://x.test/', { platform: 'win32', env: {}, spawn: win.spawn });
  assert.deepEqual(win.calls[0]?.options, {
    stdio: 'ignore',
    detached: false,
    windowsHide: true,
    windowsVerbatimArguments: true,
  });

  const failing = fakeSpawn((child) => child.emit('exit', 3, null));
  assert.deepEqual(
    await openInBrowser('https://x.test/', { platform: 'linux', env: { DISPLAY: ':0' }, spawn: failing.spawn }),
    {
      opened: false,
      why: 'xdg-open exited with 3',
    },
  );

  const missing = fakeSpawn((child) =>
    child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' })),
  );
  assert.deepEqual(
    await openInBrowser('https://x.test/', { platform: 'linux', env: { DISPLAY: ':0' }, spawn: missing.spawn }),
    {
      opened: false,
      why: 'xdg-open not found',
    },
  );

  const none = fakeSpawn(() => assert.fail('nothing is started'));
  assert.deepEqual(
    await openInBrowser('https://x.test/', { platform: 'linux', env: { BROWSER: 'none' }, spawn: none.spawn }),
    {
      opened: false,
      why: '$BROWSER is none',
      declined: true,
    },
  );
  assert.equal(none.calls.length, 0);
});

test('a launcher still running after the grace period counts as opened and is left to run', async () => {
  const browser = fakeSpawn(() => {});
  const outcome = await openInBrowser('https://x.test/', {
    platform: 'linux',
    env: { BROWSER: 'firefox' },
    spawn: browser.spawn,
    graceMs: 20,
  });
  assert.deepEqual(outcome, { opened: true });
  assert.equal(browser.unrefs(), 1);
});
