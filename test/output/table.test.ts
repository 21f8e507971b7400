import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Chalk } from 'chalk';
import { styleState } from '../../src/output/color.js';
import { type Column, displayWidth, renderTable, renderTsv } from '../../src/output/table.js';

interface Row {
  name: string;
  status: string;
  note: string;
}

const columns: Column<Row>[] = [
  { header: 'NAME', value: (r) => r.name },
  { header: 'STATUS', value: (r) => r.status, style: (text, _row, c) => styleState(text, c) },
  { header: 'NOTE', value: (r) => r.note },
];
const rows: Row[] = [
  { name: 'API', status: 'major_outage', note: '' },
  { name: 'Email 📧 Delivery', status: 'operational', note: 'line one\nline\ttwo' },
];
const ANSI = /\u001b\[[0-9;]*m/g;

test('a plain table aligns columns by display width and trims trailing space', () => {
  const text = renderTable(rows, columns, new Chalk({ level: 0 }));
  assert.equal(
    text,
    [
      'NAME               STATUS        NOTE',
      'API                major_outage',
      'Email 📧 Delivery  operational   line one line two',
    ].join('\n'),
  );
});

test('colour styles cells without changing the layout', () => {
  const coloured = renderTable(rows, columns, new Chalk({ level: 1 }));
  assert.match(coloured, /\u001b\[1mNAME\u001b\[22m/, 'bold header');
  assert.match(coloured, /\u001b\[31mmajor_outage\u001b\[39m/, 'red outage');
  assert.match(coloured, /\u001b\[32moperational\u001b\[39m {3}line one/, 'padding outside the colour codes');
  assert.equal(coloured.replace(ANSI, ''), renderTable(rows, columns, new Chalk({ level: 0 })));
});

test('tab-separated output: no header, one line per row, no colour', () => {
  assert.equal(renderTsv(rows, columns), 'API\tmajor_outage\t\nEmail 📧 Delivery\toperational\tline one line two');
  assert.equal(renderTsv([], columns), '');
});

test('display width counts wide characters as two columns and joiners as none', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('📧'), 2);
  assert.equal(displayWidth('👩‍💻'), 4);
  assert.equal(displayWidth('日本'), 4);
  assert.equal(displayWidth('é'), 1);
});

test('states get one colour per kind; unknown text is left alone', () => {
  const c = new Chalk({ level: 1 });
  assert.equal(styleState('operational', c), c.green('operational'));
  assert.equal(styleState('investigating', c), c.red('investigating'));
  assert.equal(styleState('degraded_performance', c), c.yellow('degraded_performance'));
  assert.equal(styleState('under_maintenance', c), c.blue('under_maintenance'));
  assert.equal(styleState('something_new', c), 'something_new');
});
