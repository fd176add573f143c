// The blocks whose settings rules compare: a data type itself and each of its `when` branches, with the
// properties and tiers written in that block and a label for messages. Shared by the levels/tiers rules.
import type * as A from '../syntax/ast';
import { missing, type Level } from '../model/levels';
import type { DataModel, Effective, PropertySet, Sourced, TierModel, WhenModel } from '../model/model';
import { derived } from '../util/memo';

export interface Branch {
  data: DataModel;
  /** Undefined for the data block itself. */
  when?: WhenModel;
  /** Properties written in this block. */
  props: PropertySet;
  /** Tiers named in this block. */
  tiers: TierModel[];
  /** Every tier that applies here: the data type's, then the branch's. */
  allTiers: TierModel[];
  effective: Effective;
  /** "`fund_transfer`" or "`fund_transfer` when amount >= 1 lakh". */
  label: string;
}

/** `amount >= 1 lakh and channel == upi`. */
export function conditionText(conditions: A.Condition[]): string {
  return conditions.map((c) => `${c.field.text} ${c.op} ${c.value?.text ?? '?'}`).join(' and ');
}

/** Branches per data type, built once: a dozen rules ask for them (the model is never changed after it is built). */
export function branches(data: DataModel): Branch[] {
  return derived(data, computeBranches);
}

function computeBranches(data: DataModel): Branch[] {
  const out: Branch[] = [
    {
      data,
      props: data.props,
      tiers: data.tiers,
      allTiers: data.tiers,
      effective: data.effective,
      label: `\`${data.name}\``,
    },
  ];
  for (const w of data.whens) {
    out.push({
      data,
      when: w,
      props: w.props,
      tiers: w.tiers,
      allTiers: [...data.tiers, ...w.tiers],
      effective: w.effective,
      label: `\`${data.name}\` when ${conditionText(w.decl.conditions)}`,
    });
  }
  return out;
}

/**
 * Was this value set in the branch's own block (by a property or a tier named there), not inherited from the data type?
 */
export function setHere(b: Branch, v: Sourced<unknown> | undefined): boolean {
  if (!v) return false;
  if (!b.when) return true;
  if (v.tier !== undefined) return b.tiers.some((t) => t.name === v.tier);
  const r = v.origin.range;
  return r.start >= b.when.decl.range.start && r.end <= b.when.decl.range.end && v.origin.uri === b.data.origin.uri;
}

/** A stable key for a sourced value, to report a contradiction inherited by several branches once. */
export function originKey(v: Sourced<unknown> | undefined): string {
  return v ? `${v.origin.uri}#${v.origin.range.start}-${v.origin.range.end}#${v.tier ?? ''}` : '-';
}

/** Is `p` the property a sourced value was read from? */
export function isOrigin(p: { range: A.Property['range'] } | undefined, v: Sourced<unknown> | undefined): boolean {
  return (
    !!p && !!v && v.tier === undefined && p.range.start === v.origin.range.start && p.range.end === v.origin.range.end
  );
}

/** The `replication` property a branch's explicit replication was read from (its own, the data type's or a tier's). */
export function replicationProp(b: Branch): { prop: A.PropertyOf<'replication'>; uri: string } | undefined {
  const rep = b.effective.replication;
  if (!rep || rep.value.assumed) return undefined;
  if (rep.tier !== undefined) {
    const t = b.allTiers.find((x) => x.name === rep.tier);
    return t?.props.replication ? { prop: t.props.replication, uri: t.origin.uri } : undefined;
  }
  const p = isOrigin(b.props.replication, rep)
    ? b.props.replication
    : isOrigin(b.data.props.replication, rep)
      ? b.data.props.replication
      : undefined;
  return p ? { prop: p, uri: b.data.origin.uri } : undefined;
}

/** What level `a` lacks of level `b`, short for messages: `real-time` covers `regional-real-time`, staleness 0 once. */
export function lacking(a: Level, b: Level, ignore: string[] = []): string {
  let out = missing(a, b).filter((g) => !ignore.includes(g));
  if (out.includes('real-time')) out = out.filter((g) => g !== 'regional-real-time');
  if (out.includes('staleness ≤ 0 ms')) out = [...out.filter((g) => !g.startsWith('staleness ≤ 0 ')), 'staleness 0'];
  return out.join(', ');
}
