// What the engine measures per data type while it runs, in bounded memory: per operation kind the offered
// operations and their outcomes (ok, fail, info, shed; what is left is unfinished) with a latency histogram
// from arrival, per fault window and client region the outcomes (availability), conflicts resolved and
// cross-region replication traffic.
import { Histogram } from './histogram';
import type { Fault } from './scenario';

export class OpStats {
  /** Operations that arrived at their clients. */
  offered = 0;
  /** Dropped on arrival: their client already had too many waiting. */
  shed = 0;
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
  /** Per fault, per client region: outcomes of operations that arrived inside the fault's window. */
  windows: Outcomes[][];
  /** The availability timeline: operations offered and answered ok, by arrival, per bin of `binMs`. */
  readonly binMs: number;
  readonly binOffered: Float64Array;
  readonly binOk: Float64Array;

  constructor(
    private faults: Fault[],
    regions: number,
    spanMs: number,
  ) {
    this.windows = faults.map(() => Array.from({ length: regions }, () => new Float64Array(4)));
    this.binMs = Math.max(1000, Math.ceil(spanMs / 600 / 1000) * 1000);
    const bins = Math.max(1, Math.ceil(spanMs / this.binMs));
    this.binOffered = new Float64Array(bins);
    this.binOk = new Float64Array(bins);
  }

  private bin(t: number): number {
    return Math.min(this.binOffered.length - 1, Math.floor(t / this.binMs));
  }

  offered(read: boolean, t: number): void {
    (read ? this.read : this.write).offered++;
    this.binOffered[this.bin(t)]++;
  }

  shed(read: boolean): void {
    (read ? this.read : this.write).shed++;
  }

  /** An operation ended; `arrival` places it in the fault windows. */
  complete(
    read: boolean,
    type: 'ok' | 'fail' | 'info',
    latencyMs: number,
    arrival: number,
    region: number,
    error: string | undefined,
    degraded: boolean,
  ): void {
    const s = read ? this.read : this.write;
    // A field per outcome (`s[type]++` is a keyed access by a string: a megamorphic lookup each time).
    if (type === 'ok') s.ok++;
    else if (type === 'fail') s.fail++;
    else s.info++;
    if (type === 'ok') {
      this.binOk[this.bin(arrival)]++;
      s.latency.record(latencyMs);
      if (degraded) s.degraded++;
    }
    if (error) s.errors[error] = (s.errors[error] ?? 0) + 1;
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (arrival < f.atMs || arrival >= f.atMs + f.forMs) continue;
      const o = this.windows[i][region];
      o[0]++;
      o[type === 'ok' ? 1 : type === 'fail' ? 2 : 3]++;
    }
  }
}
