// Nesting and error recovery are bounded (docs/language.md#limits): deeply nested `when` blocks or `mix(`
// give one `limit-exceeded` on the first bracket too deep instead of a RangeError, and keyword soup stops
// being read after the syntax-error limit, saying so once; the rest of the file is still checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/pipeline';
import { limits } from '../../../server/src/core/util/limits';

const uri = 'file:///nesting.consistency';
const run = (text: string) => analyze([{ uri, text }]).diagnostics;
const neighbour = 'data after { category banking consistency session conflict last_writer_wins }\n';

test('371 nested `when` blocks: one limit-exceeded on the first bracket too deep, and the next block checked', () => {
  const text =
    'data d {\n  consistency strong\n' + 'when amount > 1 {\n'.repeat(371) + '}\n'.repeat(371) + '}\n' + neighbour;
  const ds = run(text);
  const limit = ds.filter((d) => d.code === 'limit-exceeded');
  assert.equal(limit.length, 1);
  const deepest = text
    .split('{', limits.nesting + 2)
    .slice(0, -1)
    .join('{').length; // bracket nesting + 1
  assert.deepEqual(limit[0].range, { start: deepest, end: deepest + 1 });
  assert.match(limit[0].message, new RegExp(`bracket ${limits.nesting + 1} of a nesting at most ${limits.nesting}`));
  assert.ok(
    ds.some((d) => d.code === 'lww-on-money'),
    'the block after it is still checked',
  );
});

test('490 nested `mix(`: one limit-exceeded, no RangeError', () => {
  const text =
    'topology t {\n  region a { primary }\n  region b\n  link a <-> b ' +
    'mix(1 '.repeat(490) +
    'fixed(5ms)' +
    ')'.repeat(490) +
    '\n}\n' +
    neighbour;
  const ds = run(text);
  assert.equal(ds.filter((d) => d.code === 'limit-exceeded').length, 1);
  assert.ok(ds.some((d) => d.code === 'lww-on-money'));
});

test('nesting at the limit is read in full', () => {
  const depth = limits.nesting - 1; // the data block's own brace is one
  const text = 'data d {\n  consistency strong\n' + 'when amount > 1 {\n'.repeat(depth) + '}\n'.repeat(depth) + '}\n';
  assert.equal(run(text).filter((d) => d.code === 'limit-exceeded').length, 0);
});

test('keyword soup: at most the limit of syntax errors, then one diagnostic saying where reading stopped', () => {
  const text = neighbour + 'data when topology { region link } replicas ( mix , <-> when\n'.repeat(2000);
  const ds = run(text);
  assert.equal(ds.filter((d) => d.code === 'syntax-error').length, limits.syntaxErrors);
  const stop = ds.filter((d) => d.code === 'limit-exceeded' && /syntax errors/.test(d.message));
  assert.equal(stop.length, 1);
  const deep = ds.filter((d) => d.code === 'limit-exceeded' && /nesting/.test(d.message));
  assert.equal(deep.length, 1, 'brackets never closed: one nesting diagnostic, however many go too deep');
  assert.match(stop[0].message, /After 100 syntax errors .* from line \d+, is not read/);
  assert.ok(stop[0].range.start > 0 && stop[0].range.end <= text.length);
  assert.ok(
    ds.some((d) => d.code === 'lww-on-money'),
    'what came before is still checked',
  );
});

test('a file over the size limit is not read: one diagnostic at its start', () => {
  const text = `// ${'x'.repeat(limits.fileChars)}\n`;
  const ds = run(text);
  assert.deepEqual(
    ds.map((d) => [d.code, d.range.start, d.range.end]),
    [['limit-exceeded', 0, 0]],
  );
  assert.match(ds[0].message, /over the limit of 8,000,000/);
});
