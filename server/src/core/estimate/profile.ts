// The shape of a cost + latency profile: the figures an estimate multiplies, per level cost class
// (strong / session / eventual, the source's three calculator columns) and for the network.
import type { CostClass } from '../model/levels';
import type { Figure } from '../model/profiles';

export type Currency = 'INR' | 'USD';

/** Milliseconds at three percentiles. */
export interface ServiceTimes {
  p50: number;
  p95: number;
  p99: number;
  /**
   * The exact time at any percentile, when known (store models): used past p99, where three points cannot tell a heavy
   * tail.
   */
  at?: (pct: number) => number;
}

/** Everything a profile says about one level class. Amounts are per month in the profile's currency. */
export interface ClassFigures {
  /** Replicas the calculator assumes when no topology declares any. */
  defaultReplicas: number;
  costPerReplica: number;
  /** Flat network cost per month (the calculator's `network_cost`). */
  networkFlat: number;
  monitoring: number;
  engineerHours: number;
  engineerRate: number;
  incident: number;
  /** Cost per million operations. */
  perMillionOps: number;
  /** Time inside the store per operation (locking, fsync, in-region work), network round trips excluded. */
  serviceMs: ServiceTimes;
  /** Operations per second one replica sustains at this class. */
  capacityPerSec: number;
  /** Where the capacity figure comes from, for messages. */
  capacitySource: string;
}

export interface Profile {
  name: string;
  title: string;
  currency: Currency;
  classes: Record<CostClass, ClassFigures>;
  /** Price of one GB sent between regions. */
  transferPerGB: number;
  /** Bytes one replicated write sends to each remote replica. */
  bytesPerWrite: number;
  /** Round trip between two machines of the same region, ms. */
  intraRegionRttMs: number;
  /** Time a replica takes to apply a write it received, p99, ms. */
  applyMsP99: number;
  /** Probability (percent) that a whole region is up, and that one replica is up given its region is. */
  regionAvailabilityPct: number;
  replicaAvailabilityPct: number;
  /** Peak ÷ average when a workload gives only a volume. */
  peakFactor: number;
  /**
   * Store figures (`cosmos.ru-hour` …) with their sources: the profile's own over those it extends, over vendors-2026.
   */
  figures?: ReadonlyMap<string, Figure>;
  /** The date of the price list (e.g. `2026-12-02`), when the profile states one. */
  dated?: string;
  /** True for profiles whose figures are illustrative (the source text's case studies), not vendor prices. */
  illustrative?: boolean;
  /** The profile and the ones it extends, nearest first. */
  chain?: string[];
  /** Rupees per US dollar for conversions (default 83). */
  inrPerUsd?: number;
  /** Each stated as a sentence; estimates copy the ones they use into their assumptions. */
  notes: {
    latency: string;
    availability: string;
    capacity: string;
    cost: string;
    peak: string;
    intraRegion: string;
  };
}
