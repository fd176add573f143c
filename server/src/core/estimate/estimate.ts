// Estimates for one data type: latency percentiles, replication lag, availability, monthly cost,
// capacity, each with the assumptions it rests on. (Entry point; the model lives in this folder.)
import { namedLevel, type Level } from '../model/levels';
import type { DataModel, PolicyModel, Replication } from '../model/model';
import type { AvailabilityDetail } from './availability';
import { capacityOf, type CapacityDetail } from './capacity';
import { monthlyCost } from './cost';
import { estimateCore } from './core';
import { memoised } from './memo';
import type { LagDetail } from './lag';
import type { LatencyPlan } from './latency';
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
  const declared = o.replication ?? data.effective.replication?.value;
  const core = estimateCore(model, { profile, level, topology: data.topology, topologyAssumed: data.topologyAssumed, declared, primaries: data.effective.primaries, origin: data.origin });
  const { n, costReplicas, rep, r, consensus, leaders, rp, wp, lag, availability } = core;
  assumptions.push(...core.assumptions);

  // Workload, cost and capacity depend on a few numbers that many data types share: each is worked out once per model.
  const wv = data.effective.workload?.value;
  const wl = memoised(model, ['workload', profile.name, wv?.avgPerSec, wv?.peakPerSec, wv?.readsPct, wv?.readsAssumed], () => describeWorkload(wv, profile));
  assumptions.push(...wl.assumptions);
  const monthlyOps = wl.detail?.monthlyOperations ?? 0;
  const monthlyWrites = wl.detail?.monthlyWrites ?? 0;
  const remote = core.remoteReplicas;
  const cost = memoised(model, ['cost', profile.name, level.costClass, costReplicas, monthlyOps, monthlyWrites, remote, currency], () =>
    monthlyCost({ profile, costClass: level.costClass, replicas: costReplicas, monthlyOps, monthlyWrites, remoteReplicas: remote, currency }),
  );
  const notes = memoised(profile, ['estimate notes'], () => ({
    transfer: `each write sends ${profile.bytesPerWrite / 1000} KB to each replica outside the leader's region (assumption)`,
    capacity: `${profile.notes.capacity}; one replica group, no sharding`,
  }));
  assumptions.push(profile.notes.cost, notes.transfer);

  const readQuorum = consensus && rep.mode === 'quorum' && r > 1 ? r : undefined;
  const readsPct = wl.detail?.readsPct ?? 50;
  const capacity = memoised(model, ['capacity', profile.name, level.costClass, consensus, n, readQuorum, readsPct], () =>
    capacityOf(figures.capacityPerSec, figures.capacitySource, consensus, n, readQuorum, readsPct),
  );
  assumptions.push(notes.capacity);

  return {
    data: data.name,
    profile: profile.name,
    currency,
    read: core.read,
    write: core.write,
    replicationLagMs: lag.lagMs,
    availabilityPct: availability.pct,
    monthlyCost: cost.total,
    costLines: cost.lines,
    costPerOperation: monthlyOps > 0 ? cost.total / monthlyOps : undefined,
    capacityPerSec: capacity.totalPerSec,
    assumptions,
    level: level.display,
    replication: core.replicationText,
    leaders: [...leaders],
    readPlan: rp,
    writePlan: wp,
    lag,
    availability,
    capacity,
    workload: wl.detail,
  };
}
