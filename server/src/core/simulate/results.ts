// The results of a run as JSON-ready data (same seed, byte-identical JSON): per data type the operations
// offered and what became of them, latency from arrival, throughput, staleness, t-visibility, every check
// against the level's promises with its verdict and witnesses, failovers, availability per fault and over
// time, and cost actuals from the profile for the simulated traffic, next to the estimate.
import type { Bin, Summary } from './histogram';
import type { Election } from './leadership';
import type { HistoryOp } from './record';
import type { StopReason } from './sim';

export interface OpResult {
  /** Arrived at their clients: ok + fail + info + shed + unfinished. */
  offered: number;
  ok: number;
  fail: number;
  /** Indeterminate: a write that may or may not have taken effect. */
  info: number;
  /** Dropped on arrival: the client already had too many waiting. */
  shed: number;
  /** Still waiting or in flight when the run stopped. */
  unfinished: number;
  /** Answered by the `prefer availability` fallback (included in ok). */
  degraded: number;
  errors: Record<string, number>;
  /** Successful operations, from arrival to answer. */
  latencyMs: Summary;
  /** Successful operations' latencies in log-scale bins, for a histogram chart (the editor's results panel). */
  histogram?: Bin[];
  /** Successful operations per simulated second of load. */
  throughputPerSec: number;
}

export interface Witness {
  explanation: string;
  ops: HistoryOp[];
}

/** One property checked over the run. */
export interface CheckResult {
  /** Stable id, e.g. `linearizable`, `read-your-writes`, `bounded`. */
  check: string;
  /** As shown, e.g. `read-your-writes`, `bounded(2s)`. */
  label: string;
  /** The level (or the conflict strategy) promises it. */
  promised: boolean;
  /** A service level the policy declares (`staleness <= T`): measured and shown, but not a level's promise. */
  sla?: boolean;
  verdict: 'ok' | 'violated' | 'unknown';
  /** Operations (or keys) that break it on the normal path, and on the `prefer availability` fallback. */
  violations: number;
  fallbackViolations: number;
  /** What was judged, e.g. `48,211 reads`, `100 keys, 312 windows`. */
  checked: string;
  /** Why a verdict is unknown or partial, how it was judged. */
  note?: string;
  witnesses: Witness[];
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
  /** Operations that arrived during the fault, by client region. */
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
  /** Why the two differ (the simulated rate against the declared workload). */
  note: string;
}

export interface DataResult {
  data: string;
  level: string;
  replication: string;
  conflict: string;
  prefer: 'consistency' | 'availability';
  /** How writes are ordered and reads served (protocol.ts). */
  protocol: { writes: string; reads: string };
  summary: string;
  read: OpResult;
  write: OpResult;
  staleness: {
    reads: number;
    staleReads: number;
    /** P(a read is at least k versions behind), k = 1, 2, 3, … (16 at most). */
    kStaleness: number[];
    msBehind: Summary;
    /** Reads so stale that the figures are lower bounds. */
    lowerBounds: number;
  };
  /** P(a read started t ms after a write committed returns it or newer), one probe per committed write. */
  visibility: { tMs: number; probability: number; probes: number }[];
  checks: CheckResult[];
  /** Promised, yet violated on the normal path. */
  violated: string[];
  /** Clients whose session guarantees were checked (all, unless clients × keys exceed the checker's memory budget). */
  sessionsChecked: number;
  elections: Election[];
  conflictsResolved: number;
  /** Final values above every acknowledged and indeterminate add (a retried write applied twice). */
  duplicates: number;
  /** ok ÷ offered. */
  availabilityPct: number;
  /** Per bin of `binMs` from the start: operations offered, and the share answered ok. */
  timeline: { binMs: number; offered: number[]; availabilityPct: number[] };
  faults: FaultResult[];
  cost: CostResult;
  /** The estimate's p99s, for comparison with the simulated ones. */
  estimate: { readP99Ms: number; writeP99Ms: number };
}

export interface SimulationResult {
  scenario: {
    name: string;
    seed: number;
    durationMs: number;
    loadPerSec: number;
    clients: number;
    keys: number;
    timeoutMs: number;
    faults: string[];
  };
  events: number;
  simulatedMs: number;
  stopped?: StopReason;
  history: { lines: number; truncated: boolean };
  data: DataResult[];
  assumptions: string[];
}
