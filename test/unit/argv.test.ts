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

const FLAGS = { value: new Set(['-t', '-m', '-c']), boolean: new Set(['-y', '-q', '-h']) };

test('-X=value of a one-letter flag that takes a value is the value, as in gh or kubectl; other = stay', () => {
  assert.deepEqual(normalizeArgv(['-t=Hello', '-m==x', '-c=', '-y=1', '-q'], FLAGS), [
    '-t',
    'Hello',
    '-m',
    '=x',
    '-c',
    '',
    '-y=1',
    '-q',
  ]);
  assert.deepEqual(normalizeArgv(['-m', '-t=x', '--', '-t=y'], FLAGS), ['-m', '-t=x', '--', '-t=y'], 'text stays text');
});

test('run together, -qt=x is -q -t x; the text after -qm is text; a group commander would not read so stays', () => {
  assert.deepEqual(normalizeArgv(['-qt=DB down', '-yqm=x'], FLAGS), ['-q', '-t', 'DB down', '-yq', '-m', 'x']);
  assert.deepEqual(normalizeArgv(['-qm', '-t=Hi'], FLAGS), ['-qm', '-t=Hi']);
  assert.deepEqual(normalizeArgv(['-mq=x', '-tz=x', '-cs=x'], FLAGS), ['-mq=x', '-tz=x', '--component-status=x']);
});
