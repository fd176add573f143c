// Interval logic over `when` / `applies when` conditions: the values of each field that a conjunction of
// conditions admits, their intersection, and formatting for messages. Used by when-overlap and when-gap.
import type { Comparator, Condition } from '../syntax/ast';

/** One end of an interval, with the text it was written as (`1 lakh`) for messages. */
export interface Bound {
  value: number;
  text: string;
  inclusive: boolean;
}

/** The values of one field a conjunction admits. `unknown`: mixed units or `!=` on numbers, not reasoned about. */
export type FieldSet =
  | { kind: 'range'; unit: string; lo?: Bound; hi?: Bound }
  | { kind: 'in'; values: string[] }
  | { kind: 'notIn'; values: string[] }
  | { kind: 'unknown' };

const all: FieldSet = { kind: 'unknown' };

/** Amounts written with or without a suffix compare with each other: `1 lakh` (count) vs `₹50000` (money). */
function unitOf(kind: string): string {
  return kind === 'money' || kind === 'count' ? 'amount' : kind;
}

/** The set a single condition admits. */
export function conditionSet(c: Condition): FieldSet {
  const v = c.value;
  if (!v) return all;
  if (!('kind' in v)) {
    if (c.op === '==') return { kind: 'in', values: [v.text] };
    if (c.op === '!=') return { kind: 'notIn', values: [v.text] };
    return all;
  }
  const b = (inclusive: boolean): Bound => ({ value: v.value, text: v.text, inclusive });
  const unit = unitOf(v.kind);
  switch (c.op) {
    case '>':
      return { kind: 'range', unit, lo: b(false) };
    case '>=':
      return { kind: 'range', unit, lo: b(true) };
    case '<':
      return { kind: 'range', unit, hi: b(false) };
    case '<=':
      return { kind: 'range', unit, hi: b(true) };
    case '==':
      return { kind: 'range', unit, lo: b(true), hi: b(true) };
    default:
      return all;
  }
}

function tighter(a: Bound | undefined, b: Bound | undefined, pickHigher: boolean): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value !== b.value) return a.value > b.value === pickHigher ? a : b;
  return a.inclusive ? b : a; // same value: the exclusive one is tighter
}

/** Values in both sets; `unknown` when the two cannot be compared. */
export function intersect(a: FieldSet, b: FieldSet): FieldSet {
  if (a.kind === 'unknown' || b.kind === 'unknown') return all;
  if (a.kind === 'range' || b.kind === 'range') {
    if (a.kind !== 'range' || b.kind !== 'range' || a.unit !== b.unit) return all;
    return { kind: 'range', unit: a.unit, lo: tighter(a.lo, b.lo, true), hi: tighter(a.hi, b.hi, false) };
  }
  if (a.kind === 'in' && b.kind === 'in') return { kind: 'in', values: a.values.filter((x) => b.values.includes(x)) };
  if (a.kind === 'notIn' && b.kind === 'notIn')
    return { kind: 'notIn', values: [...new Set([...a.values, ...b.values])] };
  const [inc, exc] = a.kind === 'in' ? [a, b as { values: string[] }] : [b as { values: string[] }, a];
  return { kind: 'in', values: inc.values.filter((x) => !exc.values.includes(x)) };
}

/** True when no value fits; undefined when that cannot be told. */
export function isEmpty(s: FieldSet): boolean | undefined {
  switch (s.kind) {
    case 'unknown':
      return undefined;
    case 'in':
      return s.values.length === 0;
    case 'notIn':
      return false;
    case 'range':
      if (!s.lo || !s.hi) return false;
      return s.lo.value > s.hi.value || (s.lo.value === s.hi.value && !(s.lo.inclusive && s.hi.inclusive));
  }
}

/** Does the set hold the number `v`? Undefined when it cannot be told. */
export function containsValue(s: FieldSet | undefined, v: number, unit: string): boolean | undefined {
  if (!s) return true; // an unconstrained field admits everything
  if (s.kind !== 'range') return undefined;
  if (s.unit !== unit) return undefined;
  if (s.lo && (v < s.lo.value || (v === s.lo.value && !s.lo.inclusive))) return false;
  if (s.hi && (v > s.hi.value || (v === s.hi.value && !s.hi.inclusive))) return false;
  return true;
}

/** Per field, the intersection of every condition on it. */
export function fieldSets(conditions: Condition[]): Map<string, FieldSet> {
  const out = new Map<string, FieldSet>();
  for (const c of conditions) {
    const f = c.field.text;
    const s = conditionSet(c);
    const prev = out.get(f);
    out.set(f, prev ? intersect(prev, s) : s);
  }
  return out;
}

/** `amount >= 1 lakh`, `amount == 1 lakh`, `amount > 50000 and amount < 1 lakh`, `region == mumbai`. */
export function describeSet(field: string, s: FieldSet): string {
  switch (s.kind) {
    case 'unknown':
      return `some values of ${field}`;
    case 'in':
      return s.values.map((v) => `${field} == ${v}`).join(' or ');
    case 'notIn':
      return s.values.map((v) => `${field} != ${v}`).join(' and ');
    case 'range': {
      if (s.lo && s.hi && s.lo.value === s.hi.value) return `${field} == ${s.lo.text}`;
      const parts = [
        s.lo && `${field} ${s.lo.inclusive ? '>=' : '>'} ${s.lo.text}`,
        s.hi && `${field} ${s.hi.inclusive ? '<=' : '<'} ${s.hi.text}`,
      ];
      return parts.filter((p) => !!p).join(' and ') || `any ${field}`;
    }
  }
}

/** The comparator that admits the bound itself: `>` → `>=`, `<` → `<=`. */
export function inclusiveOf(op: Comparator): Comparator {
  return op === '>' ? '>=' : op === '<' ? '<=' : op;
}
