// Which `when` branches can overlap, found by a sweep instead of comparing every two (when-overlap): when
// every branch bounds one common field by a range of one unit, branches can only overlap where those
// ranges meet, and a sweep over the ranges sorted by their lower end lists exactly the pairs that meet
// (ends counted as included: a superset the rule then checks exactly). Work: n log n plus the pairs found.
import type { FieldSet } from '../model/conditions';

/** For each branch, the earlier branches whose ranges on the common field meet its own, in order;
 *  undefined when there is no such field, or when the pairs would pass `budget` (then compare every two). */
export function meetingEarlier(sets: Map<string, FieldSet>[], budget: number): number[][] | undefined {
  const field = commonRangeField(sets);
  if (field === undefined) return undefined;
  const spans = sets.map((s) => {
    const r = s.get(field) as Extract<FieldSet, { kind: 'range' }>;
    return { lo: r.lo?.value ?? -Infinity, hi: r.hi?.value ?? Infinity };
  });
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].lo - spans[b].lo || a - b);
  const earlier: number[][] = sets.map(() => []);
  let active: number[] = [];
  let pairs = 0;
  for (const j of order) {
    active = active.filter((i) => spans[i].hi >= spans[j].lo); // every range still open meets this one
    for (const i of active) {
      if (++pairs > budget) return undefined;
      if (i < j) earlier[j].push(i);
      else earlier[i].push(j);
    }
    active.push(j);
  }
  for (const e of earlier) e.sort((a, b) => a - b);
  return earlier;
}

/** A field every branch bounds by a range, all in one unit. */
function commonRangeField(sets: Map<string, FieldSet>[]): string | undefined {
  if (sets.length === 0) return undefined;
  for (const [field, first] of sets[0]) {
    if (first.kind !== 'range') continue;
    const same = (s: Map<string, FieldSet>) => {
      const r = s.get(field);
      return r?.kind === 'range' && r.unit === first.unit;
    };
    if (sets.every(same)) return field;
  }
  return undefined;
}
