// Error recovery: however a block is broken, the blocks around it keep their AST nodes and their own
// diagnostics; unclosed strings and comments and plain garbage never stop the analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/pipeline';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import type { DataDecl } from '../../../server/src/core/syntax/ast';

const uri = 'file:///recovery.consistency';

/** Well-formed neighbours: one before and one after the broken block, each with a contradiction of its own. */
const before = 'data before {\n  category banking\n  consistency session\n  conflict last_writer_wins\n}\n';
const after = 'data after {\n  tier rbi.upi\n  consistency bounded(2s)\n  conflict last_writer_wins\n}\n';

/** Broken blocks, one kind of damage each. */
const broken = [
  'data a { consistency strong',
  'data a { consistency }',
  'data a { consistncy strong }',
  'data a { latency read p99 <= }',
  'data a { latency read p99 <= 200 }',
  'data a { when amount >= { consistency strong } }',
  'data a { when amount >= 1 lakh { consistency strong }',
  'data a { consistency session(read_your_writes, }',
  'data a { consistency bounded(2s }',
  'data a { workload 35M/day reads }',
  'data a {{ consistency strong }',
  'data a consistency strong }',
  'data { consistency strong }',
  'data a { consistency strong } }',
  'data a { @@ consistency strong }',
  'data a { ) consistency strong }',
  'data a { degrade to when load > 5x }',
  'data a { degrade session when load > 5x }',
  'data a { primary }',
  'data a { replication quorum write }',
  'data a { partition prefer }',
  'data a { conflict }',
  'data a { budget 12 lakh/month }',
  'topology t { region x { replicas 3 primary } link x <-> 45ms }',
  'topology t { region x { replicas 3 primary',
  'topology t { region x { replicas } link x <-> y }',
  'tier t { consistency strong latency write p99 <= }',
  'tier { consistency strong }',
  'transaction t { a b }',
  'transaction t { a, }',
  'transaction t { a, b',
  'policy "unterminated title',
  'policy',
  'currency',
  '"stray string',
  '<-> <-> <->',
  '}}}',
];

function lwwOn(text: string, a: ReturnType<typeof analyze>, block: string): boolean {
  const start = text.indexOf(`data ${block} {`);
  return a.diagnostics.some(
    (d) =>
      d.code === 'lww-on-money' &&
      d.range.start > start &&
      text.slice(d.range.start, d.range.end) === 'last_writer_wins' &&
      text.lastIndexOf('data ', d.range.start) === start,
  );
}

test('a broken block never hides the AST nodes or the diagnostics of its neighbours', () => {
  for (const b of broken) {
    const text = `${before}${b}\n${after}`;
    const a = analyze([{ uri, text }]);
    assert.ok(
      a.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('syntax-')),
      `no syntax error for ${JSON.stringify(b)}`,
    );
    for (const name of ['before', 'after']) {
      const d = a.model.data.get(name);
      assert.ok(d?.props.consistency && d.props.conflict, `${JSON.stringify(b)} hid the properties of '${name}'`);
      assert.ok(lwwOn(text, a, name), `${JSON.stringify(b)} hid the lww-on-money diagnostic of '${name}'`);
    }
    assert.equal(a.model.data.get('after')!.tiers.length, 1, `${JSON.stringify(b)} lost the tier of 'after'`);
  }
});

test('properties after a broken one in the same block are kept', () => {
  const doc = parseDocument(
    'data a {\n  latncy read p99 <= 2s\n  consistency strong\n  staleness <= \n  conflict abort\n}',
    uri,
  );
  const decl = doc.ast.declarations[0] as DataDecl;
  assert.deepEqual(
    decl.body.map((p) => p.kind),
    ['consistency', 'staleness', 'conflict'],
  );
  assert.deepEqual(
    doc.diagnostics.map((d) => d.code),
    ['syntax-error', 'syntax-error'],
  );
});

test('a missing closing brace is reported once and the next declaration is still read', () => {
  const text = 'data a {\n  consistency strong\n\ndata b {\n  consistency strong\n}\ntransaction t { a, b }\n';
  const a = analyze([{ uri, text }]);
  assert.deepEqual(
    a.diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]),
    [['syntax-error', 'data']],
  );
  assert.deepEqual([...a.model.data.keys()], ['a', 'b']);
  assert.deepEqual(
    a.model.transactions.get('t')?.members.map((m) => m.data?.name),
    ['a', 'b'],
  );
});

test('an unclosed string ends at its line: the declarations after it are read', () => {
  const text = 'policy "SBI\ncurrency INR\ndata a { consistency strong }\n';
  const doc = parseDocument(text, uri);
  assert.deepEqual(
    doc.diagnostics.map((d) => d.code),
    ['syntax-unclosed-string'],
  );
  assert.deepEqual(
    doc.ast.declarations.map((d) => d.kind),
    ['policy', 'currency', 'data'],
  );
});

test('an unclosed comment hides only the text after it', () => {
  const text = 'data a { consistency strong }\n/* draft\ndata b { consistency stong }\n';
  const a = analyze([{ uri, text }]);
  assert.deepEqual(
    a.diagnostics.map((d) => d.code),
    ['syntax-unclosed-comment'],
  );
  assert.deepEqual([...a.model.data.keys()], ['a']);
});

test('garbage input yields errors with ranges inside the text, never an exception', () => {
  const inputs = [
    '',
    ' ',
    '\n\n',
    '{',
    '}',
    '"',
    '/*',
    '*/',
    '₹₹₹',
    '@#!',
    'data',
    'data data data',
    '😀 data a { consistency 😀 }',
    'x'.repeat(5000),
    '{'.repeat(300),
    'data a {'.repeat(200),
    '\u0000\u0001\uffff',
    'data a { consistency bounded(((((( }',
  ];
  for (const text of inputs) {
    const a = analyze([{ uri, text }]);
    for (const d of a.diagnostics) {
      assert.ok(
        0 <= d.range.start && d.range.start <= d.range.end && d.range.end <= text.length,
        `range ${JSON.stringify(d.range)} outside ${JSON.stringify(text.slice(0, 40))}`,
      );
    }
    if (text.trim() !== '')
      assert.ok(a.diagnostics.length > 0, `no diagnostic for ${JSON.stringify(text.slice(0, 40))}`);
  }
});
