// Semantic tokens: names by what they denote, keywords, numbers with units, strings, operators.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { semanticTokens, semanticTokensLegend } from '../../server/src/service/semantic-tokens';
import { fixture } from './helpers';

function decode(text: string, data: number[]): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = semanticTokensLegend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
    out.push(
      `${lines[line].slice(char, char + data[i + 2])}:${semanticTokensLegend.tokenTypes[data[i + 3]]}${mods.map((m) => `.${m}`).join('')}`,
    );
  }
  return out;
}

test('each token classified, with declaration and built-in modifiers', () => {
  const f = fixture(`policy "P"
topology t { region a region b link a <-> b 45ms }
data x {
  topology t
  tier rbi.upi
  consistency bounded(2s)
  conflict merge union
  budget <= ₹12 lakh/month
  when amount >= 1 lakh { replication sync }
}
`);
  assert.deepEqual(decode(f.text, semanticTokens(f.s, f.uri).data), [
    'policy:keyword',
    '"P":string',
    'topology:keyword',
    't:namespace.declaration',
    'region:keyword',
    'a:variable.declaration',
    'region:keyword',
    'b:variable.declaration',
    'link:keyword',
    'a:variable',
    '<->:operator',
    'b:variable',
    '45:number',
    'ms:number',
    'data:keyword',
    'x:struct.declaration',
    'topology:keyword',
    't:namespace',
    'tier:keyword',
    'rbi.upi:type.defaultLibrary',
    'consistency:keyword',
    'bounded:enumMember',
    '2:number',
    's:number',
    'conflict:keyword',
    'merge:enumMember',
    'union:enumMember',
    'budget:keyword',
    '<=:operator',
    '₹:number',
    '12:number',
    'lakh:number',
    'month:number',
    'when:keyword',
    'amount:property',
    '>=:operator',
    '1:number',
    'lakh:number',
    'replication:keyword',
    'sync:enumMember',
  ]);
});

test('store names are values', () => {
  const f = fixture('store dynamodb, postgres\n');
  assert.deepEqual(decode(f.text, semanticTokens(f.s, f.uri).data), [
    'store:keyword',
    'dynamodb:enumMember',
    'postgres:enumMember',
  ]);
});

test('distributions are functions, their labels and replica work properties; soft keywords used as names are names', () => {
  const f = fixture(
    'topology t {\n  region a\n  region b\n  link a <-> b lognormal(median 45ms, p99 80ms)\n  replica ack 1ms\n}\ndata seed {\n  consistency eventual\n  when load > 2x { consistency eventual }\n}\nscenario s {\n  data seed\n  duration 5s\n}\n',
  );
  const toks = decode(f.text, semanticTokens(f.s, f.uri).data);
  const wanted = [
    'lognormal:function',
    'median:property',
    'p99:property',
    'replica:keyword',
    'ack:property',
    'seed:struct.declaration',
    'load:property',
    'scenario:keyword',
    's:function.declaration',
    'seed:struct',
    'duration:keyword',
  ];
  assert.deepEqual(
    wanted.filter((w) => !toks.includes(w)),
    [],
  );
});

test('keywords used as names are coloured as the names they are; sessions and money values as values', () => {
  const f = fixture(
    'data profile {\n  category profile\n  consistency session\n  sessions sticky\n  money no\n  when tier == premium { consistency strong }\n}\n',
  );
  const toks = decode(f.text, semanticTokens(f.s, f.uri).data);
  const wanted = [
    'data:keyword',
    'profile:struct.declaration',
    'category:keyword',
    'profile:enumMember',
    'sticky:enumMember',
    'no:enumMember',
    'tier:property',
    'premium:enumMember',
  ];
  assert.deepEqual(
    wanted.filter((w) => !toks.includes(w)),
    [],
    toks.join(' '),
  );
});
