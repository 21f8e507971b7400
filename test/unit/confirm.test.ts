import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { canAsk, confirm, readLine } from '../../src/cli/confirm.js';
import { memoryIo } from '../support/memory-io.js';

test('readLine takes the first line, across chunks and split characters; undefined at the end of input', async () => {
  assert.equal(await readLine(Readable.from([Buffer.from('y'), Buffer.from('es\r\nmore\n')])), 'yes');
  const euro = Buffer.from('€\n');
  assert.equal(await readLine(Readable.from([euro.subarray(0, 1), euro.subarray(1)])), '€');
  assert.equal(await readLine(Readable.from([])), undefined);
  assert.equal(await readLine(Readable.from([Buffer.from('y')])), 'y', 'a last line without its newline');
});

test('confirm asks on stderr; only y or yes is yes', async () => {
  for (const [typed, yes] of [
    ['y\n', true],
    ['Yes\n', true],
    ['\n', false],
    ['n\n', false],
    ['yess\n', false],
  ] as const) {
    const memory = memoryIo({ input: typed, stdinIsTTY: true, stderrIsTTY: true });
    assert.equal(await confirm(memory.io, 'Go? [y/N] '), yes, typed);
    assert.equal(memory.stderr(), 'Go? [y/N] ');
    assert.equal(memory.stdout(), '');
  }
});

test('canAsk needs both stdin and stderr on a terminal', () => {
  assert.equal(canAsk(memoryIo({ stdinIsTTY: true, stderrIsTTY: true }).io), true);
  assert.equal(canAsk(memoryIo({ stdinIsTTY: true }).io), false);
  assert.equal(canAsk(memoryIo({ stderrIsTTY: true }).io), false);
});
