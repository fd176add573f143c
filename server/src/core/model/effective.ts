// Works out the settings a data type (or a `when` branch) ends up with: its own properties first, then
// what its tiers say, then documented defaults (docs/language.md#defaults).
import type { Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { implies, resolveLevel, type Level } from './levels';
import type { Effective, LatencyBound, PropertySet, Replication, Sourced, TierModel, TopologyModel, Workload } from './model';

export const conflictStrategies: Record<string, string[]> = {
  abort: [],
  last_writer_wins: [],
  merge: ['union', 'sum'],
  highest_sequence: [],
  lowest_amount: [],
  manual: [],
  keep_all_versions: [],
};
const conflictAliases: Record<string, string> = { lww: 'last_writer_wins', manual_review: 'manual', abort_transaction: 'abort' };

/** Categories that mark a data type as money. */
export const moneyCategories = new Set(['financial', 'finance', 'money', 'payment', 'payments', 'banking', 'ledger']);

export interface EffectiveContext {
  uri: string;
  diagnostics: Diagnostic[];
  topology?: TopologyModel;
}

/** Resolves a written level, reporting an unknown name or bad arguments. */
export function levelOf(p: A.PropertyOf<'consistency'> | undefined, ctx: { uri: string; diagnostics: Diagnostic[] }): Level | undefined {
  if (!p?.level) return undefined;
  const r = resolveLevel(p.level);
  if ('level' in r) return r.level;
  ctx.diagnostics.push({
    code: 'unknown-level',
    severity: 'error',
    uri: ctx.uri,
    range: r.at.range,
    message: r.error,
    fixes: r.suggestion ? [{ title: `Change to '${r.suggestion}'`, edits: [{ uri: ctx.uri, range: r.at.range, newText: r.suggestion }] }] : undefined,
  });
  return undefined;
}

/** The strongest of several sourced levels: one that implies all the others if there is one, else the highest rank. */
export function strongest(levels: Sourced<Level>[]): Sourced<Level> | undefined {
  return (
    levels.find((a) => levels.every((b) => implies(a.value, b.value))) ??
    [...levels].sort((a, b) => b.value.rank - a.value.rank)[0]
  );
}

function sourced<T>(value: T, uri: string, node: { range: A.Property['range'] }, tier?: TierModel): Sourced<T> {
  return tier ? { value, origin: { uri: tier.origin.uri, range: node.range }, tier: tier.name } : { value, origin: { uri, range: node.range }, tier: undefined };
}

function percentileOf(p: A.PropertyOf<'latency'>, ctx: EffectiveContext): number | 'avg' | undefined {
  const t = p.percentile?.text;
  if (!t) return undefined;
  if (t === 'avg' || t === 'mean') return 'avg';
  const m = /^p(\d+(?:\.\d+)?)$/.exec(t);
  let v = m ? Number(m[1]) : NaN;
  if (m && /^p9{3,}$/.test(t)) v = Number(`99.${t.slice(3)}`); // p999 → 99.9, p9999 → 99.99
  if (!(v > 0 && v < 100)) {
    ctx.diagnostics.push({ code: 'unknown-percentile', severity: 'error', uri: ctx.uri, range: p.percentile!.range, message: `'${t}' is not a percentile; use p50, p95, p99, p99.9 or avg.` });
    return undefined;
  }
  return v;
}

function replicationOf(p: A.PropertyOf<'replication'>, n: number, ctx: EffectiveContext): Replication | undefined {
  const mode = p.mode?.text;
  const majority = Math.floor(n / 2) + 1;
  if (mode === 'sync') return { mode, w: n, r: 1, assumed: false };
  if (mode === 'async') return { mode, w: 1, r: 1, assumed: false };
  if (mode === 'quorum') return { mode, w: p.write?.value ?? majority, r: p.read?.value ?? majority, assumed: false };
  if (p.mode) {
    ctx.diagnostics.push({ code: 'unknown-replication', severity: 'error', uri: ctx.uri, range: p.mode.range, message: `Unknown replication '${mode}'; use sync, async or quorum write W read R.` });
  }
  return undefined;
}

/** Applies a block's own properties and its tiers on top of `base`. */
export function computeEffective(props: PropertySet, tiers: TierModel[], base: Effective | undefined, ctx: EffectiveContext): Effective {
  const { uri } = ctx;
  const n = ctx.topology?.totalReplicas ?? 3;
  const e: Effective = base ? { ...base, latency: [...base.latency], primaries: [...base.primaries] } : { latency: [], primaries: [], money: false };
  const tierLevels = tiers.flatMap((t) => (t.level ? [{ value: t.level, origin: t.origin, tier: t.name }] : []));
  const floor = strongest([...(e.tierFloor ? [e.tierFloor] : []), ...tierLevels]);
  if (floor) e.tierFloor = floor;

  const own = levelOf(props.consistency, ctx);
  if (own && props.consistency) e.level = sourced(own, uri, props.consistency);
  else if (tierLevels.length > 0) e.level = strongest(tierLevels);

  // Per kind: the block's own value, else the first tier that sets it, else what base had.
  const fromTiers = <T>(pick: (ps: PropertySet) => T | undefined): { v: T; t: TierModel } | undefined => {
    for (const t of tiers) {
      const v = pick(t.props);
      if (v !== undefined) return { v, t };
    }
    return undefined;
  };
  const pickOwnOrTier = <P extends { range: A.Property['range'] }, T>(
    pick: (ps: PropertySet) => P | undefined,
    read: (p: P) => T | undefined,
  ): Sourced<T> | undefined => {
    const p = pick(props);
    const v = p ? read(p) : undefined;
    if (p && v !== undefined) return sourced(v, uri, p);
    const t = fromTiers(pick);
    const tv = t ? read(t.v) : undefined;
    return t && tv !== undefined ? sourced(tv, uri, t.v, t.t) : undefined;
  };

  e.replication = pickOwnOrTier((ps) => ps.replication, (p) => replicationOf(p, n, ctx)) ?? e.replication;
  e.partition = pickOwnOrTier((ps) => ps.partition, (p) => p.prefer) ?? e.partition;
  e.conflict = pickOwnOrTier((ps) => ps.conflict, (p) => conflictOf(p, ctx)) ?? e.conflict;
  e.category = pickOwnOrTier((ps) => ps.category, (p) => p.value?.text) ?? e.category;
  e.workload = pickOwnOrTier((ps) => ps.workload, workloadOf) ?? e.workload;
  e.budget = pickOwnOrTier((ps) => ps.budget, (p) => (p.amount ? { amount: p.amount.value, perMonth: p.amount.value * (30 / (p.amount.perDays ?? 30)), text: p.amount.text } : undefined)) ?? e.budget;

  // Requirements that only tighten: every source counts, the strictest wins.
  const avail = [props, ...tiers.map((t) => t.props)]
    .map((ps, i) => (ps.availability?.target ? sourced(ps.availability.target.value, uri, ps.availability, i === 0 ? undefined : tiers[i - 1]) : undefined))
    .filter((x): x is Sourced<number> => !!x);
  if (base?.availabilityPct) avail.push(base.availabilityPct);
  e.availabilityPct = avail.sort((a, b) => b.value - a.value)[0];
  const stale = [props, ...tiers.map((t) => t.props)]
    .map((ps, i) => (ps.staleness?.bound ? sourced(ps.staleness.bound.value, uri, ps.staleness, i === 0 ? undefined : tiers[i - 1]) : undefined))
    .filter((x): x is Sourced<number> => !!x);
  if (base?.stalenessMs) stale.push(base.stalenessMs);
  e.stalenessMs = stale.sort((a, b) => a.value - b.value)[0];

  for (const [ps, tier] of [[props, undefined], ...tiers.map((t) => [t.props, t] as const)] as const) {
    for (const l of ps.latency) {
      const percentile = percentileOf(l, ctx);
      if (!l.op || percentile === undefined || !l.bound || !l.percentile) continue;
      const bound: LatencyBound = { op: l.op, percentile, percentileText: l.percentile.text, boundMs: l.bound.value, boundText: l.bound.text };
      e.latency.push(sourced(bound, uri, l, tier));
    }
  }
  if (props.primary) e.primaries = props.primary.regions.map((r) => r.text);
  else if (!base && ctx.topology) e.primaries = [...ctx.topology.regions.values()].filter((r) => r.primary).map((r) => r.name);

  e.money =
    e.money ||
    (e.category !== undefined && moneyCategories.has(e.category.value)) ||
    props.whens.some((w) => w.conditions.some((c) => c.field.text === 'amount'));
  // An assumed replication follows the level: a `when` branch that changes the level re-assumes it.
  if (e.level && (!e.replication || (e.replication.value.assumed && e.level !== base?.level))) e.replication = assumedReplication(e.level.value, n, e.level.origin);
  return e;
}

function conflictOf(p: A.PropertyOf<'conflict'>, ctx: EffectiveContext): string | undefined {
  if (!p.strategy) return undefined;
  const s = conflictAliases[p.strategy.text] ?? p.strategy.text;
  const variants = conflictStrategies[s];
  if (!variants) {
    ctx.diagnostics.push({ code: 'unknown-conflict-strategy', severity: 'error', uri: ctx.uri, range: p.strategy.range, message: `Unknown conflict strategy '${p.strategy.text}'; use ${Object.entries(conflictStrategies).map(([k, v]) => (v.length ? v.map((x) => `${k} ${x}`).join(', ') : k)).join(', ')}.` });
    return undefined;
  }
  if (variants.length > 0) {
    if (!p.variant || !variants.includes(p.variant.text)) {
      ctx.diagnostics.push({ code: 'unknown-conflict-strategy', severity: 'error', uri: ctx.uri, range: p.variant?.range ?? p.strategy.range, message: `'${s}' needs one of: ${variants.map((v) => `${s} ${v}`).join(', ')}.` });
      return undefined;
    }
    return `${s} ${p.variant.text}`;
  }
  if (p.variant) {
    ctx.diagnostics.push({ code: 'unknown-conflict-strategy', severity: 'error', uri: ctx.uri, range: p.variant.range, message: `'${s}' takes no variant; remove '${p.variant.text}'.` });
  }
  return s;
}

function workloadOf(p: A.PropertyOf<'workload'>): Workload | undefined {
  if (!p.volume && !p.peak) return undefined;
  return { avgPerSec: p.volume?.value, peakPerSec: p.peak?.value, readsPct: p.reads?.value ?? 50, readsAssumed: !p.reads };
}

/** When the policy does not say: consensus levels replicate to a majority, others asynchronously. */
export function assumedReplication(level: Level, n: number, origin: Sourced<Level>['origin']): Sourced<Replication> {
  const majority = Math.floor(n / 2) + 1;
  const strongish = level.guarantees.has('total_order');
  return { value: strongish ? { mode: 'quorum', w: majority, r: majority, assumed: true } : { mode: 'async', w: 1, r: 1, assumed: true }, origin };
}
