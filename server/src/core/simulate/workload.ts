// The offered load: open-loop Poisson arrivals until the duration ends, each picking a data type (by its
// workload), a client (by region share; a free one when it can find one), a key (uniformly) and read or
// write (by read share). What happens
// to an arrival (sent, queued behind its busy client, or shed) is lifecycle.ts's `admit`.
import { Kind, Op, Session } from './ops';
import type { Sim } from './sim';

export interface LoadPlan {
  perSec: number;
  durationMs: number;
  /** Per data type: share of operations (sums to 1) and share of reads (0..1). */
  groupShares: number[];
  readShares: number[];
  /** Client regions with their share (sums to 1), and the sessions in each. */
  regionShares: number[];
  sessionsByRegion: Session[][];
}

/** Other clients tried when an arrival's first pick is busy. */
const PROBES = 8;

function cumulative(xs: number[]): number[] {
  const total = xs.reduce((s, x) => s + x, 0);
  let acc = 0;
  const out = xs.map((x) => (acc += x / total));
  if (out.length) out[out.length - 1] = 1;
  return out;
}

function pick(cum: number[], u: number): number {
  let i = 0;
  while (u >= cum[i]) i++;
  return i;
}

export class Workload {
  private groupCum: number[];
  private regionCum: number[];
  private meanGap: number;

  constructor(
    private sim: Sim,
    private plan: LoadPlan,
  ) {
    this.groupCum = cumulative(plan.groupShares);
    this.regionCum = cumulative(plan.regionShares);
    this.meanGap = 1000 / plan.perSec;
  }

  /** Schedules the first arrival. */
  begin(): void {
    if (this.plan.perSec > 0 && this.plan.durationMs > 0) this.next();
  }

  private next(): void {
    const gap = -this.meanGap * Math.log(1 - this.sim.rng.float());
    if (this.sim.now + gap < this.plan.durationMs) this.sim.at(gap, Kind.Arrive, null, -1, 0, null, null, 0);
  }

  /** The client an arrival goes to: a random one of its region, or, when that one is busy, another idle one
   *  found in up to `PROBES` more tries (a connection pool hands a request to a free connection). */
  private client(sessions: Session[]): Session {
    const rng = this.sim.rng;
    const first = sessions[sessions.length === 1 ? 0 : rng.int(sessions.length)];
    if (!first.busy || sessions.length === 1) return first;
    for (let i = 0; i < PROBES; i++) {
      const s = sessions[rng.int(sessions.length)];
      if (!s.busy) return s;
    }
    return first;
  }

  /** The operation that arrives now; schedules the next arrival. */
  arrive(): Op {
    const sim = this.sim;
    const rng = sim.rng;
    const gi = this.plan.groupShares.length === 1 ? 0 : pick(this.groupCum, rng.float());
    const g = sim.groups[gi];
    const s = this.client(this.plan.sessionsByRegion[pick(this.regionCum, rng.float())]);
    const key = rng.int(g.keys);
    const read = rng.float() < this.plan.readShares[gi];
    const op = new Op(sim.nextOp++, g, key, read, s, s.regionIn[gi]);
    this.next();
    return op;
  }
}
