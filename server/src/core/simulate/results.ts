// The results of a run as JSON-ready data (same seed, byte-identical JSON): per data type latency and outcomes,
// throughput, staleness, t-visibility, anomalies against the level's promises, availability per fault,
// and cost actuals from the profile for the simulated traffic, next to the estimate.
import type { Bin, Summary } from './histogram';
import type { StopReason } from './sim';

export interface OpResult {
  ops: number;
  ok: number;
  fail: number;
  info: number;
  /** Served by the partition fallback after the normal path timed out. */
  degraded: number;
  errors: Record<string, number>;
  latencyMs: Summary;
  /** Successful operations' latencies in log-scale bins, for a histogram chart (the editor's results panel). */
  histogram?: Bin[];
  /** Successful operations per simulated second of load. */
  throughputPerSec: number;
}

export type Anomaly = 'staleReads' | 'readYourWrites' | 'monotonicReads' | 'monotonicWrites' | 'writesFollowReads' | 'lostUpdates';

export interface AnomalyResult {
  reads: number;
  counts: Record<Anomaly, number>;
  /** What the level (or, for lost updates, the conflict strategy) promises never to show. */
  promised: Record<Anomaly, boolean>;
  /** Promised, yet seen. */
  violated: Anomaly[];
  /** Clients whose session guarantees were checked (all, unless clients × keys exceed the checker's memory budget). */
  sessionsChecked: number;
}

export interface RegionOutcome {
  region: string;
  ops: number;
  ok: number;
  fail: number;
  info: number;
  availabilityPct: number;
}

export interface FaultResult {
  fault: string;
  atMs: number;
  forMs: number;
  /** Operations invoked during the fault, by client region. */
  regions: RegionOutcome[];
  availabilityPct: number;
}

export interface CostResult {
  profile: string;
  currency: 'INR' | 'USD';
  opsPerSec: number;
  writesPerSec: number;
  /** Replication traffic to other regions, extrapolated to a 30-day month. */
  crossRegionGBPerMonth: number;
  monthly: number;
  lines: { label: string; amount: number; detail: string }[];
  /** The estimate's monthly cost for the declared workload, for comparison. */
  estimatedMonthly: number;
}

export interface DataResult {
  data: string;
  level: string;
  replication: string;
  conflict: string;
  prefer: 'consistency' | 'availability';
  summary: string;
  read: OpResult;
  write: OpResult;
  staleness: {
    reads: number;
    staleReads: number;
    /** P(a read is at least k versions behind), k = 1, 2, 3, … (16 at most). */
    kStaleness: number[];
    msBehind: Summary;
  };
  /** P(a read started t ms after a write committed returns it or newer). */
  visibility: { tMs: number; probability: number; probes: number }[];
  anomalies: AnomalyResult;
  conflictsResolved: number;
  /** Final values above every acknowledged and indeterminate add (a retried write applied twice). */
  duplicates: number;
  shed: number;
  availabilityPct: number;
  faults: FaultResult[];
  cost: CostResult;
  /** The estimate's p99s, for comparison with the simulated ones. */
  estimate: { readP99Ms: number; writeP99Ms: number };
}

export interface SimulationResult {
  scenario: { name: string; seed: number; durationMs: number; loadPerSec: number; clients: number; keys: number; timeoutMs: number; faults: string[] };
  events: number;
  simulatedMs: number;
  stopped?: StopReason;
  history: { lines: number; truncated: boolean };
  data: DataResult[];
  assumptions: string[];
}
