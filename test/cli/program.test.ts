// The command table in program.ts stands in for the commands a run does not define in full:
// what it says of each must be what the full definition says, and a run must define in full
// exactly the command it runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram, COMMANDS, commandsFor, helpArgv, spellings } from '../../src/cli/program.js';
import { memoryIo } from '../support/memory-io.js';
import { runCli } from '../support/run-cli.js';

const byName = (program: Command, name: string) => {
  const cmd = program.commands.find((c) => c.name() === name);
  assert.ok(cmd, `${name} is in the program`);
  return cmd;
};

test('each entry’s usage, summary and aliases are those of its full definition', async () => {
  const full = await buildProgram(memoryIo().io, 'all');
  for (const entry of COMMANDS) {
    const cmd = byName(full, entry.name);
    assert.equal(cmd.usage(), entry.usage, `${entry.name}: the usage line commander derives`);
    assert.equal(cmd.summary(), entry.summary, `${entry.name}: the definition keeps the table's summary`);
    assert.deepEqual(cmd.aliases(), spellings(entry).slice(1), `${entry.name}: aliases`);
    assert.ok(cmd.description().length > entry.summary.length, `${entry.name} has a description of its own`);
  }
  const names = full.commands.map((c) => c.name()).filter((name) => name !== 'help');
  assert.deepEqual(
    names,
    COMMANDS.map((e) => e.name),
    'the table is the whole program, in help order',
  );
});

test('the program’s help is the same whether its commands are defined or stand-ins', async () => {
  const helpOf = (program: Command) => program.helpInformation();
  assert.equal(helpOf(await buildProgram(memoryIo().io, [])), helpOf(await buildProgram(memoryIo().io, 'all')));
});

test('a run defines in full the command it names, and only that one', async () => {
  const names = (argv: string[]) => commandsFor(argv).map((e) => e.name);
  assert.deepEqual(names(['create-incident', '-t', 'x', '-m', 'status page down']), ['create-incident']);
  assert.deepEqual(names(['create_incident', '-t', 'x']), ['create-incident'], 'the underscore spelling');
  assert.deepEqual(names(['view', 'inc1']), ['show-incident'], 'a short alias');
  assert.deepEqual(names(['help', 'incidents']), ['list-incidents'], 'help NAME');
  assert.deepEqual(names(['auth', 'login']), ['auth'], 'a group, with its subcommands');
  assert.deepEqual(names(['--help']), []);
  assert.deepEqual(names(['-V']), []);
  assert.deepEqual(names(['help']), []);
  assert.deepEqual(names(['creat-incident']), [], 'an unknown command: commander suggests from the names');
  assert.equal(commandsFor(['completion', 'zsh']).length, COMMANDS.length, 'completion describes every command');

  const program = await buildProgram(memoryIo().io, ['update-incident', 'inc1', '-s', 'monitoring']);
  assert.ok(byName(program, 'update-incident').options.length > 5, 'the named command has its flags');
  assert.equal(byName(program, 'create-incident').options.length, 0, 'the others are stand-ins');
});

test('help as commander answers it: nothing is the program’s help, help A B is A B --help, an unknown name is unknown', async () => {
  assert.deepEqual(helpArgv([]), ['--help']);
  assert.deepEqual(helpArgv(['help']), ['help']);
  assert.deepEqual(helpArgv(['help', 'postmortem', 'draft']), ['postmortem', 'draft', '--help']);
  assert.deepEqual(helpArgv(['help', 'view']), ['view', '--help']);
  assert.deepEqual(helpArgv(['help', 'creat-incident']), ['creat-incident']);
  assert.deepEqual(helpArgv(['create-incident', 'help']), ['create-incident', 'help']);

  const bare = await runCli([]);
  assert.equal(bare.code, 0);
  assert.match(bare.stdout, /^Usage: statuspage \[options\] \[command\]/);
  assert.equal(bare.stderr, '');
  const nested = await runCli(['help', 'auth', 'login']);
  assert.equal(nested.code, 0);
  assert.match(nested.stdout, /^Usage: statuspage auth login \[options\]/);
  const unknown = await runCli(['help', 'creat-incident']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, "error: unknown command 'creat-incident' (Did you mean create-incident?)\n");
});
