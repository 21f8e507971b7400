// The prompt module (src/cli/prompts.ts) on memory streams: what each question returns for the
// keys typed, that text from the API reaches the terminal only sanitized, and that Ctrl-C or the
// end of input cancels with exit 2 and nothing sent.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { withComments, withoutComments } from '../../src/cli/editor.js';
import { titleSchema } from '../../src/cli/option-schemas.js';
import { checkRule, checkWith, columnLabels, PromptCancelled, prompter } from '../../src/cli/prompts.js';
import { UsageError } from '../../src/errors.js';
import { memoryIo } from '../support/memory-io.js';

const DOWN = '\u001b[B';
const ENTER = '\r';
const CTRL_C = '\u0003';

/** A terminal in memory; `type` sends each chunk once the prompt has had a moment to draw. */
function terminal(env: Record<string, string> = {}) {
  const stdin = new PassThrough();
  const memory = memoryIo({ stdin, stdinIsTTY: true, stderrIsTTY: true, env });
  const type = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      await sleep(20);
      stdin.write(chunk);
    }
  };
  return { ...memory, stdin, type, ask: prompter(memory.io) };
}

test('select: arrows and Enter pick one; labels and hints from the API are shown sanitized', async () => {
  const t = terminal();
  const picked = t.ask.select('Incident to resolve', [
    { value: 'a', label: 'Checkout \u001b]0;owned\u0007errors', hint: 'identified · 2h' },
    { value: 'b', label: 'Mail is slow', hint: 'investigating\u009b31m' },
  ]);
  await t.type(DOWN, ENTER);
  assert.equal(await picked, 'b');
  const shown = t.stderr();
  assert.ok(shown.includes('Checkout ^[]0;owned^Gerrors'), shown);
  assert.ok(shown.includes('investigating\\u009b31m'), shown);
  assert.ok(!shown.includes('\u0007') && !shown.includes('\u009b'), 'no control character from the API is written');
  assert.equal(t.stdout(), '', 'prompts are drawn on stderr');
});

test('multiSelect: typing filters by label and hint, Tab picks, Enter accepts', async () => {
  const t = terminal();
  const picked = t.ask.multiSelect('Components', [
    { value: 'cmp1', label: 'API', hint: 'operational' },
    { value: 'cmp3', label: 'Database', hint: 'major_outage · Core' },
    { value: 'cmp4', label: 'Email Delivery', hint: 'operational' },
  ]);
  await t.type('core', '\t', ENTER);
  assert.deepEqual(await picked, ['cmp3']);

  const none = terminal();
  const nothing = none.ask.multiSelect('Components', [{ value: 'cmp1', label: 'API' }]);
  await none.type(ENTER);
  assert.deepEqual(await nothing, [], 'none is an answer unless required');
});

test('input: Enter takes the default; a check keeps asking, showing the problem, until it passes', async () => {
  const t = terminal();
  const start = t.ask.input('Start', { initial: 'now' });
  await t.type(ENTER);
  assert.equal(await start, 'now');

  const title = terminal();
  const answer = title.ask.input('Title', { check: checkWith(titleSchema) });
  await title.type(ENTER, 'DB upgrade', ENTER);
  assert.equal(await answer, 'DB upgrade');
  assert.ok(title.stderr().includes('must not be empty'), title.stderr());

  const rule = terminal();
  const length = rule.ask.input('Duration', {
    check: checkRule((text) => {
      if (text !== '2h') throw new UsageError(`--duration '${text}': give a unit: 2h, 90m \u001b[5m`);
    }),
  });
  await rule.type('2', ENTER, 'h', ENTER);
  assert.equal(await length, '2h');
  assert.ok(rule.stderr().includes("--duration '2': give a unit: 2h, 90m ^[[5m"), rule.stderr());
});

test('Ctrl-C or the end of input cancels: exit 2, "cancelled; nothing sent"', async () => {
  const t = terminal();
  const asked = t.ask.input('Title');
  await t.type('half a tit', CTRL_C);
  await assert.rejects(asked, (error: unknown) => {
    assert.ok(error instanceof PromptCancelled);
    assert.equal(error.exitCode, 2);
    assert.equal(error.line, 'cancelled; nothing sent');
    return true;
  });
  const ended = terminal();
  const picking = ended.ask.select('Pick', [{ value: 1, label: 'one' }]);
  await sleep(20);
  ended.stdin.end();
  await assert.rejects(picking, PromptCancelled);
  // Input that has ended already cancels at once.
  await assert.rejects(ended.ask.input('Again'), PromptCancelled);
});

test('password: the question is the caller’s line, and nothing typed is echoed', async () => {
  const t = terminal();
  const secret = t.ask.password('API token (input is hidden): ');
  await t.type('s3cret-t0ken', ENTER);
  assert.equal(await secret, 's3cret-t0ken');
  assert.equal(t.stderr(), 'API token (input is hidden): \n');
});

test('editor: text typed on the line, or `e` opens $EDITOR on a file whose text is returned', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-editor-'));
  try {
    const editor = join(dir, 'fake-editor.sh');
    // A stand-in for vim: appends to the file it is given, as a person typing would.
    writeFileSync(editor, '#!/bin/sh\nprintf "%s\\n\\n" "We will upgrade the *database*." >> "$1"\n');
    chmodSync(editor, 0o755);
    const typed = terminal({ EDITOR: editor });
    const inline = typed.ask.editor('Message to subscribers');
    await typed.type('Short one.', ENTER);
    assert.equal(await inline, 'Short one.');
    assert.ok(typed.stderr().includes('e to open fake-editor.sh'), typed.stderr());

    const skipped = terminal({ EDITOR: editor });
    const none = skipped.ask.editor('Message to subscribers');
    await skipped.type(ENTER);
    assert.equal(await none, '');

    const edited = terminal({ VISUAL: editor, EDITOR: 'false' });
    const written = edited.ask.editor('Message to subscribers', { initial: 'Planned work.\n' });
    await edited.type('e', ENTER);
    assert.equal(
      await written,
      'Planned work.\nWe will upgrade the *database*.',
      '$VISUAL first; trailing blank lines go',
    );

    const failing = terminal({ EDITOR: 'false' });
    const failed = failing.ask.editor('Message to subscribers');
    await failing.type('e', ENTER);
    await assert.rejects(failed, (error: unknown) => {
      assert.ok(error instanceof PromptCancelled);
      assert.equal(error.line, "the editor 'false' exited with status 1; nothing sent");
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('columnLabels: cells sanitized and on one line, every column but the last padded to its widest', () => {
  assert.deepEqual(
    columnLabels(memoryIo().io, [
      ['API', 'operational', 'Core'],
      ['Mail \u001b[31m', 'major_outage', ''],
      ['Line\nbreak', '🚀', 'Edge'],
    ]),
    ['API          operational   Core', 'Mail ^[[31m  major_outage', 'Line break   🚀            Edge'],
  );
});

test('compose: Enter opens $EDITOR on a commented file whose # lines are left out; - or text typed there is one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-editor-'));
  try {
    const editor = join(dir, 'fake-editor.sh');
    // Keeps what it was given, then writes a message above it, with a heading that is a comment.
    writeFileSync(
      editor,
      `#!/bin/sh\ncp "$1" "${dir}/given"\nprintf "# Heading\\nWe are on it.\\r\\n" | cat - "$1" > "$1.new"\nmv "$1.new" "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const comments = ['For "Checkout errors".', 'Two\nlines.'];
    const edited = terminal({ EDITOR: editor });
    const written = edited.ask.compose('Message', { comments });
    await edited.type(ENTER);
    assert.equal(await written, 'We are on it.', 'the # lines and the blank line before them are left out');
    assert.equal(readFileSync(join(dir, 'given'), 'utf8'), '\n# For "Checkout errors".\n# Two\n# lines.\n');
    assert.ok(edited.stderr().includes('Message (Enter opens fake-editor.sh; - for one line)'), edited.stderr());

    const line = terminal({ EDITOR: 'false' });
    const one = line.ask.compose('Message', { comments });
    await line.type('-', ENTER, 'Just this.', ENTER);
    assert.equal(await one, 'Just this.');
    const typed = terminal({ EDITOR: 'false' });
    const direct = typed.ask.compose('Message', { comments });
    await typed.type('Typed here.', ENTER);
    assert.equal(await direct, 'Typed here.');

    const empty = terminal({ EDITOR: 'false' });
    const none = empty.ask.compose('Message', { comments });
    await empty.type('-', ENTER, ENTER);
    await assert.rejects(none, (error: unknown) => {
      assert.ok(error instanceof PromptCancelled);
      assert.equal(error.line, 'the message is empty; nothing sent');
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compose: a message its check refuses is shown, and the editor reopens on what was written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'statuspage-editor-'));
  try {
    const editor = join(dir, 'fake-editor.sh');
    // The first time it writes too much; the second time it keeps the first line of what it finds.
    writeFileSync(
      editor,
      `#!/bin/sh\nif [ -e "${dir}/once" ]; then cp "$1" "${dir}/again"; head -n 1 "$1" > "$1.new"; mv "$1.new" "$1"; else : > "${dir}/once"; printf "short\\nand long\\n" > "$1"; fi\n`,
    );
    chmodSync(editor, 0o755);
    const t = terminal({ EDITOR: editor, PATH: process.env.PATH ?? '/usr/bin:/bin' });
    const written = t.ask.compose('Message', {
      comments: ['help'],
      check: (text) => (text.includes('\n') ? 'is more than one line' : undefined),
    });
    await t.type(ENTER);
    for (let waited = 0; !t.stderr().includes('is more than one line'); waited += 10) {
      assert.ok(waited < 5000, `the problem was never shown:\n${t.stderr()}`);
      await sleep(10);
    }
    await t.type(ENTER);
    assert.equal(await written, 'short');
    assert.equal(readFileSync(join(dir, 'again'), 'utf8'), 'short\nand long\n\n# help\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('withComments / withoutComments: one # line per line of help; every # line dropped, the rest byte for byte', () => {
  assert.equal(withComments('', ['a', '', 'b\nc']), '\n# a\n#\n# b\n# c\n');
  assert.equal(withComments('Draft.', ['a']), 'Draft.\n\n# a\n');
  assert.equal(withoutComments('one\r\n# two\r\n#three\n  # four\nfive'), 'one\r\n  # four\nfive');
});
