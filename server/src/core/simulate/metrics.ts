// What the engine measures per data type while it runs, in bounded memory: per operation kind the
// outcomes and a latency histogram, per fault window and client region the outcomes (availability),
// t-visibility probe counts, conflicts resolved and cross-region replication traffic.
import { Histogram } from './histogram';
import type { Fault } from './scenario';

export class OpStats {
  ok = 0;
  fail = 0;
  info = 0;
  /** Completed by the partition fallback (`prefer availability`) after the normal path timed out. */
  degraded = 0;
  latency = new Histogram();
  errors: Record<string, number> = {};
}

/** Outcome counts: ops, ok, fail, info. */
export type Outcomes = Float64Array;

export class GroupMetrics {
  read = new OpStats();
  write = new OpStats();
  /** Concurrent versions a replica had to resolve. */
  conflicts = 0;
  /** Write messages sent to a replica in another region than its coordinator. */
  crossRegionWrites = 0;
  /** Operations dropped because their client already had too many waiting. */
  shed = 0;
  visibilityProbes: Float64Array;
  visibilityHits: Float64Array;
  probedWrites = 0;
  /** Per fault, per client region: outcomes of operations invoked inside the fault's window. */
  windows: Outcomes[][];

  constructor(
    private faults: Fault[],
    regions: number,
    visibilityPoints: number,
  ) {
    this.windows = faults.map(() => Array.from({ length: regions }, () => new Float64Array(4)));
    this.visibilityProbes = new Float64Array(visibilityPoints);
    this.visibilityHits = new Float64Array(visibilityPoints);
  }

  complete(read: boolean, type: 'ok' | 'fail' | 'info', latencyMs: number, invokeT: number, region: number, error: string | undefined, degraded: boolean): void {
    const s = read ? this.read : this.write;
    s[type]++;
    if (type === 'ok') {
      s.latency.record(latencyMs);
      if (degraded) s.degraded++;
    }
    if (error) s.errors[error] = (s.errors[error] ?? 0) + 1;
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (invokeT < f.atMs || invokeT >= f.atMs + f.forMs) continue;
      const o = this.windows[i][region];
      o[0]++;
      o[type === 'ok' ? 1 : type === 'fail' ? 2 : 3]++;
    }
  }
}
