// Monthly cost: declared replicas × cost per replica, network (the profile's flat figure plus cross-region
// replication traffic), monitoring, people (engineer hours × rate + incidents) and per-million operations,
// after the source's calculator formula (source L1961–L2000), converted to the estimate's currency.
import type { CostClass } from '../model/levels';
import { formatCount, formatMoney } from './format';
import type { Currency, Profile } from './profile';
import { rate } from './profiles/index';

export interface CostInput {
  profile: Profile;
  costClass: CostClass;
  replicas: number;
  /** Reads + writes per month. */
  monthlyOps: number;
  monthlyWrites: number;
  /** Replicas outside the writing leader's region, each of which receives every write. */
  remoteReplicas: number;
  currency: Currency;
}

export interface CostLineOut {
  label: string;
  amount: number;
  detail: string;
}

const gbText = (gb: number) => (gb >= 100 ? formatCount(gb) : String(Number(gb.toPrecision(2))));

export function monthlyCost(i: CostInput): { lines: CostLineOut[]; total: number } {
  const f = i.profile.classes[i.costClass];
  const k = rate(i.profile.currency, i.currency);
  const m = (x: number) => formatMoney(x * k, i.currency);
  const gb = (i.monthlyWrites * i.profile.bytesPerWrite * i.remoteReplicas) / 1e9;
  const lines: CostLineOut[] = [
    { label: 'replicas', amount: i.replicas * f.costPerReplica * k, detail: `${i.replicas} × ${m(f.costPerReplica)}` },
    {
      label: 'network',
      amount: (f.networkFlat + gb * i.profile.transferPerGB) * k,
      detail:
        [
          f.networkFlat > 0 ? `${m(f.networkFlat)} flat` : '',
          gb > 0 ? `${gbText(gb)} GB cross-region × ${m(i.profile.transferPerGB)}/GB` : '',
        ]
          .filter(Boolean)
          .join(' + ') || 'no cross-region traffic',
    },
    { label: 'monitoring', amount: f.monitoring * k, detail: m(f.monitoring) },
    {
      label: 'engineering',
      amount: f.engineerHours * f.engineerRate * k,
      detail: `${f.engineerHours} h × ${m(f.engineerRate)}/h`,
    },
    { label: 'incidents', amount: f.incident * k, detail: m(f.incident) },
  ];
  if (i.monthlyOps > 0) {
    const millions = i.monthlyOps / 1e6;
    lines.push({
      label: 'operations',
      amount: millions * f.perMillionOps * k,
      detail:
        `${millions >= 10 ? formatCount(millions) : Number(millions.toPrecision(2))}M ` +
        `ops × ${m(f.perMillionOps)} per million`,
    });
  }
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0) };
}
