// Works out the settings a data type (or a `when` branch) ends up with: its own properties first, then
// what its tiers say, then documented defaults (docs/language.md#defaults).
import { diagnostic, type Diagnostic } from '../diagnostic';
import type * as A from '../syntax/ast';
import { implies, resolveLevel, type Level } from './levels';
import type { Effective, LatencyBound, PropertySet, Replication, SessionRouting, Sourced, TierModel } from './model';
import type { TopologyModel, Workload } from './model';
import { copyOf, fresh } from './effective-start';
import { moneyOf, moneyValue } from './money';
import { majority } from '../util/quorum';

export { moneyCategories } from './money';

/** Strategies and their variants; `last_writer_wins` takes an optional clock (physical by default). */
export const conflictStrategies: Record<string, string[]> = {
  abort: [],
  last_writer_wins: ['physical', 'logical'],
  merge: ['union', 'sum'],
  highest_sequence: [],
  lowest_amount: [],
  manual: [],
  keep_all_versions: [],
};
const conflictAliases: Record<string, string> = {
  lww: 'last_writer_wins',
  manual_review: 'manual',
  abort_transaction: 'abort',
};
/** Strategies whose variant may be left out (the first variant is the default). */
const optionalVariant = new Set(['last_writer_wins']);

export interface EffectiveContext {
  uri: string;
  diagnostics: Diagnostic[];
  topology?: TopologyModel;
  /** The data type's name, from which money may be inferred. */
  dataName?: string;
}

/** Resolves a written level, reporting an unknown name or bad arguments. */
export function levelOf(
  p: A.PropertyOf<'consistency'> | undefined,
  ctx: { uri: string; diagnostics: Diagnostic[] },
): Level | undefined {
  if (!p?.level) return undefined;
  const r = resolveLevel(p.level);
  if ('level' in r) return r.level;
  ctx.diagnostics.push(
    diagnostic({
      code: 'unknown-level',
      uri: ctx.uri,
      range: r.at.range,
      message: r.error,
      fixes: r.suggestion
        ? [
            {
              title: `Change to '${r.suggestion}'`,
              edits: [{ uri: ctx.uri, range: r.at.range, newText: r.suggestion }],
            },
          ]
        : undefined,
    }),
  );
  return undefined;
}

/** The strongest of several sourced levels: one that implies all the others if there is one, else the highest rank. */
export function strongest(levels: Sourced<Level>[]): Sourced<Level> | undefined {
  // Loops, not find/every/sort: this runs for every data type and branch.
  outer: for (const a of levels) {
    for (const b of levels) if (!implies(a.value, b.value)) continue outer;
    return a;
  }
  let best: Sourced<Level> | undefined; // the first of the highest rank
  for (const l of levels) if (!best || l.value.rank > best.value.rank) best = l;
  return best;
}

function sourced<T>(value: T, uri: string, node: { range: A.Property['range'] }, tier?: TierModel): Sourced<T> {
  return tier
    ? { value, origin: { uri: tier.origin.uri, range: node.range }, tier: tier.name }
    : { value, origin: { uri, range: node.range }, tier: undefined };
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The number of `p95`, `p99.9` (`p`, digits, maybe a point and digits); NaN for any other text. Scanned, not
 *  matched by a regular expression: this runs for every latency bound of every block. */
function percentNumber(t: string): number {
  const n = t.length;
  if (n < 2 || t.charCodeAt(0) !== 112 /* p */) return NaN;
  let i = 1;
  while (i < n && isDigit(t.charCodeAt(i))) i++;
  if (i === 1) return NaN;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 /* . */) return NaN;
    let j = i + 1;
    while (j < n && isDigit(t.charCodeAt(j))) j++;
    if (j === i + 1 || j !== n) return NaN;
  }
  return Number(t.slice(1));
}

function percentileOf(p: A.PropertyOf<'latency'>, ctx: EffectiveContext): number | 'avg' | undefined {
  const t = p.percentile?.text;
  if (!t) return undefined;
  if (t === 'avg' || t === 'mean') return 'avg';
  let v = percentNumber(t);
  if (v === v && /^p9{3,}$/.test(t)) v = Number(`99.${t.slice(3)}`); // p999 → 99.9, p9999 → 99.99
  if (!(v > 0 && v < 100)) {
    ctx.diagnostics.push(
      diagnostic({
        code: 'unknown-percentile',
        uri: ctx.uri,
        range: p.percentile!.range,
        message: `'${t}' is not a percentile; use p50, p95, p99, p99.9 or avg.`,
      }),
    );
    return undefined;
  }
  return v;
}

function replicationOf(p: A.PropertyOf<'replication'>, n: number, ctx: EffectiveContext): Replication | undefined {
  const mode = p.mode?.text;
  const m = majority(n);
  if (mode === 'sync') return { mode, w: n, r: 1, assumed: false };
  if (mode === 'async') return { mode, w: 1, r: 1, assumed: false };
  if (mode === 'quorum')
    return {
      mode,
      w: p.write?.value ?? m,
      r: p.read?.value ?? m,
      assumed: false,
      ...(p.random ? { random: true } : {}),
    };
  if (p.mode) {
    ctx.diagnostics.push(
      diagnostic({
        code: 'unknown-replication',
        uri: ctx.uri,
        range: p.mode.range,
        message: `Unknown replication '${mode}'; use sync, async or quorum write W read R.`,
      }),
    );
  }
  return undefined;
}

/** Reads a property into its value; `n` is the topology's replica count. */
type Reader<K extends keyof PropertySet, T> = (
  p: NonNullable<PropertySet[K]>,
  n: number,
  ctx: EffectiveContext,
) => T | undefined;

const readReplication: Reader<'replication', Replication> = (p, n, ctx) => replicationOf(p, n, ctx);
const readPartition: Reader<'partition', 'consistency' | 'availability'> = (p) => p.prefer;
const readConflict: Reader<'conflict', string> = (p, _n, ctx) => conflictOf(p, ctx);
const readCategory: Reader<'category', string> = (p) => p.value?.text;
const readClock: Reader<'conflict', 'physical' | 'logical'> = (p) =>
  p.variant?.text === 'logical'
    ? 'logical'
    : p.variant === undefined || p.variant.text === 'physical'
      ? 'physical'
      : undefined;
const readSessions: Reader<'sessions', SessionRouting> = (p, _n, ctx) => {
  const v = p.mode?.text;
  if (v === 'sticky' || v === 'roaming') return v;
  if (!p.mode) return undefined;
  const message = `'sessions' is sticky or roaming, not '${v}'.`;
  ctx.diagnostics.push(diagnostic({ code: 'unknown-value', uri: ctx.uri, range: p.mode.range, message }));
  return undefined;
};
const readMoney: Reader<'money', boolean> = (p, _n, ctx) => {
  const v = moneyValue(p);
  if (v === undefined && p.value) {
    const message = `'money' is written alone (the data holds money) or as \`money no\`, not '${p.value.text}'.`;
    ctx.diagnostics.push(diagnostic({ code: 'unknown-value', uri: ctx.uri, range: p.value.range, message }));
  }
  return v;
};
const readWorkload: Reader<'workload', Workload> = (p) => workloadOf(p);
const readBudget: Reader<'budget', NonNullable<Effective['budget']>['value']> = (p) =>
  p.amount
    ? { amount: p.amount.value, perMonth: p.amount.value * (30 / (p.amount.perDays ?? 30)), text: p.amount.text }
    : undefined;

/** A single-valued kind: the block's own value, else the first tier that sets it (read even when the read fails). */
function ownOrTier<K extends keyof PropertySet, T>(
  kind: K,
  read: Reader<K, T>,
  props: PropertySet,
  tiers: TierModel[],
  n: number,
  ctx: EffectiveContext,
): Sourced<T> | undefined {
  const p = props[kind] as NonNullable<PropertySet[K]> | undefined;
  const v = p ? read(p, n, ctx) : undefined;
  if (p && v !== undefined) return sourced(v, ctx.uri, p as { range: A.Property['range'] });
  for (const t of tiers) {
    const tp = t.props[kind] as NonNullable<PropertySet[K]> | undefined;
    if (tp === undefined) continue;
    const tv = read(tp, n, ctx);
    return tv !== undefined ? sourced(tv, ctx.uri, tp as { range: A.Property['range'] }, t) : undefined;
  }
  return undefined;
}

/** Adds a block's latency bounds (`tier` when they come from one); `inherited`, the list `e` started with, is
 *  shared with the base (or empty) and copied at the first bound added. */
function addLatency(
  e: Effective,
  latency: A.PropertyOf<'latency'>[],
  tier: TierModel | undefined,
  ctx: EffectiveContext,
  inherited: Effective['latency'],
): void {
  for (const l of latency) {
    const percentile = percentileOf(l, ctx);
    if (!l.op || percentile === undefined || !l.bound || !l.percentile) continue;
    const bound: LatencyBound = {
      op: l.op,
      percentile,
      percentileText: l.percentile.text,
      boundMs: l.bound.value,
      boundText: l.bound.text,
    };
    const s = sourced(bound, ctx.uri, l, tier);
    if (e.latency === inherited) e.latency = inherited.length === 0 ? [s] : [...inherited, s];
    else e.latency.push(s);
  }
}

/** Applies a block's own properties and its tiers on top of `base`. */
export function computeEffective(
  props: PropertySet,
  tiers: TierModel[],
  base: Effective | undefined,
  ctx: EffectiveContext,
): Effective {
  const { uri } = ctx;
  const n = ctx.topology?.totalReplicas ?? 3;
  const e = base ? copyOf(base) : fresh();
  // Plain loops below, not chains of map/filter/sort: this runs for every data type and `when` branch.
  const tierLevels: Sourced<Level>[] = [];
  for (const t of tiers) if (t.level) tierLevels.push({ value: t.level, origin: t.origin, tier: t.name });
  const floor = strongest(e.tierFloor ? [e.tierFloor, ...tierLevels] : tierLevels);
  if (floor) e.tierFloor = floor;

  const own = levelOf(props.consistency, ctx);
  if (own && props.consistency) e.level = sourced(own, uri, props.consistency);
  else if (tierLevels.length > 0) e.level = strongest(tierLevels);

  // Per kind: the block's own value, else the first tier that sets it, else what base had.
  e.replication = ownOrTier('replication', readReplication, props, tiers, n, ctx) ?? e.replication;
  e.partition = ownOrTier('partition', readPartition, props, tiers, n, ctx) ?? e.partition;
  e.conflict = ownOrTier('conflict', readConflict, props, tiers, n, ctx) ?? e.conflict;
  e.category = ownOrTier('category', readCategory, props, tiers, n, ctx) ?? e.category;
  e.workload = ownOrTier('workload', readWorkload, props, tiers, n, ctx) ?? e.workload;
  e.budget = ownOrTier('budget', readBudget, props, tiers, n, ctx) ?? e.budget;
  e.sessions = ownOrTier('sessions', readSessions, props, tiers, n, ctx) ?? e.sessions;
  const lww = e.conflict?.value === 'last_writer_wins';
  const clock = lww ? ownOrTier('conflict', readClock, props, tiers, n, ctx) : undefined;
  e.lwwClock = lww ? (clock?.value ?? e.lwwClock ?? 'physical') : undefined;

  // Requirements that only tighten: every source counts, the strictest wins (the first of equals: own, tiers, base).
  let avail: Sourced<number> | undefined;
  if (props.availability?.target) avail = sourced(props.availability.target.value, uri, props.availability);
  for (const t of tiers) {
    const a = t.props.availability;
    if (a?.target && (!avail || a.target.value > avail.value)) avail = sourced(a.target.value, uri, a, t);
  }
  if (base?.availabilityPct && (!avail || base.availabilityPct.value > avail.value)) avail = base.availabilityPct;
  e.availabilityPct = avail;
  let stale: Sourced<number> | undefined;
  if (props.staleness?.bound) stale = sourced(props.staleness.bound.value, uri, props.staleness);
  for (const t of tiers) {
    const s = t.props.staleness;
    if (s?.bound && (!stale || s.bound.value < stale.value)) stale = sourced(s.bound.value, uri, s, t);
  }
  if (base?.stalenessMs && (!stale || base.stalenessMs.value < stale.value)) stale = base.stalenessMs;
  e.stalenessMs = stale;

  const inherited = e.latency;
  addLatency(e, props.latency, undefined, ctx, inherited);
  for (const t of tiers) addLatency(e, t.props.latency, t, ctx, inherited);
  if (props.primary) e.primaries = props.primary.regions.map((r) => r.text);
  else if (!base && ctx.topology) e.primaries = ctx.topology.primaries;

  const declared = ownOrTier('money', readMoney, props, tiers, n, ctx);
  const dataName = ctx.dataName;
  e.moneyBasis = moneyOf({ props, tiers, base: base?.moneyBasis, category: e.category, declared, dataName });
  e.money = e.moneyBasis.value;
  // An assumed replication follows the level: a `when` branch that changes the level re-assumes it.
  if (e.level && (!e.replication || (e.replication.value.assumed && e.level !== base?.level)))
    e.replication = assumedReplication(e.level.value, n, e.level.origin);
  return e;
}

function conflictOf(p: A.PropertyOf<'conflict'>, ctx: EffectiveContext): string | undefined {
  if (!p.strategy) return undefined;
  const s = conflictAliases[p.strategy.text] ?? p.strategy.text;
  const variants = conflictStrategies[s];
  if (!variants) {
    ctx.diagnostics.push(
      diagnostic({
        code: 'unknown-conflict-strategy',
        uri: ctx.uri,
        range: p.strategy.range,
        message: `Unknown conflict strategy '${p.strategy.text}'; use ${Object.entries(conflictStrategies)
          .map(([k, v]) => (v.length ? v.map((x) => `${k} ${x}`).join(', ') : k))
          .join(', ')}.`,
      }),
    );
    return undefined;
  }
  if (variants.length > 0) {
    // An optional variant (the clock of last_writer_wins) is read separately: the value is the strategy.
    if (optionalVariant.has(s) && (!p.variant || variants.includes(p.variant.text))) return s;
    if (!p.variant || !variants.includes(p.variant.text)) {
      ctx.diagnostics.push(
        diagnostic({
          code: 'unknown-conflict-strategy',
          uri: ctx.uri,
          range: p.variant?.range ?? p.strategy.range,
          message: `'${s}' needs one of: ${variants.map((v) => `${s} ${v}`).join(', ')}.`,
        }),
      );
      return undefined;
    }
    return `${s} ${p.variant.text}`;
  }
  if (p.variant) {
    ctx.diagnostics.push(
      diagnostic({
        code: 'unknown-conflict-strategy',
        uri: ctx.uri,
        range: p.variant.range,
        message: `'${s}' takes no variant; remove '${p.variant.text}'.`,
      }),
    );
  }
  return s;
}

function workloadOf(p: A.PropertyOf<'workload'>): Workload | undefined {
  if (!p.volume && !p.peak) return undefined;
  return {
    avgPerSec: p.volume?.value,
    peakPerSec: p.peak?.value,
    readsPct: p.reads?.value ?? 50,
    readsAssumed: !p.reads,
  };
}

/** When the policy does not say: consensus levels replicate to a majority, others asynchronously. */
export function assumedReplication(level: Level, n: number, origin: Sourced<Level>['origin']): Sourced<Replication> {
  const m = majority(n);
  const strongish = level.guarantees.has('total_order');
  return {
    value: strongish ? { mode: 'quorum', w: m, r: m, assumed: true } : { mode: 'async', w: 1, r: 1, assumed: true },
    origin,
  };
}
