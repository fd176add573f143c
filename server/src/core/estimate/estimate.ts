// Estimates for one data type: latency percentiles, replication lag, availability, monthly cost,
// capacity, each with the assumptions it rests on. (Entry point; the model lives in this folder.)
import { assumedReplication } from '../model/effective';
import { namedLevel, needsConsensus, type Level } from '../model/levels';
import type { DataModel, PolicyModel, Replication } from '../model/model';
import { writeAvailability, type AvailabilityDetail } from './availability';
import { capacityOf, type CapacityDetail } from './capacity';
import { monthlyCost } from './cost';
import type { LagDetail } from './lag';
import { replicationLag } from './lag';
import { chooseLeaders, percentiles, readPlan, writePlan, type LatencyPlan, type Routing } from './latency';
import { maxModelledReplicas, netOf } from './net';
import { jitterNote } from './percentile';
import { conversionNote, defaultProfileName, profileNamed } from './profiles/index';
import { describeWorkload, type WorkloadDetail } from './workload';

export { formatMoney } from './format';
export type { AvailabilityDetail, CapacityDetail, LagDetail, LatencyPlan, WorkloadDetail };

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface CostLine {
  label: string;
  /** In the estimate's currency, per month. */
  amount: number;
  /** The arithmetic behind the amount, e.g. `7 × ₹25,000`. */
  detail?: string;
}

export interface DataEstimate {
  data: string;
  profile: string;
  currency: 'INR' | 'USD';
  /** Milliseconds, as seen by clients. */
  read: Percentiles;
  write: Percentiles;
  /** How far the slowest replica trails a committed write, p99, ms. */
  replicationLagMs: number;
  /** Availability of writes under the replication and topology, percent. */
  availabilityPct: number;
  monthlyCost: number;
  costLines: CostLine[];
  /** Monthly cost divided by monthly operations. */
  costPerOperation?: number;
  /** Operations per second the level sustains on this topology, per the profile. */
  capacityPerSec: number;
  /** Every assumption the numbers rest on, in words. */
  assumptions: string[];
  /** The level estimated (display form) and the replication used, e.g. `quorum 4 of 7 (assumed)`. */
  level?: string;
  replication?: string;
  /** Regions that lead writes. */
  leaders?: string[];
  /** Round trips per client region behind `read` and `write`. */
  readPlan?: LatencyPlan;
  writePlan?: LatencyPlan;
  lag?: LagDetail;
  availability?: AvailabilityDetail;
  capacity?: CapacityDetail;
  workload?: WorkloadDetail;
}

/** What-if inputs: estimate the data type as if it had this level and/or replication. */
export interface EstimateOverrides {
  level?: Level;
  replication?: Replication;
}

export function estimateData(data: DataModel, model: PolicyModel): DataEstimate {
  return estimateWith(data, model, {});
}

export function estimateWith(data: DataModel, model: PolicyModel, o: EstimateOverrides): DataEstimate {
  const assumptions: string[] = [];
  const file = model.files.find((f) => f.uri === data.origin.uri);
  const wanted = file?.profile?.value;
  const profile = profileNamed(wanted) ?? profileNamed(defaultProfileName)!;
  if (profile.name !== (wanted ?? defaultProfileName)) assumptions.push(`profile '${wanted}' is not built in; estimated with ${profile.name}`);
  const currency = file?.currency?.value ?? profile.currency;
  if (currency !== profile.currency) assumptions.push(conversionNote);

  const level = o.level ?? data.effective.level?.value ?? namedLevel('eventual');
  if (!o.level && !data.effective.level) assumptions.push('no consistency level declared: estimated as eventual');
  const figures = profile.classes[level.costClass];
  const net = netOf(data.topology, profile.intraRegionRttMs, figures.defaultReplicas);
  const n = net.totalReplicas;
  if (!net.declared) assumptions.push(`no topology: one region holding ${n} replicas (the source calculator's default for ${level.costClass} levels, source L1923–L1935); clients in the same region`);
  else {
    if (data.topologyAssumed) assumptions.push(`topology ${data.topology!.name} assumed: the only one in the workspace`);
    assumptions.push(`clients in every region of ${data.topology!.name} (${net.sites.map((s) => s.name).join(', ')}), equally weighted; p50 is the mean of the regions' medians, p95 and p99 the worst region's`);
  }
  assumptions.push(profile.notes.intraRegion);
  const costReplicas = net.declared ? data.topology!.totalReplicas : n;
  if (costReplicas > n) assumptions.push(`regions with more than ${maxModelledReplicas} replicas are modelled as ${maxModelledReplicas} for latency and availability (costs count all ${costReplicas})`);

  const declared = o.replication ?? data.effective.replication?.value;
  const rep = declared && !declared.assumed ? declared : assumedReplication(level, n, data.origin).value;
  const w = rep.mode === 'sync' ? n : rep.mode === 'async' ? 1 : Math.min(rep.w, n);
  const r = rep.mode === 'quorum' ? Math.min(rep.r, n) : 1;
  const repText = rep.mode === 'quorum' ? `quorum write ${w} read ${r} of ${n}` : `${rep.mode} (${n} replicas)`;
  if (rep.assumed) assumptions.push(`replication assumed: ${rep.mode === 'quorum' ? `majority quorum (write ${w} of ${n}, read ${r})` : 'asynchronous'} (the policy does not say)`);
  if (rep.mode === 'quorum' && rep.w > n) assumptions.push(`write quorum ${rep.w} exceeds the ${n} replicas: estimated with ${n}`);

  const consensus = needsConsensus(level);
  const regional = level.name === 'regional';
  const base = { net, mode: rep.mode, w, r, regional, consensusReads: consensus };
  const { leaders, note } = chooseLeaders(net, data.effective.primaries, base);
  assumptions.push(regional ? 'regional: each region leads its own writes with a majority of its replicas and replicates asynchronously to the others' : note);
  const rt: Routing = { ...base, leaders };
  const wp = writePlan(rt, figures.serviceMs);
  const rp = readPlan(rt, figures.serviceMs);
  const cut = net.sites.filter((s) => !wp.trips.some((t) => t.client === s.name)).map((s) => s.name);
  if (cut.length) assumptions.push(`regions that cannot reach a leader over links are left out of latency: ${cut.join(', ')}`);
  assumptions.push(`reads ${rp.needs}; writes ${wp.needs}`, profile.notes.latency, jitterNote);

  const lag = replicationLag(rt, profile.applyMsP99);
  assumptions.push(`replication lag = one-way delay to the farthest replica from the leader (p99) + apply time ${profile.applyMsP99} ms (p99, profile)`);
  const availability = writeAvailability(net, w, rep.mode, profile.regionAvailabilityPct, profile.replicaAvailabilityPct);
  assumptions.push(profile.notes.availability);

  const wl = describeWorkload(data.effective.workload?.value, profile);
  assumptions.push(...wl.assumptions);
  const remote = regional ? net.sites.reduce((s, x) => s + (n - x.replicas), 0) / net.sites.length : leaders.reduce((s, l) => s + (n - (net.sites.find((x) => x.name === l)?.replicas ?? 0)), 0) / leaders.length;
  const cost = monthlyCost({ profile, costClass: level.costClass, replicas: costReplicas, monthlyOps: wl.detail?.monthlyOperations ?? 0, monthlyWrites: wl.detail?.monthlyWrites ?? 0, remoteReplicas: remote, currency });
  assumptions.push(profile.notes.cost, `each write sends ${profile.bytesPerWrite / 1000} KB to each replica outside the leader's region (assumption)`);

  const capacity = capacityOf(figures.capacityPerSec, figures.capacitySource, consensus, n, consensus && rep.mode === 'quorum' && r > 1 ? r : undefined, wl.detail?.readsPct ?? 50);
  assumptions.push(`${profile.notes.capacity}; one replica group, no sharding`);

  const monthlyOps = wl.detail?.monthlyOperations ?? 0;
  return {
    data: data.name,
    profile: profile.name,
    currency,
    read: percentiles(rp),
    write: percentiles(wp),
    replicationLagMs: lag.lagMs,
    availabilityPct: availability.pct,
    monthlyCost: cost.total,
    costLines: cost.lines,
    costPerOperation: monthlyOps > 0 ? cost.total / monthlyOps : undefined,
    capacityPerSec: capacity.totalPerSec,
    assumptions,
    level: level.display,
    replication: `${repText}${rep.assumed ? ' (assumed)' : ''}`,
    leaders,
    readPlan: rp,
    writePlan: wp,
    lag,
    availability,
    capacity,
    workload: wl.detail,
  };
}
