// The YAML parser for file templates is a chunk of its own that only import() reaches: no
// other run reads it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/run-cli.js';

test('the YAML parser is bundled apart, and loaded only by import() when --template names a file', () => {
  const dir = join(REPO_ROOT, 'dist', 'chunks');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
  const text = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const holders = files.filter((f) => text.get(f)?.includes('maxAliasCount'));
  assert.equal(holders.length, 1, `one chunk holds the YAML parser: ${holders.join(', ')}`);
  const yamlChunk = holders[0] as string;
  assert.match(yamlChunk, /^template-file-/);
  const entry = readFileSync(join(REPO_ROOT, 'dist', 'statuspage.mjs'), 'utf8');
  let importers = 0;
  for (const [name, source] of [['statuspage.mjs', entry] as const, ...text]) {
    if (name === yamlChunk || !source.includes(yamlChunk)) continue;
    // Referenced only as import("./template-file-….mjs"), never by a static import.
    const references = source.split(yamlChunk).length - 1;
    const dynamic = source.split(`import("./${yamlChunk}")`).length - 1;
    assert.equal(dynamic, references, `${name} imports ${yamlChunk} statically`);
    importers += 1;
  }
  assert.ok(importers > 0, 'the template module loads it');
  assert.ok(!entry.includes(yamlChunk), 'the entry does not even name it');
});
