// The part of an estimate that depends only on the network, the level's class and the replication
// (net, leaders, latency plans, lag, availability): memoised per topology, since many data types share
// one topology and level. Pure: the same inputs always give the same (shared, never mutated) result.
import { assumedReplication } from '../model/effective';
import { needsConsensus, type Level } from '../model/levels';
import type { Origin, PolicyModel, Replication, TopologyModel } from '../model/model';
import { writeAvailability, type AvailabilityDetail } from './availability';
import { replicationLag, type LagDetail } from './lag';
import { chooseLeaders, readPlan, writePlan, type LatencyPlan } from './latency';
import { maxModelledReplicas, netOf, type Net } from './net';
import { jitterNote } from './percentile';
import type { Profile } from './profile';

export interface CoreInput {
  profile: Profile;
  level: Level;
  topology: TopologyModel | undefined;
  topologyAssumed: boolean;
  /** The declared replication (an assumed one counts as none). */
  declared: Replication | undefined;
  primaries: string[];
  origin: Origin;
}

export interface EstimateCore {
  net: Net;
  n: number;
  costReplicas: number;
  rep: Replication;
  w: number;
  r: number;
  repText: string;
  consensus: boolean;
  regional: boolean;
  leaders: string[];
  wp: LatencyPlan;
  rp: LatencyPlan;
  lag: LagDetail;
  availability: AvailabilityDetail;
  /** The assumptions these rest on, in the order the estimate lists them. */
  assumptions: string[];
}

/** Per topology (or, without one, per model): core results by key. Weak, so they go with the model. */
const caches = new WeakMap<object, Map<string, EstimateCore>>();
/** Per topology (or model): the net by intra-region round trip and default replica count, shared by its cores. */
const nets = new WeakMap<object, Map<string, Net>>();

function sharedNet(owner: object, topology: TopologyModel | undefined, intraRttMs: number, defaultReplicas: number): Net {
  let byKey = nets.get(owner);
  if (!byKey) nets.set(owner, (byKey = new Map()));
  const key = `${intraRttMs}\t${defaultReplicas}`;
  let net = byKey.get(key);
  if (!net) byKey.set(key, (net = netOf(topology, intraRttMs, defaultReplicas)));
  return net;
}

export function estimateCore(model: PolicyModel, i: CoreInput): EstimateCore {
  const { level, declared } = i;
  const consensus = needsConsensus(level);
  const key = [
    i.profile.name,
    level.name,
    level.costClass,
    consensus,
    i.topologyAssumed,
    declared && !declared.assumed ? `${declared.mode},${declared.w},${declared.r}` : 'assumed',
    i.primaries.join('\n'),
  ].join('\t');
  const owner: object = i.topology ?? model;
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  let core = cache.get(key);
  if (!core) cache.set(key, (core = computeCore(i, consensus, owner)));
  return core;
}

function computeCore(i: CoreInput, consensus: boolean, owner: object): EstimateCore {
  const { profile, level, topology } = i;
  const assumptions: string[] = [];
  const figures = profile.classes[level.costClass];
  const net = sharedNet(owner, topology, profile.intraRegionRttMs, figures.defaultReplicas);
  const n = net.totalReplicas;
  if (!net.declared) assumptions.push(`no topology: one region holding ${n} replicas (the source calculator's default for ${level.costClass} levels, source L1923–L1935); clients in the same region`);
  else {
    if (i.topologyAssumed) assumptions.push(`topology ${topology!.name} assumed: the only one in the workspace`);
    assumptions.push(`clients in every region of ${topology!.name} (${net.sites.map((s) => s.name).join(', ')}), equally weighted; p50 is the mean of the regions' medians, p95 and p99 the worst region's`);
  }
  assumptions.push(profile.notes.intraRegion);
  const costReplicas = net.declared ? topology!.totalReplicas : n;
  if (costReplicas > n) assumptions.push(`regions with more than ${maxModelledReplicas} replicas are modelled as ${maxModelledReplicas} for latency and availability (costs count all ${costReplicas})`);

  const declared = i.declared;
  const rep = declared && !declared.assumed ? declared : assumedReplication(level, n, i.origin).value;
  const w = rep.mode === 'sync' ? n : rep.mode === 'async' ? 1 : Math.min(rep.w, n);
  const r = rep.mode === 'quorum' ? Math.min(rep.r, n) : 1;
  const repText = rep.mode === 'quorum' ? `quorum write ${w} read ${r} of ${n}` : `${rep.mode} (${n} replicas)`;
  if (rep.assumed) assumptions.push(`replication assumed: ${rep.mode === 'quorum' ? `majority quorum (write ${w} of ${n}, read ${r})` : 'asynchronous'} (the policy does not say)`);
  if (rep.mode === 'quorum' && rep.w > n) assumptions.push(`write quorum ${rep.w} exceeds the ${n} replicas: estimated with ${n}`);

  const regional = level.name === 'regional';
  const base = { net, mode: rep.mode, w, r, regional, consensusReads: consensus };
  const { leaders, note } = chooseLeaders(net, i.primaries, base);
  assumptions.push(regional ? 'regional: each region leads its own writes with a majority of its replicas and replicates asynchronously to the others' : note);
  const rt = { ...base, leaders };
  const wp = writePlan(rt, figures.serviceMs);
  const rp = readPlan(rt, figures.serviceMs);
  const cut = net.sites.filter((s) => !wp.trips.some((t) => t.client === s.name)).map((s) => s.name);
  if (cut.length) assumptions.push(`regions that cannot reach a leader over links are left out of latency: ${cut.join(', ')}`);
  assumptions.push(`reads ${rp.needs}; writes ${wp.needs}`, profile.notes.latency, jitterNote);

  const lag = replicationLag(rt, profile.applyMsP99);
  assumptions.push(`replication lag = one-way delay to the farthest replica from the leader (p99) + apply time ${profile.applyMsP99} ms (p99, profile)`);
  const availability = writeAvailability(net, w, rep.mode, profile.regionAvailabilityPct, profile.replicaAvailabilityPct);
  assumptions.push(profile.notes.availability);
  return { net, n, costReplicas, rep, w, r, repText, consensus, regional, leaders, wp, rp, lag, availability, assumptions };
}
