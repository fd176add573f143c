// Names are the user's: every keyword works as a name wherever a name stands (data types, regions, topologies,
// tiers, categories, condition fields and values, transaction members, scenario names); the new properties
// `sessions` and `money`, the `import` declaration and the clock of `last_writer_wins`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { keywordNames } from '../../../server/src/core/syntax/tokens';
import { analyze } from '../../../server/src/core/pipeline';

const clean = (text: string) => {
  const a = analyze([{ uri: 'file:///n.consistency', text }]);
  assert.deepEqual(
    a.diagnostics.map((d) => `${d.code}: ${d.message}`),
    [],
    text,
  );
  return a;
};

test('the issue: `data profile { … }` and `category profile` are a data type and a category, not errors', () => {
  const a = clean('data profile {\n  category profile\n  consistency session\n}\n');
  assert.equal(a.model.data.get('profile')?.effective.category?.value, 'profile');
});

test('every keyword works as a data type, region, topology, category, condition field and value, member', () => {
  for (const k of keywordNames) {
    const text =
      `topology ${k} {\n  region ${k} { replicas 3 primary }\n}\n` +
      `data ${k} {\n  topology ${k}\n  category ${k}\n  primary ${k}\n  consistency session\n` +
      `  when ${k} == ${k} { consistency strong }\n}\n` +
      `tier team.${k} { consistency session }\ndata other_${k.replace(/-/g, '_')} { topology ${k} tier team.${k} }\n` +
      `transaction ${k} { ${k} }\n`;
    const a = analyze([{ uri: 'file:///k.consistency', text }]);
    const errors = a.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'transaction-mixed-levels');
    assert.deepEqual(
      errors.map((d) => `${d.code}: ${d.message}`),
      [],
      `keyword '${k}' as a name`,
    );
    assert.ok(a.model.data.has(k) && a.model.topologies.has(k) && a.model.transactions.has(k), k);
    assert.equal(a.model.data.get(k)?.topology?.name, k);
  }
});

test('a keyword starting a line after a keyword missing its name: one clear error, the rest still read', () => {
  const text = 'data a {\n  topology\n  tier rbi.upi\n  consistency strong\n}\ndata b { consistency strong }\n';
  const doc = parseDocument(text, 'file:///m.consistency');
  const found = doc.diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]);
  assert.deepEqual(found, [['syntax-error', 'tier']]);
  const message = doc.diagnostics[0].message;
  assert.match(message, /^Expected a name but found 'tier', which starts a new line: a keyword there starts the next/);
  const a = analyze([{ uri: 'file:///m.consistency', text }]);
  assert.equal(a.model.data.get('a')?.tiers[0]?.name, 'rbi.upi');
  assert.ok(a.model.data.has('b'));
});

test('sessions, money and the clock of last_writer_wins', () => {
  const a = clean(
    'data a { consistency session sessions roaming replication quorum write 2 read 2 ' +
      'conflict last_writer_wins logical }\n' +
      'data d { consistency session money conflict abort }\n' +
      'data b { consistency eventual money no conflict lww physical }\n' +
      'data c { consistency eventual sessions sticky money yes }\n',
  );
  const e = (n: string) => a.model.data.get(n)!.effective;
  assert.deepEqual([e('a').sessions?.value, e('a').money, e('a').lwwClock], ['roaming', false, 'logical']);
  assert.deepEqual([e('d').money, e('d').moneyBasis.declared, e('d').moneyBasis.reason], [true, true, '`money`']);
  const b = e('b');
  const got = [b.sessions, b.money, b.moneyBasis.reason, b.lwwClock];
  assert.deepEqual(got, [undefined, false, '`money no`', 'physical']);
  assert.deepEqual([e('c').sessions?.value, e('c').money], ['sticky', true]);
  assert.equal(e('a').conflict?.value, 'last_writer_wins');
});

test('import declarations parse anywhere at the top level, with the path as written', () => {
  const text = 'import "shared/topologies.consistency"\ndata a { consistency eventual }\nimport "x y.consistency"\n';
  const doc = parseDocument(text, 'file:///i.consistency');
  assert.deepEqual(doc.diagnostics, []);
  const imports = doc.ast.declarations.filter((d) => d.kind === 'import');
  const paths = imports.map((d) => d.kind === 'import' && d.path?.value);
  assert.deepEqual(paths, ['shared/topologies.consistency', 'x y.consistency']);
});
