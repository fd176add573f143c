// Estimates for a `transaction` declaration: what one atomic write of all its members costs and how long
// it takes, from the members' own estimates (so no figure is computed twice).
import type { DataModel, TransactionModel } from '../model/model';
import type { DataEstimate } from './estimate';

export interface TransactionEstimate {
  name: string;
  members: string[];
  currency?: 'INR' | 'USD';
  /** Sum of the members' cost per operation; undefined when a member has no workload or no estimate. */
  costPerTransaction?: number;
  /** Two-phase commit across the members: prepare + commit, each at the slowest member's write p99 (ms). */
  writeP99: number;
  assumptions: string[];
}

export function estimateTransaction(
  tx: TransactionModel,
  estimate: (d: DataModel) => DataEstimate,
): TransactionEstimate {
  const members = tx.members.flatMap((m) => (m.data ? [m.data] : []));
  const estimates = members.map((d) => ({ d, e: estimate(d) }));
  const assumptions = [
    'one transaction writes each member once; its cost is the sum of the members’ cost per operation',
    'members commit together by two-phase commit: prepare then commit, each waiting for the slowest member’s write p99',
  ];
  const currencies = new Set(estimates.map(({ e }) => e.currency));
  const missing = estimates.filter(({ e }) => e.costPerOperation === undefined).map(({ d }) => d.name);
  if (missing.length > 0)
    assumptions.push(
      `no cost per transaction: ${missing.join(', ')} declare${missing.length === 1 ? 's' : ''} no workload`,
    );
  if (currencies.size > 1) assumptions.push('no cost per transaction: the members are priced in different currencies');
  const slowest = Math.max(0, ...estimates.map(({ e }) => e.write.p99));
  return {
    name: tx.name,
    members: tx.members.map((m) => m.name.text),
    currency: currencies.size === 1 ? [...currencies][0] : undefined,
    costPerTransaction:
      missing.length === 0 && currencies.size === 1 && estimates.length > 0
        ? estimates.reduce((sum, { e }) => sum + (e.costPerOperation ?? 0), 0)
        : undefined,
    writeP99: estimates.length > 1 ? 2 * slowest : slowest,
    assumptions,
  };
}
