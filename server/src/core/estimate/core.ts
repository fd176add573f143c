// The part of an estimate that depends only on the network, the level's class and the replication
// (net, leaders, latency plans, lag, availability): memoised per topology, since many data types share
// one topology and level. Pure: the same inputs always give the same (shared, never mutated) result.
import { describe } from '../model/delay';
import { assumedReplication } from '../model/effective';
import { needsConsensus, type Level } from '../model/levels';
import type { Origin, PolicyModel, RegionModel, Replication, TopologyModel } from '../model/model';
import { writeAvailability, type AvailabilityDetail } from './availability';
import { replicationLag, type LagDetail } from './lag';
import {
  chooseLeaders,
  percentiles,
  readRoute,
  writeRoute,
  type LatencyPlan,
  type Route,
  type Routing,
} from './latency';
import { memoised } from '../util/memo';
import { maxModelledReplicas, netOf, type Net } from './net';
import { jitterNote } from './percentile';
import type { Percentiles } from './estimate';
import type { Profile } from './profile';
import type { StoreSystem } from '../model/stores';
import { systemPlan, type SystemPlan } from './systems/plan';
import { followable } from '../util/sources';

export interface CoreInput {
  profile: Profile;
  level: Level;
  topology: TopologyModel | undefined;
  topologyAssumed: boolean;
  /** The declared replication (an assumed one counts as none). */
  declared: Replication | undefined;
  primaries: string[];
  origin: Origin;
  /** The store model (`store cosmos` …) the estimate follows, when the file names a system. */
  system?: StoreSystem;
}

export interface EstimateCore {
  net: Net;
  n: number;
  costReplicas: number;
  rep: Replication;
  w: number;
  r: number;
  repText: string;
  /** `repText`, marked `(assumed)` when the policy did not say. */
  replicationText: string;
  consensus: boolean;
  regional: boolean;
  leaders: string[];
  /** Replicas outside the writing leader's region (mean over leaders, or over regions when regional). */
  remoteReplicas: number;
  wp: LatencyPlan;
  rp: LatencyPlan;
  /** Percentiles of `rp` and `wp`. */
  read: Percentiles;
  write: Percentiles;
  lag: LagDetail;
  availability: AvailabilityDetail;
  /** The assumptions these rest on, in the order the estimate lists them, already followable (util/sources.ts).
   *  Shared by every data type of the core: never mutate it (an estimate copies it into its own list). */
  assumptions: readonly string[];
  /** The store model's plan, when the estimate follows one. */
  plan?: SystemPlan;
}

export function estimateCore(model: PolicyModel, i: CoreInput): EstimateCore {
  const { level, declared } = i;
  const consensus = needsConsensus(level);
  // The core reads the level only through its cost class, whether it needs consensus and whether it is `regional`;
  // it is kept per topology (or, without one, per model), so it goes with the model.
  const own = declared && !declared.assumed ? declared : undefined;
  const key =
    `${level.name === 'regional'} ${level.costClass} ${consensus} ${i.topologyAssumed} ` +
    `${own ? `${own.mode} ${own.w} ${own.r}` : 'assumed'} ${i.primaries.join(',')} ${i.system ?? ''}`;
  const owner: object = i.topology ?? model;
  return memoised(owner, ['core', i.profile.name, key], () => computeCore(i, consensus, owner));
}

function computeCore(i: CoreInput, consensus: boolean, owner: object): EstimateCore {
  const { profile, level, topology } = i;
  const assumptions: string[] = [];
  const figures = profile.classes[level.costClass];
  // One net per topology (or model) and intra-region round trip, shared by its cores; the class's default
  // replica count matters only when no topology declares regions.
  const defaults = topology && topology.regions.size > 0 ? undefined : figures.defaultReplicas;
  const net = memoised(owner, ['net', profile.intraRegionRttMs, defaults], () =>
    netOf(topology, profile.intraRegionRttMs, figures.defaultReplicas),
  );
  const n = net.totalReplicas;
  if (!net.declared)
    assumptions.push(
      `no topology: one region holding ${n} replicas (the source calculator's default ` +
        `for ${level.costClass} levels, source L1923–L1935); clients in the same region`,
    );
  else {
    if (i.topologyAssumed) assumptions.push(`topology ${topology!.name} assumed: the only one in the workspace`);
    assumptions.push(
      `clients in every region of ${topology!.name} (${net.sites.map((s) => s.name).join(', ')}), ` +
        "equally weighted; p50 is the mean of the regions' medians, p95 and p99 the worst region's",
    );
  }
  const own: RegionModel[] = [];
  if (topology) for (const r of topology.regions.values()) if (r.rtt) own.push(r);
  if (own.length === 0) assumptions.push(profile.notes.intraRegion);
  else {
    const rest = own.length < topology!.regions.size ? `; elsewhere ${profile.notes.intraRegion}` : '';
    assumptions.push(
      `intra-region round trip as declared: ${own.map((r) => `${r.name} ${describe(r.rtt!)}`).join(', ')}${rest}`,
    );
  }
  const costReplicas = net.declared ? topology!.totalReplicas : n;
  if (costReplicas > n)
    assumptions.push(
      `regions with more than ${maxModelledReplicas} replicas are modelled as ` +
        `${maxModelledReplicas} for latency and availability (costs count all ${costReplicas})`,
    );

  const declared = i.declared;
  const rep = declared && !declared.assumed ? declared : assumedReplication(level, n, i.origin).value;
  const w = rep.mode === 'sync' ? n : rep.mode === 'async' ? 1 : Math.min(rep.w, n);
  const r = rep.mode === 'quorum' ? Math.min(rep.r, n) : 1;
  const repText = rep.mode === 'quorum' ? `quorum write ${w} read ${r} of ${n}` : `${rep.mode} (${n} replicas)`;
  if (rep.assumed)
    assumptions.push(
      'replication assumed: ' +
        `${rep.mode === 'quorum' ? `majority quorum (write ${w} of ${n}, read ${r})` : 'asynchronous'} ` +
        '(the policy does not say)',
    );
  if (rep.mode === 'quorum' && rep.w > n)
    assumptions.push(`write quorum ${rep.w} exceeds the ${n} replicas: estimated with ${n}`);

  const plan = i.system
    ? systemPlan({ system: i.system, profile, level, net, mode: rep.mode, w, r, consensus, primaries: i.primaries })
    : undefined;
  if (plan) assumptions.push(`store model: ${plan.title}`, ...plan.notes);
  const regional = level.name === 'regional' && !plan;
  const rnet = plan?.net ?? net;
  const routing = {
    net: rnet,
    mode: plan?.mode ?? rep.mode,
    w: plan?.w ?? w,
    r: plan?.r ?? r,
    regional,
    consensusReads: plan?.consensusReads ?? consensus,
  };
  const routed = routedOn(rnet, profile, routing, plan?.leaders ?? i.primaries, plan);
  const { leaders, lag, availability } = routed;
  assumptions.push(
    regional
      ? 'regional: each region leads its own writes with a majority ' +
          'of its replicas and replicates asynchronously to the others'
      : routed.note,
  );
  const wp: LatencyPlan = {
    needs: routed.write.needs,
    trips: routed.write.trips,
    service: plan?.write ?? figures.serviceMs,
  };
  const rp: LatencyPlan = {
    needs: routed.read.needs,
    trips: routed.read.trips,
    service: plan?.read ?? figures.serviceMs,
  };
  if (routed.cut.length)
    assumptions.push(`regions that cannot reach a leader over links are left out of latency: ${routed.cut.join(', ')}`);
  assumptions.push(routed.needs, ...(plan ? [] : [profile.notes.latency]), jitterNote);

  const apply = plan
    ? `the store's replication delay ${Number(plan.applyMsP99.toPrecision(3))} ms (p99)`
    : `apply time ${profile.applyMsP99} ms (p99, profile)`;
  assumptions.push(`replication lag = one-way delay to the farthest replica from the leader (p99) + ${apply}`);
  assumptions.push(
    availability.basis === 'sla'
      ? `availability is the store's published SLA (${availability.explanation})`
      : profile.notes.availability,
  );
  const remoteReplicas = regional
    ? net.sites.reduce((s, x) => s + (n - x.replicas), 0) / net.sites.length
    : leaders.reduce((s, l) => s + (n - (net.sites.find((x) => x.name === l)?.replicas ?? 0)), 0) / leaders.length;
  const text = plan ? planText(plan) : repText;
  return {
    net: rnet,
    n: rnet.totalReplicas,
    costReplicas,
    rep,
    w: routing.w,
    r: routing.r,
    repText: text,
    replicationText: `${text}${rep.assumed && !plan ? ' (assumed)' : ''}`,
    consensus,
    regional,
    leaders,
    remoteReplicas,
    wp,
    rp,
    read: percentiles(rp),
    write: percentiles(wp),
    lag,
    availability,
    assumptions: assumptions.map(followable),
    plan,
  };
}

function planText(p: SystemPlan): string {
  const n = p.net.totalReplicas;
  const unit = p.system === 'cosmos' || p.system === 'dynamodb' ? 'region' : 'replica';
  return p.mode === 'quorum'
    ? `quorum write ${p.w} read ${p.r} of ${n} ${unit}s`
    : `${p.mode} (${n} ${unit}${n > 1 ? 's' : ''})`;
}

/** What follows from the routing alone (leaders, round trips, lag, availability), whatever the level's class. */
interface Routed {
  leaders: string[];
  note: string;
  write: Route;
  read: Route;
  /** Regions left out of latency: no leader reachable. */
  cut: string[];
  /** `reads … ; writes …`, for the assumptions. */
  needs: string;
  lag: LagDetail;
  availability: AvailabilityDetail;
}

/** Per net: routed results by profile and routing, shared by the cores of level classes that route alike. */
function routedOn(
  net: Net,
  profile: Profile,
  base: Omit<Routing, 'leaders'>,
  primaries: string[],
  plan?: SystemPlan,
): Routed {
  const key =
    `${base.mode} ${base.w} ${base.r} ${base.regional} ` +
    `${base.consensusReads} ${primaries.join(',')} ${plan?.system ?? ''}`;
  return memoised(net, [profile.name, key], () => route(net, profile, base, primaries, plan));
}

function route(
  net: Net,
  profile: Profile,
  base: Omit<Routing, 'leaders'>,
  primaries: string[],
  plan?: SystemPlan,
): Routed {
  const { leaders, note } = chooseLeaders(net, primaries, base);
  const rt: Routing = {
    net: base.net,
    leaders,
    mode: base.mode,
    w: base.w,
    r: base.r,
    regional: base.regional,
    consensusReads: base.consensusReads,
  };
  const write = writeRoute(rt);
  const read = readRoute(rt);
  // A write route has at most one trip per site, in the sites' order: as many trips as sites leaves none out.
  const cut =
    write.trips.length === net.sites.length
      ? []
      : net.sites.filter((s) => !write.trips.some((t) => t.client === s.name)).map((s) => s.name);
  const lag = replicationLag(rt, plan?.applyMsP99 ?? profile.applyMsP99);
  const availability = plan
    ? plan.availability(leaders)
    : writeAvailability(
        net,
        base.w,
        base.mode,
        profile.regionAvailabilityPct,
        profile.replicaAvailabilityPct,
        base.regional ? net.sites.map((s) => s.name) : leaders,
      );
  return { leaders, note, write, read, cut, needs: `reads ${read.needs}; writes ${write.needs}`, lag, availability };
}
