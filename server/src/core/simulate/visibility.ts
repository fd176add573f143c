// t-visibility, the PBS paper's way: one probe per committed write, not one read per t. A probe is a read
// from the writer's region whose message delays are drawn once (request q and response s per replica it
// asks, by the group's read protocol); a read started t ms after the commit returns the write or newer
// when one of the replicas whose answers it takes shows the write by commit + t + q. So each probe has a
// threshold t* (0 when one already showed it at the commit), and P(consistent at t) = P(t* ≤ t) for every
// t at once. Leader reads show every committed write (t* = 0); a bounded local read caps t* at its bound.
// Long runs probe every k-th committed write (`probeTarget`).
import type { Group } from './group';
import type { Op, WriteRec } from './ops';
import type { Sim } from './sim';

/** A pending probe; probes are pooled and reused, their arrays sized for every replica of the group. */
class Probe {
  key = 0;
  slot = 0;
  idx = 0;
  commit = 0;
  /** How many replicas the read takes answers from (the first `m` entries below). */
  m = 0;
  /** The replicas whose answers the read takes, the request delay to each, and whether each showed the write. */
  readonly replicas: Int32Array;
  readonly q: Float64Array;
  readonly seen: Uint8Array;
  left = 0;
  /** The smallest threshold among the replicas that showed it. */
  best = Infinity;

  constructor(n: number) {
    this.replicas = new Int32Array(n);
    this.q = new Float64Array(n);
    this.seen = new Uint8Array(n);
  }
}

/** Probes kept waiting per key at most; beyond, the oldest is settled with what it has (unshown replicas: never). */
const PER_KEY = 64;

/** Probes a run aims for per data type: every committed write up to this many, else every k-th (a binomial
 *  standard error of at most 0.23 points). */
export const probeTarget = 50_000;

export class Visibility {
  readonly hits: Float64Array;
  /** Probes settled (one per committed write). */
  probes = 0;
  /** Per key, the probes not settled, oldest first (at most PER_KEY). */
  private pending: (Probe[] | undefined)[];
  /** Per key and replica (`key * n + r`), the probes that asked r and have not yet seen the write there: an
   *  apply at r looks at these only, not at every probe of the key (with 11 replicas and a replica that never
   *  catches up, every apply looked at 64 probes × their replicas: a quarter of a run's time). */
  private waiting: (Probe[] | undefined)[];
  private cap: number;

  private commits = 0;
  /** Settled probes, for reuse. */
  private free: Probe[] = [];
  /** Scratch for a quorum probe: every replica, a random quorum's draw, and per asked replica its request
   *  and answer delays. */
  private all: Int32Array;
  private pool: Int32Array;
  private q: Float64Array;
  private back: Float64Array;

  constructor(
    private g: Group,
    readonly points: number[],
    /** Probe every `stride`-th committed write. */
    private stride = 1,
  ) {
    this.hits = new Float64Array(points.length);
    this.all = Int32Array.from({ length: g.n }, (_, r) => r);
    this.pool = new Int32Array(g.n);
    this.q = new Float64Array(g.n);
    this.back = new Float64Array(g.n);
    this.pending = new Array(g.keys).fill(undefined);
    this.waiting = new Array(g.keys * g.n).fill(undefined);
    this.cap = g.bounded?.ms ?? Infinity;
  }

  private settle(t: number): void {
    this.probes++;
    const tt = Math.min(Math.max(0, t), this.cap);
    for (let i = 0; i < this.points.length; i++) if (tt <= this.points[i]) this.hits[i]++;
  }

  /** A write committed at `sim.now`: draw its probe read. */
  onCommitted(sim: Sim, op: Op, w: WriteRec): void {
    const g = this.g;
    if (this.points.length === 0 || this.commits++ % this.stride !== 0) return;
    if (g.readMode === 'lease') {
      this.settle(0);
      return;
    }
    const region = op.region;
    const p = this.free.pop() ?? new Probe(g.n);
    p.m = 0;
    if (g.readMode === 'quorum' || g.readMode === 'abd') {
      // The read's first `need` answers, by request + response delay (n is small: a selection, no sort).
      const need = Math.min(g.r, g.n);
      const pick = g.randomQuorums ? this.sample(sim, need) : this.all;
      const m = g.randomQuorums ? need : g.n;
      for (let i = 0; i < m; i++) {
        const r = pick[i];
        const b = g.replicaRegion[r];
        this.q[i] = g.net.oneWay(region, b, sim.now) + g.net.read(sim.rng);
        this.back[i] = this.q[i] + g.net.response(sim.rng) + g.net.oneWay(b, region, sim.now);
      }
      for (let k = 0; k < need; k++) {
        let best = -1;
        for (let i = 0; i < m; i++) if (this.back[i] >= 0 && (best < 0 || this.back[i] < this.back[best])) best = i;
        this.ask(p, pick[best], this.q[best]);
        this.back[best] = -1;
      }
    } else {
      const rs = g.replicas[region];
      const r = rs.length === 1 ? rs[0] : rs[sim.rng.int(rs.length)];
      this.ask(p, r, g.net.oneWay(region, g.replicaRegion[r], sim.now) + g.net.read(sim.rng));
    }
    p.key = w.key;
    p.slot = w.slot;
    p.idx = w.idx;
    p.commit = sim.now;
    p.left = p.m;
    p.best = Infinity;
    for (let i = 0; i < p.m; i++) this.check(p, i, sim.now);
    if (p.left === 0) {
      this.done(p);
      return;
    }
    const list = (this.pending[w.key] ??= []);
    if (list.length >= PER_KEY) this.done(list[0]);
    list.push(p);
    for (let i = 0; i < p.m; i++) if (!p.seen[i]) (this.waiting[p.key * g.n + p.replicas[i]] ??= []).push(p);
  }

  private ask(p: Probe, r: number, q: number): void {
    p.replicas[p.m] = r;
    p.q[p.m] = q;
    p.seen[p.m] = 0;
    p.m++;
  }

  /** A probe settles with what it has (unshown replicas: never), leaves the lists it is in, and goes back to the
   *  pool. */
  private done(p: Probe): void {
    this.settle(p.best);
    const n = this.g.n;
    for (let i = 0; i < p.m; i++) if (!p.seen[i]) remove(this.waiting[p.key * n + p.replicas[i]], p);
    remove(this.pending[p.key], p);
    this.free.push(p);
  }

  /** Replica i of the probe shows the write by `now`? Then its threshold counts. */
  private check(p: Probe, i: number, now: number): void {
    if (p.seen[i]) return;
    if (this.g.states.vvAt(p.key * this.g.n + p.replicas[i], p.slot) < p.idx) return;
    p.seen[i] = 1;
    p.left--;
    p.best = Math.min(p.best, now - p.commit - p.q[i]);
  }

  /** Replica r's visible state for `key` changed: the probes waiting on r check it. */
  applied(sim: Sim, r: number, key: number): void {
    const list = this.waiting[key * this.g.n + r];
    if (!list) return;
    let keep = 0;
    for (let j = 0; j < list.length; j++) {
      const p = list[j];
      let i = 0;
      while (i < p.m && (p.replicas[i] !== r || p.seen[i])) i++;
      if (i === p.m) continue; // (never: a probe waits on r only while r has not shown it)
      this.check(p, i, sim.now);
      if (!p.seen[i]) list[keep++] = p;
      // Settled: every replica has shown it, so it is in no waiting list (this one included) but its key's.
      else if (p.left === 0) this.done(p);
    }
    if (keep !== list.length) list.length = keep; // setting a length, even the same, is a runtime call
  }

  /** The run ended: probes still waiting count their unshown replicas as never showing the write. */
  finish(): void {
    for (const list of this.pending) while (list && list.length > 0) this.done(list[0]);
  }

  /** k replicas drawn without replacement (a partial Fisher–Yates shuffle of 0…n−1): the first k of the result. */
  private sample(sim: Sim, k: number): Int32Array {
    const pool = this.pool;
    for (let i = 0; i < pool.length; i++) pool[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + sim.rng.int(pool.length - i);
      const x = pool[i];
      pool[i] = pool[j];
      pool[j] = x;
    }
    return pool;
  }
}

/** Takes `p` out of `list` (short: a probe waits among at most PER_KEY of its key's). */
function remove(list: Probe[] | undefined, p: Probe): void {
  const at = list ? list.indexOf(p) : -1;
  if (at >= 0) list!.splice(at, 1);
}

/** Records a committed write's probe (called by the write path). */
export function onCommitted(sim: Sim, op: Op, w: WriteRec): void {
  sim.visibility[op.g.index].onCommitted(sim, op, w);
}
