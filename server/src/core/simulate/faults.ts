// The faults of a scenario as one data type's replica group sees them (regions by index): which pairs
// of regions are partitioned, which regions are down, which paths are slowed, at a simulated time.
import type { TopologyModel } from '../model/model';
import type { Fault } from './scenario';

interface Window {
  at: number;
  end: number;
}
interface Partition extends Window {
  /** Side per region; -1: on no side (reaches everyone). */
  side: Int8Array;
}
interface Crash extends Window {
  region: number;
}
interface Slow extends Window {
  /** Pairs a*R+b whose path crosses the slowed link. */
  pairs: Set<number>;
  factor: number;
  addMs: number;
}

export class GroupFaults {
  private partitions: Partition[] = [];
  private crashes: Crash[] = [];
  private slows: Slow[] = [];
  /** Regions named by faults that this group's topology does not have. */
  readonly unknown: string[] = [];
  readonly any: boolean;

  constructor(faults: Fault[], regions: string[], topology: TopologyModel | undefined) {
    const R = regions.length;
    const index = new Map(regions.map((r, i) => [r, i]));
    const known = (name: string) => {
      const i = index.get(name);
      if (i === undefined && !this.unknown.includes(name)) this.unknown.push(name);
      return i;
    };
    for (const f of faults) {
      const w = { at: f.atMs, end: f.atMs + f.forMs };
      if (f.kind === 'partition') {
        const side = new Int8Array(R).fill(-1);
        f.sides.forEach((names, s) =>
          names.forEach((n) => (known(n) !== undefined ? (side[index.get(n)!] = s) : undefined)),
        );
        this.partitions.push({ ...w, side });
      } else if (f.kind === 'crash') {
        const region = known(f.region);
        if (region !== undefined) this.crashes.push({ ...w, region });
      } else {
        const a = known(f.a);
        const b = known(f.b);
        if (a === undefined || b === undefined) continue;
        const pairs = new Set<number>();
        for (let x = 0; x < R; x++)
          for (let y = 0; y < R; y++) {
            const crosses =
              (x === a && y === b) ||
              (x === b && y === a) ||
              (topology
                ?.path(regions[x], regions[y])
                .some((l) => (l.a === f.a && l.b === f.b) || (l.a === f.b && l.b === f.a)) ??
                false);
            if (crosses) pairs.add(x * R + y);
          }
        this.slows.push({ ...w, pairs, factor: f.factor ?? 1, addMs: f.addMs ?? 0 });
      }
    }
    this.any = this.partitions.length + this.crashes.length + this.slows.length > 0;
  }

  /** True when a partition separates regions a and b at time t. */
  cut(a: number, b: number, t: number): boolean {
    if (a === b) return false;
    for (const p of this.partitions) {
      if (t < p.at || t >= p.end) continue;
      const sa = p.side[a];
      const sb = p.side[b];
      if (sa >= 0 && sb >= 0 && sa !== sb) return true;
    }
    return false;
  }

  /** True when region r is crashed at time t. */
  down(r: number, t: number): boolean {
    for (const c of this.crashes) if (c.region === r && t >= c.at && t < c.end) return true;
    return false;
  }

  /**
   * The earliest time ≥ t at which a message from a reaches b (no partition between, b up): for reliable
   * replication.
   */
  clearAt(a: number, b: number, t: number): number {
    let time = t;
    for (let changed = true; changed; ) {
      changed = false;
      for (const p of this.partitions) {
        if (time >= p.at && time < p.end && a !== b && p.side[a] >= 0 && p.side[b] >= 0 && p.side[a] !== p.side[b])
          [time, changed] = [p.end, true];
      }
      for (const c of this.crashes) if (c.region === b && time >= c.at && time < c.end) [time, changed] = [c.end, true];
    }
    return time;
  }

  /** A one-way delay over the path a→b at time t, with any slow-link fault applied. */
  slowed(a: number, b: number, R: number, t: number, ms: number): number {
    let out = ms;
    for (const s of this.slows) if (t >= s.at && t < s.end && s.pairs.has(a * R + b)) out = out * s.factor + s.addMs;
    return out;
  }
}
