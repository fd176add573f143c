// Estimates for one data type: latency percentiles, replication lag, availability, monthly cost,
// capacity, each with the assumptions it rests on. (Entry point; the model lives in this folder.)
import { namedLevel, type Level } from '../model/levels';
import type { DataModel, PolicyModel, Replication, Workload } from '../model/model';
import type { StoreSystem } from '../model/stores';
import type { AvailabilityDetail } from './availability';
import { capacityOf, type CapacityDetail } from './capacity';
import { monthlyCost } from './cost';
import { estimateCore } from './core';
import { memoised } from '../util/memo';
import type { LagDetail } from './lag';
import type { LatencyPlan } from './latency';
import { inrPerUsd } from './profiles/index';
import { resolveProfile } from './profiles/resolve';
import type { Currency, Profile } from './profile';
import { systemCost } from './systems/cost';
import { describeWorkload, type WorkloadDetail } from './workload';
import { followable } from '../util/sources';

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
  /** The date of the profile's price list, when it states one. */
  profileDated?: string;
  /** The store model the numbers follow (`store cosmos` …), when the file names a system. */
  store?: { system: string; title: string };
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
  /** Price and size for this load instead of the declared workload (e.g. the rate a simulation ran at). */
  workload?: Workload;
}

export function estimateData(data: DataModel, model: PolicyModel): DataEstimate {
  return estimateWith(data, model, {});
}

export function estimateWith(data: DataModel, model: PolicyModel, o: EstimateOverrides): DataEstimate {
  // What the data type's file decides (profile, currency, store, notes) is the same for all its data types.
  const ctx = memoised(model, ['estimate file', data.origin.uri], () => fileContext(model, data.origin.uri));
  const { profile, currency, system, notes } = ctx;
  const level = o.level ?? data.effective.level?.value ?? namedLevel('eventual');
  const head = !o.level && !data.effective.level ? ctx.headUnleveled : ctx.head;
  const figures = profile.classes[level.costClass];
  const declared = o.replication ?? data.effective.replication?.value;
  const core = estimateCore(model, {
    profile,
    level,
    topology: data.topology,
    topologyAssumed: data.topologyAssumed,
    declared,
    primaries: data.effective.primaries,
    origin: data.origin,
    system,
  });
  const { n, costReplicas, rep, r, consensus, leaders, rp, wp, lag, availability } = core;

  // Workload, cost and capacity depend on a few numbers that many data types share: each is worked out once per model.
  const wv = o.workload ?? data.effective.workload?.value;
  const wl = memoised(
    model,
    ['workload', profile.name, wv?.avgPerSec, wv?.peakPerSec, wv?.readsPct, wv?.readsAssumed],
    () => followableWorkload(describeWorkload(wv, profile)),
  );
  const monthlyOps = wl.detail?.monthlyOperations ?? 0;
  const monthlyWrites = wl.detail?.monthlyWrites ?? 0;
  const remote = core.remoteReplicas;
  const plan = core.plan;
  const strongReads = consensus || level.maxStalenessMs !== undefined || level.maxStalenessVersions !== undefined;
  const cost = plan
    ? systemCost({
        plan,
        profile,
        currency,
        workload: wl.detail,
        strongReads,
        instances: costReplicas,
        remoteReplicas: remote,
      })
    : memoised(
        model,
        ['cost', profile.name, level.costClass, costReplicas, monthlyOps, monthlyWrites, remote, currency],
        () =>
          monthlyCost({
            profile,
            costClass: level.costClass,
            replicas: costReplicas,
            monthlyOps,
            monthlyWrites,
            remoteReplicas: remote,
            currency,
          }),
      );
  const costNotes = plan && 'notes' in cost ? (cost.notes as string[]).map(followable) : notes.cost;

  const readQuorum = consensus && rep.mode === 'quorum' && r > 1 ? r : undefined;
  const readsPct = wl.detail?.readsPct ?? 50;
  const perReplica = plan?.capacity?.perReplica ?? figures.capacityPerSec;
  const capSource = plan?.capacity?.source ?? figures.capacitySource;
  const peak = wl.detail?.peakPerSec ?? 0;
  const capacity =
    plan && !plan.capacity
      ? {
          totalPerSec: peak,
          readPerSec: peak,
          writePerSec: peak,
          explanation:
            `${plan.title.split(':')[0]} is provisioned ` + `(or billed) for the peak of ${Math.round(peak)} ops/s`,
        }
      : memoised(
          model,
          ['capacity', profile.name, plan?.system, level.costClass, consensus, n, readQuorum, readsPct],
          () => capacityOf(perReplica, capSource, consensus, n, readQuorum, readsPct),
        );
  const capacityNote =
    plan && !plan.capacity
      ? followable(`${plan.title.split(':')[0]} scales its own capacity (managed): no per-replica limit is compared`)
      : notes.capacity;
  // One array of the right size, fresh per estimate (the shared parts are never handed out themselves); filled by
  // index, as `concat` with strings among its arguments takes the runtime's slow path.
  const assumptions = new Array<string>(
    head.length + core.assumptions.length + wl.assumptions.length + costNotes.length + 2,
  );
  let at = copyInto(assumptions, 0, head);
  at = copyInto(assumptions, at, core.assumptions);
  at = copyInto(assumptions, at, wl.assumptions);
  at = copyInto(assumptions, at, costNotes);
  assumptions[at] = notes.transfer;
  assumptions[at + 1] = capacityNote;

  return {
    data: data.name,
    profile: profile.name,
    profileDated: profile.dated,
    store: plan ? { system: plan.system, title: plan.title } : undefined,
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

/** Copies `from` into `to` at `at`; returns the index after it. */
function copyInto(to: string[], at: number, from: readonly string[]): number {
  for (let i = 0; i < from.length; i++) to[at + i] = from[i];
  return at + from.length;
}

interface FileContext {
  profile: Profile;
  currency: Currency;
  system: StoreSystem | undefined;
  /** The assumptions before the core's (followable), for a data type with a level and for one without. */
  head: string[];
  headUnleveled: string[];
  /** The profile's notes that follow the cost and capacity figures (followable). */
  notes: { cost: readonly string[]; transfer: string; capacity: string };
}

function fileContext(model: PolicyModel, uri: string): FileContext {
  const file = model.files.find((f) => f.uri === uri);
  const system = file?.system?.name;
  const { profile, missing } = resolveProfile(model, file?.profile?.value, system !== undefined);
  const currency = file?.currency?.value ?? profile.currency;
  return {
    profile,
    currency,
    system,
    head: headAssumptions(profile, missing, currency, false),
    headUnleveled: headAssumptions(profile, missing, currency, true),
    notes: {
      cost: [followable(profile.notes.cost)],
      transfer: followable(
        `each write sends ${profile.bytesPerWrite / 1000} KB to ` +
          "each replica outside the leader's region (assumption)",
      ),
      capacity: followable(`${profile.notes.capacity}; one replica group, no sharding`),
    },
  };
}

/** The assumptions that come before the core's: the profile, the currency, a missing level. Followable. */
function headAssumptions(profile: Profile, missing: string | undefined, currency: string, unleveled: boolean) {
  const assumptions: string[] = [];
  if (missing)
    assumptions.push(`profile '${missing}' is neither built in nor declared; estimated with ${profile.name}`);
  assumptions.push(profileNote(profile));
  if (currency !== profile.currency)
    assumptions.push(
      `amounts converted at 1 USD = ₹${profile.inrPerUsd ?? inrPerUsd} ` +
        `(${profile.inrPerUsd ? `profile ${profile.name}` : 'assumption, about the 2024 average'})`,
    );
  if (unleveled) assumptions.push('no consistency level declared: estimated as eventual');
  return assumptions.map(followable);
}

/** A workload's description with its assumptions made followable (once per model, as it is memoised). */
function followableWorkload(w: ReturnType<typeof describeWorkload>): ReturnType<typeof describeWorkload> {
  return { ...w, assumptions: w.assumptions.map(followable) };
}

/** What the profile is, for the assumptions: its name, chain and date, and whether its figures are illustrative. */
export function profileNote(p: Profile): string {
  const chain = p.chain && p.chain.length > 1 ? ` (extends ${p.chain.slice(1).join(' → ')})` : '';
  const dated = p.dated ? `, price list of ${p.dated}` : '';
  if (p.illustrative) {
    return (
      `profile ${p.name}${chain} is ILLUSTRATIVE: ${p.title}; its figures are not vendor ` +
      `prices or measurements${p.figures ? ' (store models use vendors-2026 figures)' : ''}`
    );
  }
  return `profile ${p.name}${chain}: ${p.title}${dated}`;
}
