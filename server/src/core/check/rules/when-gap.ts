// Values of a threshold left to the base level: two branches that split at a value but both exclude it
// (`> 1 lakh` / `< 1 lakh`), or a branch narrower than the `applies when` of the tier it names
// (source contradiction 34: "> ₹1 lakh" in prose, L3531, vs `>= 100000` in code, L3562).
//
// The gap may be intended (the base level is then what the boundary value gets); the tool guesses it is not:
// a warning, with the fix that closes it.
import { conditionText } from '../branches';
import { containsValue, describeSet, fieldSets, inclusiveOf, type Bound, type FieldSet } from '../../model/conditions';
import { implies, type Level } from '../../model/levels';
import type { DataModel, WhenModel } from '../../model/model';
import type * as A from '../../syntax/ast';
import type { Rule, RuleContext } from '../rule';

const show = (l: Level | undefined) => (l ? `\`${l.display}\`` : 'no level');

/** The condition of `w` on `field` with one of `ops` at `value`. */
function conditionAt(w: WhenModel, field: string, ops: string[], value: number): A.Condition | undefined {
  return w.decl.conditions.find(
    (c) => c.field.text === field && ops.includes(c.op) && c.value && 'kind' in c.value && c.value.value === value,
  );
}

/** Is `value` of `field` admitted by some branch (given each branch's field sets)? */
function covered(sets: Map<string, FieldSet>[], field: string, unit: string, value: number): boolean {
  return sets.some((fs) => {
    const s = fs.get(field);
    return !!s && containsValue(s, value, unit) !== false;
  });
}

/** The base level falls short of `wanted`, so the uncovered values matter. */
const matters = (d: DataModel, wanted: Level | undefined) =>
  !!wanted && !(d.effective.level && implies(d.effective.level.value, wanted));

/** Conditions already reported, so a gap that is both kinds is reported once (as the tier kind). */
type Seen = Set<number>;

function emit(
  ctx: RuleContext,
  seen: Seen,
  d: DataModel,
  c: A.Condition,
  message: string,
  title: string,
  edit: { range: A.Condition['range']; newText: string },
): void {
  if (seen.has(c.range.start)) return;
  seen.add(c.range.start);
  ctx.report({
    uri: d.origin.uri,
    range: c.range,
    message,
    fixes: [{ title, edits: [{ uri: d.origin.uri, ...edit }] }],
  });
}

/** (a) Two branches that split at a threshold and both exclude it. */
function splitGaps(ctx: RuleContext, seen: Seen, d: DataModel, sets: Map<string, FieldSet>[]): void {
  // The branches below an exclusive upper bound, by field, unit and bound: each pair is found by lookup,
  // not by comparing every two branches (thousands of branches stay linear).
  const key = (field: string, unit: unknown, value: number) => `${field}\u0000${String(unit)}\u0000${value}`;
  const belowAt = new Map<string, number[]>();
  sets.forEach((set, j) => {
    for (const [field, below] of set) {
      if (below.kind !== 'range' || !below.hi || below.hi.inclusive) continue;
      const k = key(field, below.unit, below.hi.value);
      const js = belowAt.get(k);
      if (js) js.push(j);
      else belowAt.set(k, [j]);
    }
  });
  const coveredAt = new Map<string, boolean>(); // once per threshold
  for (let i = 0; i < d.whens.length; i++) {
    for (const [field, above] of sets[i]) {
      if (above.kind !== 'range' || !above.lo || above.lo.inclusive) continue;
      const k = key(field, above.unit, above.lo.value);
      for (const j of belowAt.get(k) ?? []) {
        if (!coveredAt.has(k)) coveredAt.set(k, covered(sets, field, above.unit, above.lo.value));
        if (i === j || coveredAt.get(k)) continue;
        const [wa, wb] = [d.whens[i], d.whens[j]];
        const [la, lb] = [wa.effective.level?.value, wb.effective.level?.value];
        // The threshold goes to the stronger branch: the upper one unless the lower one is strictly stronger.
        const upward = !(la && lb && implies(lb, la) && !implies(la, lb));
        const [to, toLevel] = upward ? [wa, la] : [wb, lb];
        const c = conditionAt(to, field, upward ? ['>'] : ['<'], above.lo.value);
        if (!c || !matters(d, toLevel)) continue;
        const op = inclusiveOf(c.op);
        emit(
          ctx,
          seen,
          d,
          c,
          `\`when ${conditionText(wa.decl.conditions)}\` and \`when ` +
            `${conditionText(wb.decl.conditions)}\` of \`${d.name}\` both exclude ` +
            `${field} == ${above.lo.text}: that value falls to the base ` +
            `level ${show(d.effective.level?.value)}, not ${show(toLevel)}. ` +
            `Use \`${op}\` in one of them.`,
          `Change \`${c.op}\` to \`${op}\``,
          { range: c.opRange, newText: op },
        );
      }
    }
  }
}

/** The values in the tier's bound `t` that the branch's bound `b` leaves out (`lower`: both are lower bounds). */
function leftOut(t: Bound, b: Bound, lower: boolean): { from: Bound; to: Bound; witness: number } | undefined {
  const narrower = lower ? b.value > t.value : b.value < t.value;
  if (!narrower && !(b.value === t.value && t.inclusive && !b.inclusive)) return undefined;
  const to = { ...b, inclusive: !b.inclusive };
  const witness = t.inclusive ? t.value : to.inclusive ? b.value : (t.value + b.value) / 2;
  return { from: t, to, witness };
}

/** (b) A branch narrower than the `applies when` of a tier it names. */
function tierGaps(ctx: RuleContext, seen: Seen, d: DataModel, sets: Map<string, FieldSet>[]): void {
  for (let i = 0; i < d.whens.length; i++) {
    const w = d.whens[i];
    const ws = sets[i];
    for (const t of w.tiers) {
      if (!t.props.applies) continue; // no \`applies when\`: nothing to leave out
      const applies = t.props.applies.conditions;
      for (const [field, ts] of fieldSets(applies)) {
        const bs = ws.get(field);
        if (ts.kind !== 'range' || bs?.kind !== 'range' || ts.unit !== bs.unit) continue;
        for (const lower of [true, false]) {
          const [tb, bb] = lower ? [ts.lo, bs.lo] : [ts.hi, bs.hi];
          const gap = tb && bb && leftOut(tb, bb, lower);
          if (!tb || !bb || !gap || covered(sets, field, ts.unit, gap.witness) || !matters(d, t.level)) continue;
          const c = conditionAt(w, field, lower ? ['>', '>='] : ['<', '<='], bb.value);
          if (!c) continue;
          const tierOp = lower ? (tb.inclusive ? '>=' : '>') : tb.inclusive ? '<=' : '<';
          const boundary = tb.value === bb.value;
          const missed = describeSet(
            field,
            lower
              ? { kind: 'range', unit: ts.unit, lo: gap.from, hi: gap.to }
              : { kind: 'range', unit: ts.unit, lo: gap.to, hi: gap.from },
          );
          emit(
            ctx,
            seen,
            d,
            c,
            `\`when ${conditionText(w.decl.conditions)}\` of \`${d.name}\` names ` +
              `tier \`${t.name}\`, which applies when ${conditionText(applies)}: ` +
              `${missed}${boundary ? ' itself' : ''} falls to the base ` +
              `level ${show(d.effective.level?.value)}, not ${show(t.level)}` +
              `${boundary ? ' (source contradiction 34: "> ₹1 lakh" at L3531 vs `>= 100000` at L3562)' : ''}. ` +
              `Use the tier's \`${field} ${tierOp} ${tb.text}\`.`,
            boundary ? `Change \`${c.op}\` to \`${tierOp}\`` : `Use \`${field} ${tierOp} ${tb.text}\``,
            boundary
              ? { range: c.opRange, newText: tierOp }
              : { range: c.range, newText: `${field} ${tierOp} ${tb.text}` },
          );
        }
      }
    }
  }
}

export const rule: Rule = {
  code: 'when-gap',
  check(ctx) {
    for (const d of ctx.model.data.values()) {
      if (d.whens.length === 0) continue; // both kinds of gap are between branches
      const seen: Seen = new Set();
      const sets = d.whens.map((w) => fieldSets(w.decl.conditions)); // each branch's conditions, by field
      tierGaps(ctx, seen, d, sets);
      if (d.whens.length > 1) splitGaps(ctx, seen, d, sets); // a split is between two branches
    }
  },
};
