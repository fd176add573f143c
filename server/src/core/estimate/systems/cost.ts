// What a store bills for a workload, by its pricing model: Cosmos DB provisioned RU/s per region, DynamoDB
// on-demand request units (replicated writes per Region), Spanner node-hours, and instance-hours (plus
// cross-region transfer) for self-managed PostgreSQL, MongoDB and Cassandra. Storage is not priced: a
// policy declares no data size. A month is 30 days (720 hours), as everywhere in the estimates.
import { formatCount, formatMoney } from '../format';
import type { CostLineOut } from '../cost';
import type { Currency, Profile } from '../profile';
import { rate } from '../profiles/index';
import { cite, figureOf } from '../profiles/resolve';
import type { WorkloadDetail } from '../workload';
import type { SystemPlan } from './plan';

export const hoursPerMonth = 720;

export interface SystemCostInput {
  plan: SystemPlan;
  profile: Profile;
  currency: Currency;
  workload?: WorkloadDetail;
  /** Reads of the level need two replicas (Cosmos strong/bounded) or a strongly consistent read (DynamoDB). */
  strongReads: boolean;
  /** Instances billed (the declared replicas). */
  instances: number;
  /** Replicas outside the writing leader's region, each receiving every write. */
  remoteReplicas: number;
}

export interface SystemCost {
  lines: CostLineOut[];
  total: number;
  notes: string[];
}

export function systemCost(i: SystemCostInput): SystemCost {
  const k = rate(i.profile.currency, i.currency, i.profile.inrPerUsd);
  const m = (x: number) => formatMoney(x * k, i.currency);
  const f = (key: string) => figureOf(i.profile, `${i.plan.system}.${key}`);
  const out = (lines: CostLineOut[], notes: string[]): SystemCost => {
    const scaled = lines.map((l) => ({ ...l, amount: l.amount * k }));
    notes.push('storage is not priced: the policy declares no data size');
    return { lines: scaled, total: scaled.reduce((s, l) => s + l.amount, 0), notes };
  };
  const w = i.workload;
  const regions = i.plan.regions;
  switch (i.plan.system) {
    case 'cosmos': {
      const price = f(i.plan.multiWrite ? 'ru-hour-multi-write' : 'ru-hour');
      const readRu = f('read-ru').value! * (i.strongReads ? f('strong-read-factor').value! : 1);
      const writeRu = f('write-ru').value!;
      const minimum = f('min-rus').value!;
      const peak = w?.peakPerSec ?? 0;
      const reads = (peak * (w?.readsPct ?? 0)) / 100;
      const writes = peak - reads;
      const rus = Math.max(minimum, Math.ceil((reads * readRu + writes * writeRu) / 100) * 100);
      const demand = w
        ? `peak ${formatCount(reads)} reads/s × ${readRu} RU + ${formatCount(writes)} writes/s × ${writeRu} RU`
        : 'no workload: the smallest throughput';
      const amount = (rus / 100) * price.value! * regions * hoursPerMonth;
      const inRegions = `${regions} region${regions > 1 ? 's' : ''}`;
      const per = `${m(price.value!)} per 100 RU/s-hour × ${hoursPerMonth} h`;
      const detail = `${formatCount(rus)} RU/s (${demand}) × ${inRegions} × ${per}`;
      return out(
        [{ label: 'throughput', amount, detail }],
        [
          `Cosmos DB bills provisioned throughput for the peak, in every region: ${cite(price)}; ` +
            `${cite(f('read-ru'))}; ${cite(f('write-ru'))}${i.strongReads ? `; ${cite(f('strong-read-factor'))}` : ''}`,
        ],
      );
    }
    case 'dynamodb': {
      const units = i.strongReads ? 1 : f('eventual-read-units').value!;
      const readPrice = f('read-million');
      const writePrice = f(regions > 1 ? 'replicated-write-million' : 'write-million');
      const reads = w ? w.monthlyOperations - w.monthlyWrites : 0;
      const writes = w?.monthlyWrites ?? 0;
      const copies = regions > 1 ? regions : 1;
      const units2 = regions > 1 ? 'replica Regions (rWRU)' : 'WRU';
      const millions = (x: number) => Number((x / 1e6).toPrecision(4));
      return out(
        [
          {
            label: 'reads',
            amount: (reads * units * readPrice.value!) / 1e6,
            detail: `${millions(reads)}M reads × ${units} RRU × ${m(readPrice.value!)} per million`,
          },
          {
            label: 'writes',
            amount: (writes * copies * writePrice.value!) / 1e6,
            detail: `${millions(writes)}M writes × ${copies} ${units2} × ${m(writePrice.value!)} per million`,
          },
        ],
        [
          `DynamoDB on-demand bills each request: ${cite(readPrice)}; ${cite(writePrice)}; ` +
            cite(f('eventual-read-units')),
        ],
      );
    }
    case 'spanner': {
      const price = f(regions > 1 ? 'node-hour-multi-region' : 'node-hour');
      const peak = w?.peakPerSec ?? 0;
      const reads = (peak * (w?.readsPct ?? 0)) / 100;
      const load = reads / f('node-reads').value! + (peak - reads) / f('node-writes').value!;
      const nodes = Math.max(1, Math.ceil(load));
      const worth = `${nodes} node${nodes > 1 ? 's' : ''} (peak load ${Number(load.toPrecision(2))} nodes' worth)`;
      const detail = `${worth} × ${m(price.value!)} per node-hour × ${hoursPerMonth} h`;
      return out(
        [{ label: 'compute', amount: nodes * price.value! * hoursPerMonth, detail }],
        [
          `Spanner bills compute capacity by the node-hour: ${cite(price)}; ` +
            `per-node throughput ${cite(f('node-reads'))}; ${cite(f('node-writes'))}`,
        ],
      );
    }
    default: {
      const price = f('instance-hour');
      const gb = ((w?.monthlyWrites ?? 0) * i.profile.bytesPerWrite * i.remoteReplicas) / 1e9;
      const lines: CostLineOut[] = [
        {
          label: 'instances',
          amount: i.instances * price.value! * hoursPerMonth,
          detail: `${i.instances} × ${m(price.value!)}/h × ${hoursPerMonth} h`,
        },
      ];
      if (gb > 0)
        lines.push({
          label: 'network',
          amount: gb * i.profile.transferPerGB,
          detail: `${Number(gb.toPrecision(3))} GB cross-region × ${m(i.profile.transferPerGB)}/GB`,
        });
      return out(lines, [
        `self-managed: instance-hours for every declared replica, ${cite(price)}; ` +
          'no engineering or incident lines (add them to a profile of your own if you budget them)',
      ]);
    }
  }
}
