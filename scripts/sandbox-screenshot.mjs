// Makes docs/sandbox.png, the README's picture of a sandbox's status page: a sandbox in the middle
// of an outage, with a maintenance scheduled, rendered by headless Chromium. Run after a build:
//   npm run build && node scripts/sandbox-screenshot.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSandbox } from '../build/src/sandbox/sandbox.js';
import { headlessChromiumArgs } from '../build/test/support/chromium.js';
import { runCli } from '../build/test/support/run-cli.js';

const sandbox = await openSandbox({});
const env = {
  STATUSPAGE_API_URL: sandbox.server.url,
  STATUSPAGE_TOKEN: sandbox.token,
  STATUSPAGE_PAGE_ID: sandbox.model.pageId,
};
const run = async (args) => {
  const result = await runCli(args, { env });
  if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
};
const id = await run([
  'create-incident',
  '-q',
  '-t',
  'Elevated API error rates',
  '-s',
  'investigating',
  '-i',
  'major',
  '-c',
  'API=major_outage',
  'CDN Edge=degraded_performance',
  '-m',
  'We are investigating elevated error rates on the API.',
]);
await run([
  'update-incident',
  id,
  '-q',
  '-s',
  'identified',
  '-m',
  'The cause is a faulty deploy of the API; we are rolling it back.',
]);
await run([
  'schedule-maintenance',
  '-q',
  '-t',
  'Database upgrade',
  '-c',
  'Database',
  '--scheduled',
  'in 2d',
  '--duration',
  '2h',
  '-m',
  'We are upgrading the primary database; writes may be slow for a few minutes.',
]);

const profile = mkdtempSync(join(tmpdir(), 'statuspage-chromium-'));
try {
  const out = join(process.cwd(), 'docs', 'sandbox.png');
  // Not spawnSync: the sandbox answers from this very process.
  const shot = spawn(
    'chromium',
    headlessChromiumArgs(profile, [
      '--hide-scrollbars',
      '--window-size=900,1150',
      `--screenshot=${out}`,
      sandbox.server.pageUrl,
    ]),
    { stdio: 'inherit' },
  );
  const code = await new Promise((resolve) => shot.once('close', resolve));
  if (code !== 0) throw new Error(`chromium exited with ${code}`);
  console.log(`wrote ${out}`);
} finally {
  rmSync(profile, { recursive: true, force: true });
  await sandbox.close();
}
