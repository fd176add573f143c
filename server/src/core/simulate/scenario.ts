// What a simulation runs: the Scenario (data types exercised, duration, load, clients, faults, seed and
// the engine's knobs) and the run options (cancellation, limits, history export). The later `scenario`
// syntax maps one to one onto this; every field it does not set has a documented default here.
import type { Distribution } from '../model/delay';

/** Clients placed in a region, with their share of the load (shares are normalised to sum 1). */
export interface ClientShare {
  region: string;
  share: number;
}

export type Fault =
  /** Regions on different sides cannot exchange messages; regions on no side reach everyone. */
  | { kind: 'partition'; sides: string[][]; atMs: number; forMs: number }
  /** Every replica of the region stops; it keeps its data and catches up when it comes back. */
  | { kind: 'crash'; region: string; atMs: number; forMs: number }
  /** Messages over the link a↔b (and paths through it) take `factor` times as long, plus `addMs`. */
  | { kind: 'slow'; a: string; b: string; atMs: number; forMs: number; factor?: number; addMs?: number };

/** Delay distributions that replace the defaults derived from the topology and the profile. */
export interface DelayOverrides {
  /** Round trip inside one region (default: the profile's intra-region round trip). */
  intraRegion?: Distribution;
  /** Round trip of a link, by `a<->b` (either order); default: the link's rtt with its jitter as sd. */
  links?: Record<string, Distribution>;
  /** A replica applying a write it received (PBS's W, on top of the network). */
  write?: Distribution;
  /** A replica acknowledging a write (PBS's A). */
  ack?: Distribution;
  /** A replica reading (PBS's R). */
  read?: Distribution;
  /** A replica's read response (PBS's S). */
  response?: Distribution;
  /** The coordinator's own work per operation, before it replies. */
  service?: Distribution;
}

export interface Scenario {
  name: string;
  /** Data types exercised, by name. */
  data: string[];
  durationMs: number;
  /** Total operations per second and read share; default: the data types' own workloads. */
  load?: { perSec: number; readsPct?: number };
  /**
   * Default: `defaultClients` (enough that no client is ever busy), spread evenly over the regions of the first
   * data type's topology.
   */
  clients?: { count: number; regions?: ClientShare[] };
  faults?: Fault[];
  seed: number;
  /** Keys per data type (default 100), chosen uniformly by each operation. */
  keys?: number;
  /**
   * An operation without an answer this long after it arrived fails or is indeterminate (default 1000 ms, source
   * L2040).
   */
  timeoutMs?: number;
  delays?: DelayOverrides;
  /** Each region's clock offset, drawn once (last-writer-wins compares these timestamps). */
  clockSkew?: Distribution;
  /** A local replica behind a session token or a staleness bound: wait for it, or go to the leader. */
  behind?: 'wait' | 'redirect';
  /** `random`: PBS's random, non-expanding quorums (writes reach only W random replicas, reads ask R random ones). */
  quorums?: 'all' | 'random';
  /** t-visibility: the delays after a commit at which P(a read returns the write) is reported. */
  visibility?: { atMs?: number[] };
  /** Raft-style election timeout (and leader lease) of single-leader groups, ms. */
  electionMs?: number;
  /** Operations per second one replica sustains (default: the profile's figure for the level's class). */
  capacityPerSec?: number;
}

export interface SimulateOptions {
  signal?: AbortSignal;
  /** Called every `checkEvery` events; returning true stops the run (results cover what ran). */
  shouldStop?: () => boolean;
  checkEvery?: number;
  /** Called every `checkEvery` events with the fraction of the scenario done. */
  onProgress?: (fraction: number) => void;
  maxEvents?: number;
  /** Simulated time limit, ms (default: the duration plus a settle period). */
  maxSimMs?: number;
  /** One Jepsen-style history line (JSON) per call, in time order. */
  onHistory?: (line: string) => void;
  /** At most this many history lines (default 1,000,000). */
  historyLimit?: number;
  /** False: run without the checks (the bench measures the engine and the checkers apart). Default true. */
  checks?: boolean;
  /** t-visibility probes to aim for per data type (default 50,000): every committed write up to this many,
   *  else every k-th. More probes narrow the curve's standard error (√(p(1−p)/probes)). */
  visibilityProbes?: number;
}

/** Clients when a scenario does not say: at least 100, and enough that even operations that all took the
 *  whole timeout would find a free client (Little's law: rate × timeout), so none waits for its client. */
export function defaultClients(perSec: number, timeoutMs: number): number {
  return Math.max(defaults.clients, Math.ceil((perSec * timeoutMs) / 1000));
}

export const defaults = {
  keys: 100,
  /** At least this many clients when a scenario does not say. */
  clients: 100,
  /** The source's strong-consistency timeout alert, "1 second max" (source L2040). */
  timeoutMs: 1000,
  /** After the load stops: time for in-flight operations and replication to finish. */
  settleMs: 5000,
  /** Delays after a commit at which the t-visibility curve is reported, ms. */
  visibilityAtMs: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
  /** etcd's default election timeout (`--election-timeout=1000`); Raft's paper suggests 150–300 ms. */
  electionMs: 1000,
  /** Operations a default run aims for (bounded below by one second of load). */
  defaultOps: 20_000,
  checkEvery: 8192,
  historyLimit: 1_000_000,
  /** Operations a busy client may have waiting; more are shed (counted). */
  sessionQueue: 64,
};
