// `statuspage completion bash|zsh|fish`: scripts that parse, and that complete commands,
// flags and values as the CLI accepts them. bash is always checked; zsh and fish when
// installed (CI installs them from Debian when it runs as root), else skipped with a reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, REALTIME_STATUSES } from '../../src/api/schemas.js';
import { buildProgram } from '../../src/cli/program.js';
import { completionModel } from '../../src/commands/completion/model.js';
import { hasOptionSchema } from '../../src/commands/completion/values.js';
import { assertUsageError } from '../support/harness.js';
import { runCli } from '../support/run-cli.js';

/** Whether `program --version` runs (every shell here and apt-get understand it). */
const has = (program: string) => spawnSync(program, ['--version'], { stdio: 'ignore' }).status === 0;

/** On CI as root, installs a missing zsh/fish from Debian once; returns why a shell stays unavailable. */
function ensureShells(shells: string[]): Map<string, string | undefined> {
  const missing = shells.filter((s) => !has(s));
  const isCi = Boolean(process.env.CI) && process.env.CI !== 'false';
  let aptFailure = '';
  if (missing.length > 0 && isCi && process.getuid?.() === 0 && has('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const options = { env, encoding: 'utf8' as const, timeout: 300_000 };
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
      const result = spawnSync('apt-get', args, options);
      if (result.status !== 0) {
        const detail = (result.stderr || String(result.error ?? '')).trim().split('\n').at(-1);
        aptFailure = `; apt-get ${args[0]} failed: ${detail}`;
        break;
      }
    }
  }
  return new Map(
    shells.map((s) => [
      s,
      has(s) ? undefined : `${s} is not installed (CI installs it with apt-get; locally: apt-get install ${s})${aptFailure}: ${s} checks skipped`,
    ]),
  );
}

const scripts = new Map<string, string>();
let dir = '';
const reasons = ensureShells(['zsh', 'fish']);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'statuspage-completion-'));
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await runCli(['completion', shell]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const path = join(dir, `statuspage.${shell}`);
    await writeFile(path, result.stdout);
    scripts.set(shell, path);
  }
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(shell: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(shell, args, { encoding: 'utf8', timeout: 30_000, env: { ...process.env, HOME: dir } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What bash offers for the command line `words` (the last one being completed). */
function bashComplete(words: string[]): string[] {
  const driver = 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _statuspage; printf "%s\\n" "${COMPREPLY[@]}"';
  const result = run('bash', ['--norc', '--noprofile', '-c', driver, 'bash', scripts.get('bash') as string, ...words]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  return result.stdout.split('\n').filter(Boolean).sort();
}

test('the bash script is valid bash (bash -n)', () => {
  const result = run('bash', ['-n', scripts.get('bash') as string]);
  assert.equal(result.status, 0, result.stderr);
});

test('bash completes commands, flags (two-letter ones too) and every enum value', () => {
  const commands = bashComplete(['statuspage', '']).filter((w) => !w.startsWith('-'));
  assert.deepEqual(commands, [
    'auth', 'completion', 'create-incident', 'help', 'list-components', 'list-incidents', 'resolve-incident', 'schedule-maintenance', 'update-incident',
  ]);
  assert.deepEqual(bashComplete(['statuspage', '--v']), ['--version']);
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--im']), ['--impact']);
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-c']), ['-c', '-cs']);
  assert.deepEqual(bashComplete(['statuspage', 'create_incident', '--no-']), ['--no-color', '--no-notify']);
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-i', '']), [...IMPACTS].sort());
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--impact', '=', 'ma']), ['maintenance', 'major']);
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--status', '=', '']), [...REALTIME_STATUSES].sort());
  assert.deepEqual(bashComplete(['statuspage', 'update-incident', 'inc000000001', '-s', '']), [...INCIDENT_STATUSES].sort());
  assert.deepEqual(bashComplete(['statuspage', 'update-incident', '-cs', 'de']), ['degraded_performance']);
  assert.deepEqual(bashComplete(['statuspage', 'schedule-maintenance', '-c', 'API', '--no-auto-']), ['--no-auto-complete', '--no-auto-start']);
  assert.deepEqual(bashComplete(['statuspage', 'resolve-incident', '-e', '']), ['incident', 'maintenance']);
  assert.deepEqual(bashComplete(['statuspage', 'incidents', '--a']), ['--active-maintenance', '--all']);
  assert.ok(!bashComplete(['statuspage', 'list-incidents', '--']).includes('--dry-run'), 'lists have no --dry-run');
  assert.deepEqual(bashComplete(['statuspage', 'completion', '']), ['bash', 'fish', 'zsh']);
  assert.deepEqual(bashComplete(['statuspage', 'help', 'list-']), ['list-components', 'list-incidents']);
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-t', '']), [], 'free text gets no suggestions');
  assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--message-file', join(dir, 'statuspage.b')]), [scripts.get('bash')]);
});

test('the zsh script parses (zsh -n), registers itself, and hands _arguments the right specs', { skip: reasons.get('zsh') }, () => {
  const path = scripts.get('zsh') as string;
  const syntax = run('zsh', ['-n', path]);
  assert.equal(syntax.status, 0, syntax.stderr);

  const loaded = run('zsh', ['-f', '-c', 'compdef() { print -r -- "compdef $*" }; source "$1"', 'zsh', path]);
  assert.equal(loaded.status, 0, loaded.stderr);
  assert.equal(loaded.stdout, 'compdef _statuspage statuspage\n');

  const driver = [
    '_arguments() { print -rl -- "$@" }',
    '_describe() { local -a items; items=("${(@P)${@[-1]}}"); print -rl -- $items }',
    'compdef() { : }',
    'source "$1"; shift',
    'words=("$@"); CURRENT=$#words; PREFIX=$words[-1]',
    '_statuspage',
  ].join('\n');
  const complete = (words: string[]) => {
    const result = run('zsh', ['-f', '-c', driver, 'zsh', path, ...words]);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\n').filter(Boolean);
  };
  const top = complete(['statuspage', '']);
  assert.ok(top.includes('list-components:list the page’s components with their IDs'), top.join('\n'));
  assert.ok(top.includes('completion:print a shell completion script (bash, zsh or fish)'));
  const specs = complete(['statuspage', 'create-incident', '-i', '']);
  assert.ok(specs.includes(`--impact=[impact: ${IMPACTS.join(', ')}]:impact:(${IMPACTS.join(' ')})`), specs.join('\n'));
  assert.ok(specs.includes(`-cs[status for the components (default: major_outage): ${COMPONENT_STATUSES.join(', ')}]:status:(${COMPONENT_STATUSES.join(' ')})`));
  assert.ok(specs.includes('--message-file=[read the message from a file, byte for byte]:path:_files'));
  assert.ok(specs.includes('--dry-run[validate and print the request that would be sent; send nothing]'));
  assert.ok(complete(['statuspage', 'completion', '']).includes('1:argument:(bash zsh fish)'));
});

test('the fish script parses (fish -n) and completes commands, flags and values', { skip: reasons.get('fish') }, () => {
  const path = scripts.get('fish') as string;
  const syntax = run('fish', ['--no-config', '-n', path]);
  assert.equal(syntax.status, 0, syntax.stderr);
  const complete = (line: string) => {
    const result = run('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', path, line]);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\n').filter(Boolean).sort();
  };
  assert.ok(complete('statuspage ').includes('list-incidents\tlist open incidents (or scheduled, in-progress maintenance, or all)'));
  assert.deepEqual(complete('statuspage create-incident -i '), [...IMPACTS].sort());
  assert.deepEqual(complete('statuspage update_incident --status=ver'), ['--status=verifying']);
  assert.deepEqual(complete('statuspage create-incident --im'), [`--impact\timpact: ${IMPACTS.join(', ')}`]);
  assert.deepEqual(complete('statuspage resolve-incident -e '), ['incident', 'maintenance']);
  assert.deepEqual(complete('statuspage completion '), ['bash', 'fish', 'zsh']);
  assert.deepEqual(complete('statuspage create-incident -t '), [], 'free text gets no suggestions');
});

test('completion is generated from the command tree: every command, alias and flag is in each script', async () => {
  const model = completionModel(buildProgram());
  for (const command of model.commands) {
    if (!['help', 'completion', 'auth'].includes(command.name)) assert.ok(hasOptionSchema(command.name), `${command.name} has no option schema for completion`);
  }
  const names = model.commands.flatMap((c) => [c.name, ...c.aliases]);
  const flags = [...new Set(model.commands.flatMap((c) => c.flags.flatMap((f) => f.names)))];
  assert.ok(flags.includes('-tk') && flags.includes('-cs') && flags.includes('-ic'));
  for (const shell of ['bash', 'zsh', 'fish']) {
    const text = (await runCli(['completion', shell])).stdout;
    for (const name of names) assert.ok(text.includes(name), `${shell} lacks ${name}`);
    for (const flag of flags) assert.ok(text.includes(flag.startsWith('--') ? flag.slice(2) : flag.slice(1)), `${shell} lacks ${flag}`);
  }
});

test('an unknown or missing shell is a usage error', async () => {
  assertUsageError(await runCli(['completion', 'tcsh']), "'tcsh'", 'bash, zsh, fish');
  assertUsageError(await runCli(['completion']), "missing required argument 'shell'");
});
