// `statuspage completion bash|zsh|fish`: scripts that parse, and that complete commands,
// flags and values as the CLI accepts them. bash is always checked; zsh and fish when
// installed (CI installs them from Debian when it runs as root), else skipped with a reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, REALTIME_STATUSES } from '../../src/api/schemas.js';
import { buildProgram } from '../../src/cli/program.js';
import { allCommands, completionModel } from '../../src/commands/completion/model.js';
import { hasOptionSchema } from '../../src/commands/completion/values.js';
import { assertUsageError } from '../support/harness.js';
import { memoryIo } from '../support/memory-io.js';
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
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', ...missing],
    ]) {
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
      has(s)
        ? undefined
        : `${s} is not installed (CI installs it with apt-get; locally: apt-get install ${s})${aptFailure}: ${s} checks skipped`,
    ]),
  );
}

/** The flags `auth login` takes, as every shell should complete them. */
const LOGIN_FLAGS = [
  '--allow-http',
  '--help',
  '--ignore-ssl',
  '--keychain-service',
  '--keychain-user',
  '--no-verify',
  '--profile',
  '--timeout',
  '--verbose',
];

// One suite: its before/after hooks then surround its own tests only, whatever else shares the
// test process (scripts/run-tests.mjs runs several files in one).
describe('shell completion', () => {
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
    const driver =
      'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _statuspage; printf "%s\\n" "${COMPREPLY[@]}"';
    const result = run('bash', [
      '--norc',
      '--noprofile',
      '-c',
      driver,
      'bash',
      scripts.get('bash') as string,
      ...words,
    ]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  /**
   * What the zsh script hands compsys for the command line `words`, with compsys stubbed out:
   * _describe prints its items, _arguments the command word it sees, CURRENT, and its specs.
   */
  function zshComplete(words: string[]): string[] {
    const driver = [
      '_arguments() { print -r -- "command word: $words[1], CURRENT=$CURRENT"; print -rl -- "$@" }',
      '_describe() { local -a items; items=("${(@P)${@[-1]}}"); print -rl -- $items }',
      'compdef() { : }',
      'source "$1"; shift',
      'words=("$@"); CURRENT=$#words; PREFIX=$words[-1]',
      '_statuspage || print -r -- "(no completions)"',
    ].join('\n');
    const result = run('zsh', ['-f', '-c', driver, 'zsh', scripts.get('zsh') as string, ...words]);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\n').filter(Boolean);
  }

  /** What fish offers for the command line `line` (`complete -C`), sorted. */
  function fishComplete(line: string): string[] {
    const result = run('fish', [
      '--no-config',
      '-c',
      'source $argv[1]; complete -C $argv[2]',
      scripts.get('fish') as string,
      line,
    ]);
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  test('the bash script is valid bash (bash -n)', () => {
    const result = run('bash', ['-n', scripts.get('bash') as string]);
    assert.equal(result.status, 0, result.stderr);
  });

  test('bash completes commands, flags (two-letter ones too) and every enum value', () => {
    const commands = bashComplete(['statuspage', '']).filter((w) => !w.startsWith('-'));
    assert.deepEqual(commands, [
      'api',
      'auth',
      'cancel-maintenance',
      'completion',
      'create-incident',
      'edit-update',
      'help',
      'list-components',
      'list-incidents',
      'list-pages',
      'list-templates',
      'postmortem',
      'profile',
      'resolve-incident',
      'sandbox',
      'schedule-maintenance',
      'set-component',
      'show-incident',
      'status',
      'update-incident',
    ]);
    assert.deepEqual(bashComplete(['statuspage', '--v']), ['--version']);
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--im']), ['--impact']);
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-c']), ['-c', '-cs']);
    assert.deepEqual(bashComplete(['statuspage', 'create_incident', '--no-']), [
      '--no-color',
      '--no-input',
      '--no-notify',
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-i', '']), [...IMPACTS].sort());
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--impact', '=', 'ma']), ['maintenance', 'major']);
    assert.deepEqual(
      bashComplete(['statuspage', 'create-incident', '--status', '=', '']),
      [...REALTIME_STATUSES].sort(),
    );
    assert.deepEqual(
      bashComplete(['statuspage', 'update-incident', 'inc000000001', '-s', '']),
      [...INCIDENT_STATUSES].sort(),
    );
    assert.deepEqual(bashComplete(['statuspage', 'update-incident', '-cs', 'de']), ['degraded_performance']);
    assert.deepEqual(bashComplete(['statuspage', 'schedule-maintenance', '-c', 'API', '--no-auto-']), [
      '--no-auto-complete',
      '--no-auto-start',
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'resolve-incident', '-e', '']), ['incident', 'maintenance']);
    assert.deepEqual(bashComplete(['statuspage', 'cancel-maintenance', 'inc000000001', '--y']), ['--yes']);
    assert.ok(bashComplete(['statuspage', 'cancel-maintenance', '-']).includes('-y'));
    assert.deepEqual(bashComplete(['statuspage', 'update-incident', '--sch']), ['--scheduled']);
    assert.deepEqual(
      bashComplete(['statuspage', 'schedule-maintenance', '--tz', '']),
      [],
      'a zone gets no suggestions',
    );
    assert.deepEqual(bashComplete(['statuspage', 'incidents', '--a']), [
      '--active-maintenance',
      '--all',
      '--allow-http',
    ]);
    assert.ok(!bashComplete(['statuspage', 'list-incidents', '--']).includes('--dry-run'), 'lists have no --dry-run');
    assert.deepEqual(bashComplete(['statuspage', 'set-component', 'API', '-s', '']), [...COMPONENT_STATUSES].sort());
    assert.deepEqual(bashComplete(['statuspage', 'set_component', '--st']), ['--status']);
    assert.deepEqual(bashComplete(['statuspage', 'status', '--e']), ['--exit-status']);
    assert.ok(!bashComplete(['statuspage', 'status', '--']).includes('--dry-run'), 'status only reads');
    assert.deepEqual(bashComplete(['statuspage', 'view', 'inc000000001', '--m']), ['--markdown', '--max-retries']);
    assert.deepEqual(bashComplete(['statuspage', 'show-incident', '--w']), ['--web']);
    assert.deepEqual(bashComplete(['statuspage', 'completion', '']), ['bash', 'fish', 'zsh']);
    assert.deepEqual(bashComplete(['statuspage', 'help', 'list-']), [
      'list-components',
      'list-incidents',
      'list-pages',
      'list-templates',
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '-t', '']), [], 'free text gets no suggestions');
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--message-file', join(dir, 'statuspage.b')]), [
      scripts.get('bash'),
    ]);
    // --template takes a page template's name or a file: the file is what can be completed.
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--template', join(dir, 'statuspage.b')]), [
      scripts.get('bash'),
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'create-incident', '--te']), ['--template']);
    assert.deepEqual(bashComplete(['statuspage', 'api', '-X', '']), ['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    assert.deepEqual(bashComplete(['statuspage', 'api', '--input', join(dir, 'statuspage.b')]), [scripts.get('bash')]);
    assert.deepEqual(bashComplete(['statuspage', 'api', '--pa']), ['--page', '--paginate']);
    assert.deepEqual(bashComplete(['statuspage', 'edit-update', '--d']), ['--display-at', '--dry-run']);
    assert.deepEqual(bashComplete(['statuspage', 'postmortem', '']), ['draft', 'help', 'publish', 'revert', 'show']);
    assert.deepEqual(bashComplete(['statuspage', 'postmortem', 'publish', '--no-']), [
      '--no-color',
      '--no-input',
      '--no-notify',
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'postmortem', 'show', '--dr']), ['--draft']);
  });

  test('the zsh script parses (zsh -n), registers itself, and hands _arguments the right specs', {
    skip: reasons.get('zsh'),
  }, () => {
    const path = scripts.get('zsh') as string;
    const syntax = run('zsh', ['-n', path]);
    assert.equal(syntax.status, 0, syntax.stderr);

    const loaded = run('zsh', ['-f', '-c', 'compdef() { print -r -- "compdef $*" }; source "$1"', 'zsh', path]);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.equal(loaded.stdout, 'compdef _statuspage statuspage\n');

    const top = zshComplete(['statuspage', '']);
    assert.ok(top.includes('list-components:list the page’s components with their IDs'), top.join('\n'));
    assert.ok(top.includes('completion:print a shell completion script (bash, zsh or fish)'));
    const specs = zshComplete(['statuspage', 'create-incident', '-i', '']);
    assert.ok(
      specs.includes(`--impact=[impact: ${IMPACTS.join(', ')}]:impact:(${IMPACTS.join(' ')})`),
      specs.join('\n'),
    );
    assert.ok(
      specs.includes(
        `-cs[status for the components (default: major_outage): ${COMPONENT_STATUSES.join(', ')}]:status:(${COMPONENT_STATUSES.join(' ')})`,
      ),
    );
    assert.ok(specs.includes('--message-file=[read the message from a file, byte for byte]:path:_files'));
    assert.ok(specs.includes('--dry-run[validate and print the request that would be sent; send nothing]'));
    assert.ok(zshComplete(['statuspage', 'completion', '']).includes('1:argument:(bash zsh fish)'));
  });

  test('the fish script parses (fish -n) and completes commands, flags and values', {
    skip: reasons.get('fish'),
  }, () => {
    const syntax = run('fish', ['--no-config', '-n', scripts.get('fish') as string]);
    assert.equal(syntax.status, 0, syntax.stderr);
    assert.ok(
      fishComplete('statuspage ').includes(
        'list-incidents\tlist open incidents (or scheduled, in-progress maintenance, or all)',
      ),
    );
    assert.deepEqual(fishComplete('statuspage create-incident -i '), [...IMPACTS].sort());
    assert.deepEqual(fishComplete('statuspage update_incident --status=ver'), ['--status=verifying']);
    assert.deepEqual(fishComplete('statuspage create-incident --im'), [`--impact\timpact: ${IMPACTS.join(', ')}`]);
    assert.deepEqual(fishComplete('statuspage resolve-incident -e '), ['incident', 'maintenance']);
    assert.deepEqual(fishComplete('statuspage completion '), ['bash', 'fish', 'zsh']);
    assert.deepEqual(fishComplete('statuspage create-incident -t '), [], 'free text gets no suggestions');
  });

  test('bash completes nested command groups: auth login|status|logout and their own flags', () => {
    assert.deepEqual(bashComplete(['statuspage', 'auth', '']), ['help', 'login', 'logout', 'status']);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'lo']), ['login', 'logout']);
    assert.deepEqual(
      bashComplete(['statuspage', 'auth', '-']),
      ['--help', '-h'],
      'a group offers its flags only for a dash',
    );
    assert.deepEqual(bashComplete(['statuspage', '-']), ['--help', '--version', '-V', '-h']);
    assert.deepEqual(
      bashComplete(['statuspage', 'auth', '-h', '']),
      ['help', 'login', 'logout', 'status'],
      'flags before the subcommand',
    );
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'login', '--']), LOGIN_FLAGS);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'login', '--no-verify', '-k']), ['-ks', '-ku']);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'logout', '--']), [
      '--help',
      '--keychain-service',
      '--keychain-user',
      '--profile',
    ]);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'status', '-t']), ['-tk']);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'status', '--token', '']), [], 'a token gets no suggestions');
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'help', '']), ['login', 'logout', 'status']);
    assert.deepEqual(bashComplete(['statuspage', 'auth', 'nonsense', '']), [], 'not a subcommand of auth');
    assert.deepEqual(bashComplete(['statuspage', 'nonsense', '']), [], 'not a command');
    assert.deepEqual(bashComplete(['statuspage', 'help', 'a']), ['api', 'auth']);
  });

  test('zsh completes nested command groups: auth login|status|logout and their own flags', {
    skip: reasons.get('zsh'),
  }, () => {
    assert.deepEqual(zshComplete(['statuspage', 'auth', '']), [
      'login:store the API token in the OS keychain',
      'status:show where the API token comes from and whether the API accepts it',
      'logout:remove the API token from the OS keychain',
      'help:show help for a command',
    ]);
    assert.deepEqual(zshComplete(['statuspage', 'auth', '-']), [
      '-h:display help for command',
      '--help:display help for command',
    ]);
    const login = zshComplete(['statuspage', 'auth', '-h', 'login', '--']);
    assert.equal(login[0], 'command word: login, CURRENT=2', 'the subcommand is the command word for _arguments');
    assert.ok(login.includes('--no-verify[store the token without checking it with the API first]'), login.join('\n'));
    assert.ok(login.includes('-ks[keychain service of the entry]:service: '));
    assert.ok(login.includes('--keychain-user=[keychain account of the entry (default: your OS user name)]:account: '));
    assert.ok(!login.some((s) => s.startsWith('--token')), 'auth login takes the token from stdin, not --token');
    const status = zshComplete(['statuspage', 'auth', 'status', '--timeout', '5', '-']);
    assert.equal(status[0], 'command word: status, CURRENT=4');
    assert.ok(status.includes('-tk[check this token instead; "-" reads it from stdin]:token: '), status.join('\n'));
    assert.ok(!status.some((s) => s.startsWith('--no-verify')));
    assert.ok(zshComplete(['statuspage', 'auth', 'help', '']).includes('1:argument:(login status logout)'));
    assert.deepEqual(zshComplete(['statuspage', 'auth', 'nonsense', '']), ['(no completions)']);
    const help = zshComplete(['statuspage', 'help', '']);
    assert.ok(
      help.includes(
        '1:argument:(create-incident update-incident schedule-maintenance resolve-incident cancel-maintenance list-components list-incidents list-pages show-incident status set-component list-templates edit-update postmortem api auth profile sandbox completion)',
      ),
      help.join('\n'),
    );
  });

  test('fish completes nested command groups: auth login|status|logout and their own flags', {
    skip: reasons.get('fish'),
  }, () => {
    assert.deepEqual(fishComplete('statuspage auth '), [
      'help\tshow help for a command',
      'login\tstore the API token in the OS keychain',
      'logout\tremove the API token from the OS keychain',
      'status\tshow where the API token comes from and whether the API accepts it',
    ]);
    assert.deepEqual(
      fishComplete('statuspage auth -h lo').map((w) => w.split('\t')[0]),
      ['login', 'logout'],
    );
    assert.deepEqual(
      fishComplete('statuspage auth login --').map((w) => w.split('\t')[0]),
      LOGIN_FLAGS,
    );
    assert.deepEqual(fishComplete('statuspage auth logout -k'), [
      '-ks\tkeychain service of the entry',
      '-ku\tkeychain account of the entry (default: your OS user name)',
    ]);
    assert.deepEqual(fishComplete('statuspage auth status --tok'), [
      '--token\tcheck this token instead; "-" reads it from stdin',
    ]);
    assert.deepEqual(fishComplete('statuspage auth status --token '), [], 'a token gets no suggestions');
    assert.deepEqual(fishComplete('statuspage auth help '), ['login', 'logout', 'status']);
    assert.deepEqual(fishComplete('statuspage auth nonsense '), [], 'not a subcommand of auth');
    assert.deepEqual(fishComplete('statuspage help au'), ['auth']);
  });

  test('completion is generated from the command tree: every command, alias and flag is in each script', async () => {
    const model = completionModel(await buildProgram(memoryIo().io, 'all'));
    const commands = allCommands(model.root).slice(1);
    for (const command of commands) {
      // A group (auth) only dispatches to its subcommands: its one flag is --help, so it has no
      // options to validate; help and completion take a command or shell name and no options.
      if (command.commands.length > 0 || ['help', 'completion'].includes(command.name)) continue;
      assert.ok(
        hasOptionSchema(command.path.join(' ')),
        `${command.path.join(' ')} has no option schema for completion`,
      );
    }
    assert.ok(
      commands.some((c) => c.path.join(' ') === 'auth login'),
      'nested commands are in the model',
    );
    const names = commands.flatMap((c) => [c.name, ...c.aliases]);
    const flags = [...new Set(commands.flatMap((c) => c.flags.flatMap((f) => f.names)))];
    assert.ok(flags.includes('-tk') && flags.includes('-cs') && flags.includes('-ic') && flags.includes('--no-verify'));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = (await runCli(['completion', shell])).stdout;
      for (const name of names) assert.ok(text.includes(name), `${shell} lacks ${name}`);
      for (const flag of flags)
        assert.ok(text.includes(flag.startsWith('--') ? flag.slice(2) : flag.slice(1)), `${shell} lacks ${flag}`);
    }
  });

  test('an unknown or missing shell is a usage error', async () => {
    assertUsageError(await runCli(['completion', 'tcsh']), "'tcsh'", 'bash, zsh, fish');
    assertUsageError(await runCli(['completion']), "missing required argument 'shell'");
  });
});
