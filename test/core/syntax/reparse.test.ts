// Incremental parsing on chosen edits: which edits are re-read in place and which fall back to a full parse,
// and that what follows an edit keeps its AST objects and tokens, moved by the characters the edit added (tokens
// keep offsets only: their lines and columns, computed from the text, follow). (Random edits against a full
// parse: test/property/incremental.property.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/core/syntax/parse';
import { reparseDocument, reparseStats } from '../../../server/src/core/syntax/reparse';
import { textChange } from '../../../server/src/core/syntax/text-change';
import type { ParsedDocument } from '../../../server/src/core/syntax/parse';
import { LineIndex } from '../../../server/src/core/util/range';

const uri = 'file:///reparse.consistency';
const policy = [
  'currency INR',
  'tier t { consistency strong }',
  'data a {',
  '  tier t',
  '  consistency strong',
  '}',
  'data b {',
  '  consistency eventual',
  '}',
  'data c { consistency session }',
  'data d { consistency strong }',
  '',
].join('\n');

/** The 1-based line and column where the token spelled `image` starts in `doc`, from its offset. */
function placeOf(doc: ParsedDocument, image: string): [number, number] {
  const t = doc.tokens.find((x) => x.image === image)!;
  const p = new LineIndex(doc.text).position(t.startOffset);
  return [p.line + 1, p.character + 1];
}

/** Reparse after replacing the first `from` with `to`; says whether it was incremental. */
function edit(text: string, from: string, to: string) {
  const before = { ...reparseStats };
  const old = parseDocument(text, uri);
  const next = text.replace(from, to);
  const doc = reparseDocument(old, next);
  assert.deepEqual(JSON.stringify(doc.ast), JSON.stringify(parseDocument(next, uri).ast));
  assert.deepEqual(JSON.stringify(doc.diagnostics), JSON.stringify(parseDocument(next, uri).diagnostics));
  return { old, doc, incremental: reparseStats.incremental > before.incremental };
}

test('textChange finds the changed span between equal head and tail', () => {
  assert.deepEqual(textChange('abcdef', 'abXYef'), { from: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(textChange('abc', 'abcd'), { from: 3, oldEnd: 3, newEnd: 4 });
  assert.deepEqual(textChange('aaaa', 'aaa'), { from: 3, oldEnd: 4, newEnd: 3 });
  const long = 'x'.repeat(10_000);
  assert.deepEqual(textChange(`${long}a${long}`, `${long}bb${long}`), { from: 10_000, oldEnd: 10_001, newEnd: 10_002 });
});

test('an edit inside a block re-reads only its neighbourhood; later declarations keep their nodes, moved', () => {
  const added = '\n  conflict merge union';
  const { old, doc, incremental } = edit(policy, 'consistency eventual', `consistency eventual${added}`);
  assert.ok(incremental);
  const [oldD, newD] = [old.ast.declarations.at(-1)!, doc.ast.declarations.at(-1)!];
  assert.equal(newD, oldD, 'the last declaration is the same object');
  assert.equal(newD.range.start, policy.lastIndexOf('data d') + added.length);
  assert.deepEqual(placeOf(doc, 'd'), [12, 6], 'one line further down');
});

test('an edit on the line of the next declaration moves its columns', () => {
  const text = policy.replace('}\ndata c', '} data c');
  const { doc, incremental } = edit(text, 'consistency eventual', 'consistency weak');
  assert.ok(incremental);
  assert.deepEqual(placeOf(doc, 'c'), [9, 8]);
});

test('an unclosed comment or string falls back to a full parse', () => {
  assert.equal(edit(policy, 'consistency eventual', '/* consistency eventual').incremental, false);
  assert.equal(edit(policy, 'consistency eventual', 'consistency "eventual').incremental, false);
});

test('a block left open is re-read in place when the parse is back in step by the next untouched declaration', () => {
  const { doc, incremental } = edit(policy, '  consistency eventual\n}', '  consistency eventual');
  assert.ok(incremental);
  assert.match(doc.diagnostics[0].message, /Missing '}'/);
});

test('an edit in the comments before the first declaration is re-read in place, not the whole file', () => {
  const text = `// a policy\n\n${policy}`;
  const { old, doc, incremental } = edit(text, '// a policy', '// edit 1\n// a policy');
  assert.ok(incremental);
  assert.equal(doc.ast.declarations.at(-1), old.ast.declarations.at(-1), 'the last declaration is the same object');
  assert.equal(placeOf(doc, 'd')[0], 14);
});
