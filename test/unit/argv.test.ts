import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArgv } from '../../src/cli/argv.js';

test('two-letter short flags become their long forms, with or without =', () => {
  assert.deepEqual(
    normalizeArgv(['create-incident', '-tk', 'T', '-cs=major_outage', '-ic', 'i', '-ku', 'me', '-ks', 'svc']),
    [
      'create-incident',
      '--token',
      'T',
      '--component-status=major_outage',
      '--incident',
      'i',
      '--keychain-user',
      'me',
      '--keychain-service',
      'svc',
    ],
  );
});

test('free text after -m/-t and everything after -- is left alone', () => {
  assert.deepEqual(normalizeArgv(['-m', '-cs', '-t', '-tk', '--', '-ic']), ['-m', '-cs', '-t', '-tk', '--', '-ic']);
});

test('one-letter flags and look-alikes are untouched', () => {
  assert.deepEqual(normalizeArgv(['-c', 'a', '-s', 'x', '-csv', '--cs']), ['-c', 'a', '-s', 'x', '-csv', '--cs']);
});

test('-X=value of a one-letter flag that takes a value is the value, as in gh or kubectl; other = stay', () => {
  const values = new Set(['-t', '-m', '-c']);
  assert.deepEqual(normalizeArgv(['-t=Hello', '-m==x', '-c=', '-y=1', '-q'], values), [
    '-t',
    'Hello',
    '-m',
    '=x',
    '-c',
    '',
    '-y=1',
    '-q',
  ]);
  assert.deepEqual(
    normalizeArgv(['-m', '-t=x', '--', '-t=y'], values),
    ['-m', '-t=x', '--', '-t=y'],
    'text stays text',
  );
});
