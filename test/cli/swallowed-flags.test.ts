// `MSG=""; statuspage create-incident -t x -m $MSG --dry-run` reaches the CLI as `-m --dry-run`:
// a flag swallowed as a value must be a usage error, never a real incident whose text is a flag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOk, assertUsageError, withServer } from '../support/harness.js';

const CASES: Array<[string, string[], string]> = [
  [
    '-m $EMPTY --dry-run',
    ['create-incident', '-t', 'DB down', '-m', '--dry-run'],
    "-m got '--dry-run' as its value; to send that text use --message=--dry-run",
  ],
  [
    '-t --dry-run',
    ['create-incident', '-t', '--dry-run', '-m', 'x'],
    "-t got '--dry-run' as its value; to send that text use --title=--dry-run",
  ],
  ['-m --json', ['create-incident', '-t', 'x', '-m', '--json'], "-m got '--json' as its value"],
  [
    '-c -m x',
    ['create-incident', '-t', 'x', '-c', '-m', 'x'],
    "-c got '-m' as its value; to give that value use --components=-m",
  ],
  ['--message -q', ['update-incident', 'inc000000001', '--message', '-q'], "--message got '-q' as its value"],
  ['-m -cs (a two-letter flag)', ['update-incident', 'inc000000001', '-m', '-cs'], "-m got '-cs' as its value"],
  ['-s --notify', ['update-incident', 'inc000000001', '-s', '--notify'], "-s got '--notify' as its value"],
  [
    '-m --no-notify on resolve',
    ['resolve-incident', 'inc000000001', '-m', '--no-notify'],
    "-m got '--no-notify' as its value",
  ],
  ['--token --dry-run', ['create-incident', '-t', 'x', '--token', '--dry-run'], "--token got '--dry-run' as its value"],
  [
    '-p --page=… (a flag with its value)',
    ['create-incident', '-t', 'x', '-p', '--page=pg0000000001'],
    "-p got '--page=pg0000000001' as its value",
  ],
  [
    '--title --help',
    ['schedule-maintenance', '--title', '--help'],
    "--title got '--help' as its value; to send that text use --title=--help",
  ],
  ['-ic -m', ['resolve-incident', '-ic', '-m', 'x'], "-ic got '-m' as its value"],
  [
    '-m $EMPTY -yq (short flags run together)',
    ['update-incident', 'inc000000001', '-m', '-yq'],
    "-m got '-yq' as its value; to send that text use --message=-yq",
  ],
  [
    '-qm $EMPTY --dry-run (the value flag last in a group)',
    ['create-incident', '-t', 'Hi', '-qm', '--dry-run'],
    "-qm got '--dry-run' as its value; to send that text use --message=--dry-run",
  ],
];

for (const [name, args, message] of CASES) {
  test(`a flag swallowed as a value is a usage error and sends nothing: ${name}`, async () => {
    await withServer(async ({ server, run }) => {
      server.addIncident({ id: 'inc000000001', name: 'Open' });
      assertUsageError(await run(args), message);
      assert.deepEqual(server.requests, []);
    });
  });
}

test('--flag=value is the way to send such a text, and a value that is no flag of the command passes', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(await run(['create-incident', '--title=--dry-run', '--message=--json', '-q']));
    const [incident] = [...server.incidents.values()];
    assert.equal(incident?.name, '--dry-run');
    // --all is list-incidents' flag, not create-incident's: as a message it is just text.
    assertOk(await run(['create-incident', '-t', 'x', '-m', '--all', '-q']));
    // A word after a dash is text unless every letter is one of the command's short flags.
    assertOk(await run(['create-incident', '-t', 'x', '-m', '-rollback', '-q']));
    assert.equal(server.requests.filter((r) => r.method === 'POST').length, 3);
    // After --, nothing is a flag.
    assertOk(await run(['update-incident', '-m', 'x', '-q', '--', incident!.id]));
  });
});

test('-t=Hello sends the title Hello, not "=Hello"; -c=ID and -s=STATUS read the same way', async () => {
  await withServer(async ({ server, run }) => {
    assertOk(
      await run(['create-incident', '-t=Hello', '-m=We are looking.', '-c=cmp000000001', '-s=identified', '-q']),
    );
    const [incident] = [...server.incidents.values()];
    assert.equal(incident?.name, 'Hello');
    assert.equal(incident?.status, 'identified');
    assert.deepEqual(
      incident?.components?.map((c) => c.id),
      ['cmp000000001'],
    );
    assert.equal(incident?.incident_updates?.[0]?.body, 'We are looking.');
    // Run together, the same: -qt=x is -q -t x.
    assertOk(await run(['create-incident', '-qt=DB down', '-m=x']));
    assert.equal([...server.incidents.values()].at(-1)?.name, 'DB down');
    // An empty value after = is the empty value it is, not the next argument.
    assertUsageError(await run(['create-incident', '-t', 'x', '-m=', '-q']), '--message');
    assertUsageError(await run(['create-incident', '-t', 'x', '-c=', '-q']), "--components: '' names no component");
  });
});
