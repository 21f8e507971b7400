// The package as a user gets it: `npm pack`, installed into an empty project and run through
// its `statuspage` bin, and run with `npx <tarball>`. A file left out of "files", a module
// that is neither bundled nor a declared dependency, or a broken bin fails here.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from './support/run-cli.js';

const windows = process.platform === 'win32';
const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion; `shell` only where Windows needs it for .cmd files (the shell
 * joins command and arguments unquoted, so the command is quoted; arguments have no spaces).
 */
function exec(command: string, args: string[], cwd: string, shell = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const file = shell ? `"${command}"` : command;
    const child = spawn(file, args, { cwd, shell, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

// Under `npm test`, npm names its own entry script: run it (and npx's beside it) with this Node,
// which needs no shell on any OS. Run directly, fall back to npm / npx on the PATH.
const npmCli = process.env.npm_execpath?.endsWith('npm-cli.js') ? process.env.npm_execpath : undefined;
const npm = (args: string[], cwd: string) =>
  npmCli ? exec(process.execPath, [npmCli, ...args], cwd) : exec('npm', args, cwd, windows);
const npx = (args: string[], cwd: string) =>
  npmCli
    ? exec(process.execPath, [join(dirname(npmCli), 'npx-cli.js'), ...args], cwd)
    : exec('npx', args, cwd, windows);

function assertRan(run: Run, what: string): void {
  assert.equal(run.code, 0, `${what}: exit ${run.code}\n${run.stderr}${run.stdout}`);
}

// One suite: its before/after hooks then surround its own tests only, whatever else shares the
// test process (scripts/run-tests.mjs runs several files in one).
describe('the packed tarball', () => {
  let work: string;
  let tarball: string;
  let files: string[];
  let project: string;

  before(
    async () => {
      work = mkdtempSync(join(tmpdir(), 'statuspage-pack-'));
      // npm test has just built dist/: pack it as it is (prepare would build again).
      const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT);
      assertRan(packed, 'npm pack');
      const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
      assert.ok(info);
      tarball = info.filename;
      files = info.files.map((f) => f.path).sort();

      project = join(work, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'statuspage-pack-check', private: true }));
      // --offline: installing this project put every dependency in npm's cache, and no test
      // reaches the internet.
      const flags = ['--offline', '--no-audit', '--no-fund'];
      assertRan(await npm(['install', ...flags, join(work, tarball)], project), 'npm install <tarball>');
    },
    { timeout: 300_000 },
  );

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The installed `statuspage` command, as npm linked it into node_modules/.bin. */
  function statuspage(args: string[]): Promise<Run> {
    const bin = join(project, 'node_modules', '.bin', windows ? 'statuspage.cmd' : 'statuspage');
    return exec(bin, args, project, windows);
  }

  // `statuspage` on the registry is an unrelated library: `npx statuspage-cli` is the one-off
  // the README promises, and it runs the single bin, `statuspage`.
  test('the package is statuspage-cli, packed as statuspage-cli-<version>.tgz', () => {
    assert.equal(name, 'statuspage-cli');
    assert.equal(tarball, `statuspage-cli-${version}.tgz`);
  });

  test('the tarball holds the bin shim, the bundle, README, LICENSE and package.json, and nothing else', () => {
    // The bundle is its entry and the chunks it imports, whose names change with their content.
    const bundle = readdirSync(join(REPO_ROOT, 'dist'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
    assert.ok(bundle.includes('dist/statuspage.mjs'), bundle.join('\n'));
    assert.ok(
      bundle.every((path) => path.endsWith('.mjs')),
      bundle.join('\n'),
    );
    assert.deepEqual(files, ['LICENSE', 'README.md', 'bin/statuspage.js', ...bundle, 'package.json'].sort());
  });

  test('the installed statuspage command prints its help and version', async () => {
    const help = await statuspage(['--help']);
    assertRan(help, 'statuspage --help');
    assert.match(help.stdout, /^Usage: statuspage /);
    for (const command of ['create-incident', 'update-incident', 'schedule-maintenance', 'resolve-incident']) {
      assert.ok(help.stdout.includes(command), command);
    }
    const shown = await statuspage(['--version']);
    assertRan(shown, 'statuspage --version');
    assert.equal(shown.stdout.trim(), version);
  });

  test('the installed statuspage command prints a dry-run create without a token or network', async () => {
    const run = await statuspage([
      'create-incident',
      '--dry-run',
      '--json',
      '-p',
      'pg0000000001',
      '-t',
      'Outage',
      '-s',
      'investigating',
      '-c',
      'cmp000000001',
    ]);
    assertRan(run, 'statuspage create-incident --dry-run');
    const printed = JSON.parse(run.stdout);
    assert.match(printed.body.incident.metadata.statuspage_cli.request_id, /^[0-9a-f-]{36}$/);
    delete printed.body.incident.metadata;
    assert.deepEqual(printed, {
      dry_run: true,
      method: 'POST',
      url: 'https://api.statuspage.io/v1/pages/pg0000000001/incidents',
      headers: {
        Authorization: 'OAuth (no token found: flag, STATUSPAGE_TOKEN or keychain)',
        Accept: 'application/json',
        'User-Agent': `statuspage-cli/${version} (+node ${process.versions.node})`,
        'Content-Type': 'application/json',
      },
      body: {
        incident: {
          name: 'Outage',
          status: 'investigating',
          components: { cmp000000001: 'major_outage' },
          component_ids: ['cmp000000001'],
        },
      },
    });
  });

  test('npx --yes ./<tarball> --help runs the packed command without asking', { timeout: 300_000 }, async () => {
    // A path with ./ is a package to npx; a bare absolute path would be run as a program.
    const run = await npx(['--yes', '--offline', `./${tarball}`, '--help'], work);
    assertRan(run, `npx ./${tarball} --help`);
    assert.match(run.stdout, /^Usage: statuspage /);
  });
});
