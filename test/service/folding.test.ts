// Folding ranges: blocks, block comments, runs of line comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges } from '../../server/src/service/folding';
import { fixture } from './helpers';

test('multi-line blocks fold to the line before their brace; comments fold as comments', () => {
  const f = fixture(`// one
// two
/* a
   b */
data x {
  consistency strong
  when amount >= 1 lakh {
    consistency strong
  }
  when amount < 1 lakh { consistency session }
}
// lone
topology t { region a }
`);
  assert.deepEqual(foldingRanges(f.s, f.uri), [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 3, kind: 'comment' },
    { startLine: 4, endLine: 9 },
    { startLine: 6, endLine: 7 },
  ]);
});
