// For the simulator: what a data type's store model says about time and money, as model Distributions.
//
//   storeDelays(data, model) → {
//     system, profile, dated,
//     replica: { read, write },        // one replica's own time per operation (PBS R+S and W+A), by level class
//     operation: { read, write },      // the operation's service time as the estimate uses it (quorum order
//                                      // statistics included), as lognormal(median, p99), by level class
//     replication,                     // delay after the one-way network before a replica not waited for has a write
//     capacityPerReplica?,             // operations per second one replica sustains, when the model has a limit
//     notes,                           // where each figure comes from
//   }
//   costAtRate(data, model, opsPerSec, readsPct) → the monthly cost at a simulated rate, next to the estimate
//   at the declared workload, with the sentence that explains the difference.
//
// Without a `store`, the figures are the profile's level classes (india-2024: the Flipkart benchmark).
import type { Distribution } from '../model/delay';
import { namedLevel, needsConsensus, type CostClass } from '../model/levels';
import type { DataModel, PolicyModel } from '../model/model';
import type { StoreSystem } from '../model/stores';
import { estimateData, estimateWith } from './estimate';
import { formatMoney } from './format';
import { netOf } from './net';
import { resolveProfile } from './profiles/resolve';
import { lognormalLike } from './systems/math';
import { systemPlan } from './systems/plan';
import { majority } from '../util/quorum';

export type ByClass<T> = Record<CostClass, T>;

export interface StoreDelays {
  system?: StoreSystem;
  profile: string;
  dated?: string;
  replica: { read: ByClass<Distribution>; write: ByClass<Distribution> };
  operation: { read: ByClass<Distribution>; write: ByClass<Distribution> };
  replication: Distribution;
  capacityPerReplica?: number;
  notes: string[];
}

const classLevels: ByClass<string> = { strong: 'linearizable', session: 'session', eventual: 'eventual' };

export function storeDelays(data: DataModel, model: PolicyModel): StoreDelays {
  const file = model.files.find((f) => f.uri === data.origin.uri);
  const system = file?.system?.name;
  const { profile } = resolveProfile(model, file?.profile?.value, system !== undefined);
  const by = <T>(f: (c: CostClass) => T): ByClass<T> => ({
    strong: f('strong'),
    session: f('session'),
    eventual: f('eventual'),
  });
  if (!system) {
    const op = (c: CostClass) => lognormalLike(profile.classes[c].serviceMs);
    const apply: Distribution = {
      kind: 'lognormal',
      median: Math.min(profile.classes.eventual.serviceMs.p50, profile.applyMsP99),
      p99: profile.applyMsP99,
    };
    return {
      profile: profile.name,
      dated: profile.dated,
      replica: { read: by(op), write: by(op) },
      operation: { read: by(op), write: by(op) },
      replication: apply,
      capacityPerReplica: profile.classes[data.effective.level?.value.costClass ?? 'eventual'].capacityPerSec,
      notes: [`no store named: the profile's service time per level class (${profile.notes.latency})`],
    };
  }
  const net = netOf(data.topology, profile.intraRegionRttMs, 3);
  const rep = data.effective.replication?.value;
  const plans = by((c) => {
    const level = namedLevel(classLevels[c]);
    const consensus = needsConsensus(level);
    const n = net.totalReplicas;
    const w =
      !rep || rep.assumed
        ? consensus
          ? majority(n)
          : 1
        : rep.mode === 'sync'
          ? n
          : rep.mode === 'async'
            ? 1
            : Math.min(rep.w, n);
    const mode = rep && !rep.assumed ? rep.mode : consensus ? 'quorum' : 'async';
    return systemPlan({
      system,
      profile,
      level,
      net,
      mode,
      w,
      r: rep?.mode === 'quorum' ? rep.r : 1,
      consensus,
      primaries: data.effective.primaries,
    });
  });
  const first = plans.eventual;
  return {
    system,
    profile: profile.name,
    dated: profile.dated,
    replica: { read: by((c) => plans[c].readDist), write: by((c) => plans[c].writeDist) },
    operation: { read: by((c) => lognormalLike(plans[c].read)), write: by((c) => lognormalLike(plans[c].write)) },
    replication: first.replicationDelay,
    capacityPerReplica: first.capacity?.perReplica,
    notes: [
      `store model ${first.title.split(':')[0]}, profile ${profile.name}${profile.dated ? ` (${profile.dated})` : ''}`,
      ...first.notes,
    ],
  };
}

export interface CostActual {
  /** Monthly cost at the simulated rate, in the estimate's currency. */
  simulatedMonthly: number;
  /** Monthly cost at the declared workload (the estimate). */
  estimatedMonthly: number;
  currency: 'INR' | 'USD';
  /** Why the two differ, in one sentence. */
  explanation: string;
  /** The lines of the cost at the simulated rate. */
  lines: { label: string; amount: number; detail?: string }[];
}

/** The cost at the rate a simulation ran (ops/s and read share) next to the estimate at the declared workload. */
export function costAtRate(data: DataModel, model: PolicyModel, opsPerSec: number, readsPct: number): CostActual {
  const est = estimateData(data, model);
  const at = estimateWith(data, model, {
    workload: { avgPerSec: opsPerSec, peakPerSec: opsPerSec, readsPct, readsAssumed: false },
  });
  const m = (x: number) => formatMoney(x, est.currency);
  const declared = est.workload
    ? `${Math.round(est.workload.avgPerSec)}/s average, ${Math.round(est.workload.peakPerSec)}/s peak, ` +
      `${est.workload.readsPct}% reads`
    : 'no declared workload';
  const basis = est.store
    ? est.store.system === 'cosmos' || est.store.system === 'spanner'
      ? 'throughput is provisioned for the peak, so the bill follows the peak rate'
      : est.store.system === 'dynamodb'
        ? 'on-demand requests are billed one by one, so the bill follows the rate'
        : 'instances are billed by the hour whatever the rate; only cross-region transfer follows it'
    : 'fixed lines do not depend on the rate; per-operation and transfer lines do';
  const explanation =
    `simulated ${Math.round(opsPerSec)} ops/s (${readsPct}% reads) held for a month ≈ ${m(at.monthlyCost)}/month; ` +
    `the estimate prices the declared workload (${declared}) ≈ ${m(est.monthlyCost)}/month; ${basis}`;
  return {
    simulatedMonthly: at.monthlyCost,
    estimatedMonthly: est.monthlyCost,
    currency: est.currency,
    explanation,
    lines: at.costLines,
  };
}
