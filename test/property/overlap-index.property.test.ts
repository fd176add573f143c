// The sweep that lists which `when` branches can overlap (check/overlap-index.ts) never misses a pair that
// the exact check finds: on random ranges of a common field (and a second field sometimes), every earlier
// branch that overlaps a branch is among its candidates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { meetingEarlier } from '../../server/src/core/check/overlap-index';
import { fieldSets, intersect, isEmpty } from '../../server/src/core/model/conditions';
import { analyze } from '../../server/src/core/pipeline';

const op = fc.constantFrom('<', '<=', '>', '>=', '==');
const condition = fc.tuple(fc.constantFrom('amount', 'amount', 'items'), op, fc.integer({ min: 0, max: 12 }));
const branches = fc.array(fc.array(condition, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 14 });

test('every overlapping pair is a candidate of the sweep', () => {
  fc.assert(
    fc.property(branches, (bs) => {
      const text =
        'data d {\n  consistency eventual\n' +
        bs.map((cs, k) => `  when ${cs.map((c) => c.join(' ')).join(' and ')} { staleness <= ${k + 1}s }\n`).join('') +
        '}\n';
      const d = analyze([{ uri: 'file:///o.consistency', text }]).model.data.get('d')!;
      const sets = d.whens.map((w) => fieldSets(w.decl.conditions));
      const meeting = meetingEarlier(sets, Infinity);
      if (!meeting) return; // no common range field: the rule compares every two
      for (let j = 0; j < sets.length; j++) {
        for (let i = 0; i < j; i++) {
          const shared = [...sets[i].keys()].filter((f) => sets[j].has(f));
          const meets = shared.every((f) => isEmpty(intersect(sets[i].get(f)!, sets[j].get(f)!)) === false);
          if (shared.length > 0 && meets) assert.ok(meeting[j].includes(i), `branches ${i} and ${j}`);
        }
      }
    }),
    { seed: 31, numRuns: 300 },
  );
});
