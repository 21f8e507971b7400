// Runs every compiled *.test.js under build/test with Node's built-in runner.
// Listing the files ourselves works the same on Node 20 (no glob support) and 22+.
// The files share processes: a handful of shard files each import a share of them, so Node,
// the runner, undici and zod start once per shard instead of once per file (about a second of
// CPU each, 80 times over). Node 22's --experimental-test-isolation=none does the same, but not
// on Node 20. A test therefore leaves no process-wide state behind (env, cwd, listeners).
// The real-keychain tests (build/test/keychain/) run on their own: on Linux inside
// scripts/with-keyring.sh, which provides a throwaway Secret Service (or says why it cannot).
// The real-terminal tests (build/test/tmux/) run on their own too, through scripts/with-tmux.sh,
// which installs tmux where it is missing (or says why it cannot); Windows has no tmux.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}

const filter = process.argv.slice(2);
const files = findTests('build/test')
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (files.length === 0) {
  console.error(
    filter.length === 0
      ? 'no test files found under build/test: run `npm run build` first'
      : `no test file under build/test has ${filter.map((f) => `'${f}'`).join(' or ')} in its path`,
  );
  process.exit(1);
}

const KEYCHAIN_DIR = join('build', 'test', 'keychain') + sep;
const TMUX_DIR = join('build', 'test', 'tmux') + sep;
const keychainFiles = files.filter((f) => f.startsWith(KEYCHAIN_DIR));
const tmuxFiles = files.filter((f) => f.startsWith(TMUX_DIR));
const otherFiles = files.filter((f) => !f.startsWith(KEYCHAIN_DIR) && !f.startsWith(TMUX_DIR));

// No test reaches past 127.0.0.1 (npm installs the packed tarball --offline, from the cache that
// installing this project filled), and the tests of a CA bundle set their own: a machine-wide
// NODE_EXTRA_CA_CERTS would only cost every Node these tests start ~85 ms to read.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) console.error(`cannot run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

// Twice the cores: a shard waiting on a child process or a Retry-After leaves its core to another.
const SHARDS = 2 * availableParallelism();
const SHARD_DIR = join('build', 'shards');

/** The files, dealt round-robin into at most SHARDS files that import them. */
function shard(name, list) {
  // A top-level hook would run around every file of its shard, and its failure be reported
  // against their tests. Checked on every run, sharded or not, so a subset finds it too.
  const hooked = list.filter((file) => /^(?:before|after)(?:Each)?\(/m.test(readFileSync(file, 'utf8')));
  if (hooked.length > 0) {
    console.error(`top-level before/after hooks in ${hooked.join(', ')}: put them inside a describe`);
    process.exit(1);
  }
  if (list.length <= SHARDS) return list;
  rmSync(join(SHARD_DIR, name), { recursive: true, force: true });
  mkdirSync(join(SHARD_DIR, name), { recursive: true });
  const shards = Array.from({ length: SHARDS }, () => []);
  for (const [i, file] of list.entries()) shards[i % SHARDS].push(file);
  return shards.map((share, i) => {
    const path = join(SHARD_DIR, name, `${i}.test.js`);
    const imports = share.map((file) => `import './${relative(join(SHARD_DIR, name), file).split(sep).join('/')}';`);
    writeFileSync(path, `${imports.join('\n')}\n`);
    return path;
  });
}

const nodeTest = (name, list) => {
  const entries = shard(name, list);
  return ['--test', `--test-concurrency=${Math.min(entries.length, SHARDS)}`, ...entries];
};
let status = 0;
if (otherFiles.length > 0) status = run(process.execPath, nodeTest('main', otherFiles));
if (keychainFiles.length > 0) {
  const keychainStatus =
    process.platform === 'linux'
      ? run('bash', ['scripts/with-keyring.sh', process.execPath, ...nodeTest('keychain', keychainFiles)])
      : run(process.execPath, nodeTest('keychain', keychainFiles));
  status ||= keychainStatus;
}
if (tmuxFiles.length > 0) {
  const tmuxStatus =
    process.platform === 'win32'
      ? run(process.execPath, nodeTest('tmux', tmuxFiles))
      : run('bash', ['scripts/with-tmux.sh', process.execPath, ...nodeTest('tmux', tmuxFiles)]);
  status ||= tmuxStatus;
}
process.exit(status);
