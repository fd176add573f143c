// Data types of one file, topology and level share the arrays their assumptions are put together from (the
// file's head, the core's, the workload's): each estimate must get a list of its own, so that a consumer that
// edits one (sorts, filters in place, appends) cannot change the estimates of the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/pipeline';
import { estimateData } from '../../../server/src/core/estimate/estimate';
import { india } from './helpers';

const policy = `${india}
data a { topology india consistency strong workload 28 lakh/day reads 50% }
data b { topology india consistency strong workload 28 lakh/day reads 50% }
data c { topology india consistency strong workload 28 lakh/day reads 50% }
data d { topology india }
data e { topology india }
`;

test('an estimate whose assumptions are edited leaves the shared parts, and so the other estimates, unchanged', () => {
  const { model } = analyze([{ uri: 'file:///shared.consistency', text: policy }]);
  const data = (name: string) => model.data.get(name)!;
  const before = ['a', 'b', 'c', 'd', 'e'].map((n) => [...estimateData(data(n), model).assumptions]);
  assert.deepEqual(before[0], before[1], 'a and b rest on the same assumptions (they share a core)');
  assert.ok(before[3].includes('no consistency level declared: estimated as eventual'));

  for (const n of ['a', 'd']) {
    const mine = estimateData(data(n), model).assumptions;
    assert.notEqual(mine, estimateData(data(n), model).assumptions, 'a fresh list per estimate');
    mine.reverse();
    mine.push('edited');
    mine.fill('edited', 0, mine.length - 1);
  }
  const after = ['a', 'b', 'c', 'd', 'e'].map((n) => estimateData(data(n), model).assumptions);
  assert.deepEqual(after, before);
});
