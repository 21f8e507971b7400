import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecret } from '../../src/utils/secret-forms.js';

test('the token is masked as written and as HTML, a URL or JSON spells it', () => {
  const token = 'tok/en+x"y<z>&\'==1234';
  const echoes = [
    token,
    'tok/en+x&quot;y&lt;z&gt;&amp;&#39;==1234',
    'tok/en+x&#34;y&#60;z&#62;&#38;&#39;==1234',
    'tok/en+x&#x22;y&#x3c;z&#x3e;&#x26;&#x27;==1234',
    encodeURIComponent(token),
    encodeURIComponent(token).toLowerCase(),
    JSON.stringify(token).slice(1, -1),
    'tok\\/en+x\\"y<z>&\'==1234',
  ];
  for (const echo of echoes) assert.equal(maskSecret(`bad token ${echo}.`, token), 'bad token ***.', echo);
  assert.equal(maskSecret('nothing here', ''), 'nothing here');
});
