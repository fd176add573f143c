// Support for the estimate rules: where a diagnostic about a sourced value goes (its property, or the
// data's reference to the tier it came from), the tier a fix may edit, and round numbers for fixes.
import type * as A from '../syntax/ast';
import type { Range } from '../util/range';
import type { DataModel, PolicyModel, Sourced, TierModel } from '../model/model';
import type { Currency } from './profile';

export interface Placement {
  uri: string;
  range: Range;
  /** The tier that set the value, when it came from one. */
  tier?: TierModel;
  /** True when a fix may edit where the value is written (not a built-in tier). */
  editable: boolean;
  /** e.g. "tier `rbi.high_value` sets " or "" for the data's own property. */
  setBy: string;
}

/** Where to report a value: its own property, else the data's `tier X` reference. */
export function placeOf(model: PolicyModel, data: DataModel, s: Sourced<unknown>): Placement {
  if (!s.tier) return { uri: s.origin.uri, range: s.origin.range, setBy: '', editable: true };
  const ref = data.props.tiers.find((t) => t.ref?.text === s.tier)?.ref;
  const tier = model.tiers.get(s.tier);
  return {
    uri: data.origin.uri,
    range: ref?.range ?? data.origin.range,
    tier,
    editable: !!tier && !tier.builtin,
    setBy: `tier \`${s.tier}\` sets `,
  };
}

/** The property node a sourced value was read from, in the data block or in its user tier. */
export function propertyOf<K extends A.PropertyKind>(
  data: DataModel,
  place: Placement,
  s: Sourced<unknown>,
  kind: K,
): { node: A.PropertyOf<K>; uri: string } | undefined {
  const body = s.tier ? place.tier?.decl.body : data.decl.body;
  const uri = s.tier ? place.tier?.origin.uri : data.origin.uri;
  const same = (p: A.Property): p is A.PropertyOf<K> =>
    p.kind === kind && p.range.start === s.origin.range.start && p.range.end === s.origin.range.end;
  // A level taken from a tier is sourced at the tier's name; its property is the tier's `consistency`.
  const node =
    body?.find(same) ??
    (s.tier && kind === 'consistency' ? (place.tier?.props.consistency as A.PropertyOf<K> | undefined) : undefined);
  return node && uri ? { node, uri } : undefined;
}

/** Rounds up to a number a person would write: 1, 2 … 10, 15, 20 … 100, 110 … 1000, 1100 … */
export function roundUpNice(x: number): number {
  const step = x <= 10 ? 1 : x <= 100 ? 5 : x <= 1000 ? 10 : x <= 10_000 ? 100 : 1000;
  return Math.ceil(x / step - 1e-9) * step;
}

/** A duration in the language's units: `150ms`, `1.2s`. */
export function durationText(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A monthly amount in the language's units, rounded up: `24 lakh/month`, `$25k/month`. */
export function moneyText(amount: number, currency: Currency, sign: boolean): string {
  if (currency === 'INR') {
    const [unit, div] = amount >= 1e7 ? ['crore', 1e7] : amount >= 1e5 ? ['lakh', 1e5] : ['k', 1e3];
    const v = Math.ceil((amount / div) * 10 - 1e-9) / 10;
    return `${sign ? '₹' : ''}${v}${unit === 'k' ? 'k' : ` ${unit}`}/month`;
  }
  const [unit, div] = amount >= 1e6 ? ['M', 1e6] : ['k', 1e3];
  return `${sign ? '$' : ''}${Math.ceil((amount / div) * 10 - 1e-9) / 10}${unit}/month`;
}
