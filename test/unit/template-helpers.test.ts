// The pure parts of --template: placeholders, what is a file, the front matter's fence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillPlaceholders, malformedPlaceholders, placeholdersIn } from '../../src/cli/placeholders.js';
import { isTemplateFile } from '../../src/cli/template.js';
import { splitFrontMatter } from '../../src/cli/template-file.js';

test('placeholders: {{name}} and {{ name }}, each once; a value is never expanded again', () => {
  assert.deepEqual(placeholdersIn('{{a}} {{ b-2 }} {{a}} {{\tc_3\t}}'), ['a', 'b-2', 'c_3']);
  assert.equal(
    fillPlaceholders(
      '{{ a }}/{{b}}',
      new Map([
        ['a', '{{b}}'],
        ['b', 'x'],
      ]),
    ),
    '{{b}}/x',
  );
  assert.deepEqual(malformedPlaceholders('{{ok}} {{not ok}} {{a.b}} { {single} }'), ['{{not ok}}', '{{a.b}}']);
});

test('a --template value is a file when it has a / or ends in .md', () => {
  assert.equal(isTemplateFile('./api.md'), true);
  assert.equal(isTemplateFile('runbooks/api'), true);
  assert.equal(isTemplateFile('API.MD'), true);
  assert.equal(isTemplateFile('API outage'), false);
});

test('a front matter is split off at the next --- line; CRLF files too; the message keeps its inner layout', () => {
  assert.deepEqual(splitFrontMatter('---\ntitle: x\n---\n\nBody\n\nmore\n\n', 's'), {
    frontMatter: 'title: x\n',
    body: 'Body\n\nmore',
  });
  assert.deepEqual(splitFrontMatter('---\r\ntitle: x\r\n---\r\nBody\r\n', 's'), {
    frontMatter: 'title: x\r\n',
    body: 'Body',
  });
  assert.deepEqual(splitFrontMatter('Body --- not a fence\n---\n', 's'), { body: 'Body --- not a fence\n---' });
  assert.throws(() => splitFrontMatter('---\ntitle: x\n', "--template 'a.md'"), /never closed/);
});
