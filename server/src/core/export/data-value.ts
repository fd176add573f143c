// One data type as a generated constant: level, tiers, SLAs, topology, replication, conflicts, `when`
// overrides, degradation, the estimate and the driver settings, each member with the line it came from.
import type { DataEstimate } from '../estimate/estimate';
import { levelDefs, resolveLevel, type Level } from '../model/levels';
import type { DataModel, Effective, Replication, Sourced, TierModel, TopologyModel } from '../model/model';
import type { Condition } from '../syntax/ast';
import { conditionsText, driverSettings, type DriverSettings, type DriverSystem } from '../stores/index';
import { assumedReplicas } from '../stores/input';
import { arr, m, obj, plain, type ObjectValue, type Value } from './emit';
import type { Sources } from './sources';

export interface DataContext {
  sources: Sources;
  estimate(d: DataModel): DataEstimate;
  currency: 'INR' | 'USD';
  /** The driver systems to give settings for (the policy's `store` declaration, else all), in order. */
  systems: readonly DriverSystem[];
}

const guaranteeOrder = [...levelDefs.strict_serializable.guarantees];
const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
const opt = (x: number | undefined) => (x === undefined ? null : round(x, 3));
const sig = (x: number, digits: number) => (Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x);

export function levelValue(l: Level | undefined, fromTier?: string): Value {
  if (!l) return null;
  return obj([
    m('name', l.name),
    m('display', l.display),
    m('guarantees', arr(guaranteeOrder.filter((g) => l.guarantees.has(g)))),
    m('maxStalenessMs', l.maxStalenessMs),
    m('maxStalenessVersions', l.maxStalenessVersions),
    m('fromTier', fromTier ?? null),
  ]);
}

function sourcedLevel(s: Sourced<Level> | undefined): Value {
  return s ? levelValue(s.value, s.tier) : null;
}

function replicationValue(r: Sourced<Replication> | undefined, topology: TopologyModel | undefined): Value {
  if (!r) return null;
  const v = r.value;
  return obj([
    m('mode', v.mode),
    m('writeQuorum', v.w),
    m('readQuorum', v.r),
    m('replicas', topology?.totalReplicas ?? assumedReplicas),
    m('assumed', v.assumed),
  ]);
}

function conditionValue(c: Condition): Value {
  const value = c.value ? ('kind' in c.value ? c.value.value : c.value.text) : null;
  return obj([
    m('field', c.field.text),
    m('op', c.op),
    m('value', value),
    m('text', `${c.field.text} ${c.op} ${c.value?.text ?? '?'}`),
  ]);
}

function driversValue(d: DriverSettings, systems: readonly DriverSystem[]): Value {
  return obj(systems.map((s) => m(s, plain(d[s]))));
}

function slasValue(e: Effective, ctx: DataContext): Value {
  const { sources } = ctx;
  const doc = <T>(s: Sourced<T> | undefined) => (s ? sources.doc(s.origin, { tier: s.tier }) : undefined);
  const latency = e.latency.map((l) =>
    obj([
      m('op', l.value.op),
      m('percentile', l.value.percentile),
      m('boundMs', l.value.boundMs),
      m('text', `${l.value.op} ${l.value.percentileText} <= ${l.value.boundText}`),
    ]),
  );
  const b = e.budget;
  return obj([
    m(
      'latency',
      arr(
        latency,
        e.latency.map((l) => doc(l)),
      ),
      e.latency.length ? undefined : ['no latency bound declared'],
    ),
    m('availabilityPct', e.availabilityPct?.value, doc(e.availabilityPct)),
    m('stalenessMs', e.stalenessMs?.value, doc(e.stalenessMs)),
    m(
      'budget',
      b
        ? obj([
            m('amount', b.value.amount),
            m('perMonth', round(b.value.perMonth)),
            m('currency', ctx.currency),
            m('text', b.value.text),
          ])
        : null,
      doc(b),
    ),
  ]);
}

function topologyValue(d: DataModel, ctx: DataContext): Value {
  const t = d.topology;
  if (!t) return null;
  const regions = [...t.regions.values()];
  return obj([
    m('name', t.name),
    m('assumed', d.topologyAssumed),
    m('totalReplicas', t.totalReplicas),
    m(
      'regions',
      arr(
        regions.map((r) => obj([m('name', r.name), m('replicas', r.replicas), m('primary', r.primary)])),
        regions.map((r) => ctx.sources.doc({ uri: r.origin.uri, range: r.decl.range })),
      ),
    ),
    m(
      'links',
      arr(
        t.links.map((l) => obj([m('a', l.a), m('b', l.b), m('rttMs', l.rttMs), m('jitterMs', l.jitterMs)])),
        t.links.map((l) => ctx.sources.doc(l.origin)),
      ),
    ),
  ]);
}

function estimateValue(d: DataModel, ctx: DataContext): Value {
  let e: DataEstimate;
  try {
    e = ctx.estimate(d);
  } catch {
    return null;
  }
  const pct = (p: DataEstimate['read']) =>
    obj([m('p50', round(p.p50)), m('p95', round(p.p95)), m('p99', round(p.p99))]);
  return obj([
    m('profile', e.profile),
    m('currency', e.currency),
    m('readMs', pct(e.read)),
    m('writeMs', pct(e.write)),
    m('replicationLagMs', round(e.replicationLagMs)),
    m('availabilityPct', sig(e.availabilityPct, 12)),
    m('monthlyCost', round(e.monthlyCost)),
    m('costPerOperation', e.costPerOperation === undefined ? null : sig(e.costPerOperation, 6)),
    m('capacityPerSec', round(e.capacityPerSec)),
    m('replication', e.replication ?? null),
    m('leaders', arr(e.leaders ?? [])),
    m(
      'costLines',
      arr(
        e.costLines.map((c) => obj([m('label', c.label), m('amount', round(c.amount)), m('detail', c.detail ?? null)])),
      ),
    ),
    m('assumptions', arr(e.assumptions)),
  ]);
}

/** A level's line: its `consistency` property, in the data type or in the tier it came from. */
function levelDoc(s: Sourced<Level> | undefined, tiers: TierModel[], ctx: DataContext): string[] | undefined {
  if (!s) return undefined;
  const p = s.tier ? tiers.find((t) => t.name === s.tier)?.props.consistency : undefined;
  return ctx.sources.doc(p ? { uri: s.origin.uri, range: p.range } : s.origin, { tier: s.tier });
}

function tierDoc(d: DataModel, t: TierModel, ctx: DataContext): string[] {
  const p = d.props.tiers.find((x) => x.ref?.text === t.name);
  const declared = `declared at ${ctx.sources.line(t.origin)}`;
  return p ? ctx.sources.doc({ uri: d.origin.uri, range: p.range }, { note: declared }) : [declared];
}

function primariesDoc(d: DataModel, ctx: DataContext): string[] | undefined {
  if (d.props.primary) return ctx.sources.doc({ uri: d.origin.uri, range: d.props.primary.range });
  const r = d.topology && [...d.topology.regions.values()].find((x) => x.primary);
  return r
    ? ctx.sources.doc({ uri: r.origin.uri, range: r.decl.range }, { note: "the topology's primary region" })
    : undefined;
}

export function dataValue(d: DataModel, ctx: DataContext): ObjectValue {
  const { sources } = ctx;
  const e = d.effective;
  const doc = <T>(s: Sourced<T> | undefined, none?: string) =>
    s ? sources.doc(s.origin, { tier: s.tier }) : none ? [none] : undefined;
  const overrides = d.whens.map((w) =>
    obj([
      m('when', arr(w.decl.conditions.map(conditionValue))),
      m('level', sourcedLevel(w.effective.level), levelDoc(w.effective.level, [...w.tiers, ...d.tiers], ctx)),
      m('tiers', arr(w.tiers.map((t) => t.name))),
      m('replication', replicationValue(w.effective.replication, d.topology), doc(w.effective.replication)),
      m('drivers', driversValue(driverSettings(w.effective, d.topology), ctx.systems)),
    ]),
  );
  const degrade = d.props.degrades.map((g) => {
    const r = g.level ? resolveLevel(g.level) : undefined;
    return obj([
      m('to', levelValue(r && 'level' in r ? r.level : undefined)),
      m('when', g.condition ? conditionValue(g.condition) : null),
    ]);
  });
  return obj([
    m('name', d.name, [`\`data ${d.name}\` — ${sources.line(d.origin)}`]),
    m('description', sources.leadingComment(d.origin.uri, d.decl.range.start) ?? null, [
      'The comments written directly above the declaration.',
    ]),
    m('level', sourcedLevel(e.level), levelDoc(e.level, d.tiers, ctx) ?? ['no consistency level declared']),
    m(
      'tiers',
      arr(
        d.tiers.map((t) => obj([m('name', t.name), m('builtin', t.builtin), m('level', t.level?.display ?? null)])),
        d.tiers.map((t) => tierDoc(d, t, ctx)),
      ),
    ),
    m('slas', slasValue(e, ctx)),
    m(
      'topology',
      topologyValue(d, ctx),
      d.topology
        ? [
            `topology ${d.topology.name} — ${sources.line(d.topology.origin)}` +
              (d.topologyAssumed ? ' (assumed: the only one in the policy)' : ''),
          ]
        : ['no topology'],
    ),
    m(
      'replication',
      replicationValue(e.replication, d.topology),
      e.replication
        ? sources.doc(e.replication.origin, {
            tier: e.replication.tier,
            note: e.replication.value.assumed ? 'assumed from the level' : undefined,
          })
        : undefined,
    ),
    m('primaries', arr(e.primaries), primariesDoc(d, ctx)),
    m('partition', e.partition?.value, doc(e.partition)),
    m('conflict', e.conflict?.value, doc(e.conflict)),
    m('category', e.category?.value, doc(e.category)),
    m('money', e.money, moneyDoc(e)),
    m(
      'workload',
      e.workload
        ? plain({
            avgPerSec: opt(e.workload.value.avgPerSec),
            peakPerSec: opt(e.workload.value.peakPerSec),
            readsPct: e.workload.value.readsPct,
            readsAssumed: e.workload.value.readsAssumed,
          })
        : null,
      doc(e.workload),
    ),
    m(
      'overrides',
      arr(
        overrides,
        d.whens.map((w) => {
          const line = sources.line({ uri: d.origin.uri, range: w.decl.keyword });
          return [`\`when ${conditionsText(w.decl.conditions)}\` — ${line}`];
        }),
      ),
    ),
    m(
      'degrade',
      arr(
        degrade,
        d.props.degrades.map((g) => sources.doc({ uri: d.origin.uri, range: g.range })),
      ),
    ),
    m('estimate', estimateValue(d, ctx), [
      'Estimated with the profile named below; every figure rests on `assumptions`.',
    ]),
    m('drivers', driversValue(driverSettings(e, d.topology), ctx.systems), [
      'Settings per targeted system (`store`, else all five); `unsupported`: what cannot be had exactly.',
    ]),
  ]);
}

/** Why the data is (or is declared not to be) money, for the generated comment; nothing when nothing says. */
function moneyDoc(e: Effective): string[] | undefined {
  if (!e.money && !e.moneyBasis.declared) return undefined;
  return [`${e.money ? 'money' : 'not money'}: ${e.moneyBasis.reason}`];
}
