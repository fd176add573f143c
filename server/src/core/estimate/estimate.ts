// Estimates for one data type: latency percentiles, replication lag, availability, monthly cost,
// capacity, each with the assumptions it rests on. (Entry point; the model lives in this folder.)
import type { DataModel, PolicyModel } from '../model/model';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface CostLine {
  label: string;
  /** In the estimate's currency, per month. */
  amount: number;
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
}

export function estimateData(data: DataModel, model: PolicyModel): DataEstimate {
  void model;
  throw new Error(`estimates are not implemented yet (${data.name})`);
}
