// Who orders a group's writes, and how that changes under faults. A single-leader log (Raft-style): the
// leader holds a lease while it reaches a majority; cut off or crashed, it keeps the lease for one election
// timeout, then the majority side elects the most up-to-date replica (the timeout, a vote round trip and a
// round trip to commit its log), and replicas that rejoin adopt the new leader's log (uncommitted entries
// of an old term are dropped, as Raft truncates them). Multi-primary groups route each region to the
// nearest primary it reaches. Evaluated at each fault boundary (`change`), never per message.
import type { TopologyModel } from '../model/model';
import { majority } from '../util/quorum';
import type { Group } from './group';
import { Kind, type Op } from './ops';
import type { WriteMode } from './protocol';
import type { Sim } from './sim';
import { tryCommit } from './write-path';
import { assign, emptyVersion, newerLog, type Version } from './state';

export interface Election {
  /** When the leader lost its majority, and when the new one took over (ms). */
  lostAtMs: number;
  atMs: number;
  from: string;
  to: string;
  term: number;
}

export class Leadership {
  /** The leader replica (log groups), -1 when there is none. */
  leader = -1;
  term = 1;
  /** When the leader stopped reaching a majority; -1 while it reaches one. */
  lostAt = -1;
  private epoch = 0;
  private waiting = false;
  /** Per client region: the region whose leader coordinates its writes (-1: none reachable). */
  readonly route: Int32Array;
  private readonly staticRoute: Int32Array;
  /** Log groups, per key: the leader's newest proposed state, the highest position committed in this term,
   *  the writes waiting to commit (in log order); per replica and key: the highest position of this term it
   *  acknowledged; per replica: the term it knows and whether it was linked. Positions count a term's writes
   *  (the term's slot of the version vector). */
  readonly head: Version[];
  readonly committed: Float64Array;
  readonly pending: (Op[] | undefined)[];
  readonly match: Float64Array;
  readonly termOf: Int32Array;
  private readonly linked: Uint8Array;
  readonly elections: Election[] = [];

  constructor(
    readonly writeMode: WriteMode,
    leaders: number[],
    regions: string[],
    replicas: number[][],
    private keys: number,
    slots: number,
    readonly electionMs: number,
    private topology: TopologyModel | undefined,
  ) {
    const R = regions.length;
    const n = replicas.reduce((s, r) => s + r.length, 0);
    this.staticRoute = new Int32Array(R).fill(-1);
    for (let c = 0; c < R; c++)
      this.staticRoute[c] =
        writeMode === 'leaderless' || writeMode === 'regional' ? c : this.nearest(c, leaders, regions, () => true);
    this.route = this.staticRoute.slice();
    const log = writeMode === 'log';
    if (log) this.leader = replicas[leaders[0]][0];
    this.head = [];
    if (log) for (let k = 0; k < keys; k++) this.head.push(emptyVersion(slots)); // (Array.from: slow per run)
    this.committed = new Float64Array(log ? keys : 0);
    this.pending = log ? new Array(keys).fill(undefined) : [];
    this.match = new Float64Array(log ? n * keys : 0);
    this.termOf = new Int32Array(n).fill(1);
    this.linked = new Uint8Array(n).fill(1);
  }

  /** The nearest of `leaders` to region c (by round trip) that `ok` accepts; -1 when none. */
  private nearest(c: number, leaders: number[], regions: string[], ok: (l: number) => boolean): number {
    let best = -1;
    let bestMs = Infinity;
    for (const l of leaders) {
      if (!ok(l)) continue;
      const ms = l === c ? 0 : (this.topology?.rtt(regions[c], regions[l]) ?? Infinity);
      if (best < 0 || ms < bestMs) [best, bestMs] = [l, ms];
    }
    return best;
  }

  /** The version-vector slot of the current term's writes. */
  get slot(): number {
    return this.term - 1;
  }

  /** The leader's region, or -1. */
  leaderRegion(g: Group): number {
    return this.leader < 0 ? -1 : g.replicaRegion[this.leader];
  }

  /** May the leader serve lease reads and take writes at `now`? */
  valid(now: number): boolean {
    return this.leader >= 0 && (this.lostAt < 0 || now < this.lostAt + this.electionMs);
  }

  /** Regions that can exchange messages at `now`, as a component label per region (-1: down). */
  private components(g: Group, now: number): Int32Array {
    const R = g.regions.length;
    const label = new Int32Array(R).fill(-2);
    for (let s = 0; s < R; s++) {
      if (label[s] !== -2) continue;
      if (g.faults.down(s, now)) {
        label[s] = -1;
        continue;
      }
      label[s] = s;
      const stack = [s];
      while (stack.length) {
        const a = stack.pop()!;
        for (let b = 0; b < R; b++) {
          if (label[b] !== -2 || g.faults.down(b, now) || g.faults.cut(a, b, now) || g.net.unreachable(a, b)) continue;
          label[b] = s;
          stack.push(b);
        }
      }
    }
    return label;
  }

  /** The label of a component holding a majority of the replicas, or -1. */
  private majorityOf(g: Group, label: Int32Array): number {
    const count = new Map<number, number>();
    g.replicas.forEach((rs, r) => label[r] >= 0 && count.set(label[r], (count.get(label[r]) ?? 0) + rs.length));
    for (const [c, k] of count) if (k >= majority(g.n)) return c;
    return -1;
  }

  /** A fault window started or ended: routes, the leader's majority, rejoining replicas. */
  change(sim: Sim, g: Group): void {
    const now = sim.now;
    if (this.writeMode === 'multi') {
      const label = this.components(g, now);
      for (let c = 0; c < g.regions.length; c++) {
        const r = this.nearest(c, g.leaders, g.regions, (l) => label[l] >= 0 && label[l] === label[c]);
        this.route[c] = r >= 0 ? r : this.staticRoute[c];
      }
      return;
    }
    if (this.writeMode !== 'log') return;
    const label = this.components(g, now);
    const maj = this.majorityOf(g, label);
    const L = this.leaderRegion(g);
    const ok = L >= 0 && label[L] >= 0 && label[L] === maj;
    if (ok) {
      if (this.lostAt >= 0) this.epoch++;
      this.lostAt = -1;
      this.waiting = false;
    } else if (this.lostAt < 0) {
      this.lostAt = now;
      sim.atGroup(this.electionMs, Kind.Elected, g.index, -1, ++this.epoch, 0);
    } else if (this.waiting && maj >= 0) {
      this.waiting = false;
      sim.atGroup(0, Kind.Elected, g.index, -1, ++this.epoch, 0);
    }
    if (!ok) return;
    let joined = false;
    for (let r = 0; r < g.n; r++) {
      const now1 = label[g.replicaRegion[r]] === maj ? 1 : 0;
      if (now1 && !this.linked[r]) {
        this.adopt(sim, g, r);
        joined = true;
      }
      this.linked[r] = now1;
    }
    if (joined) for (let k = 0; k < this.keys; k++) if (this.pending[k]?.length) tryCommit(sim, this.leader, g, k);
  }

  /** Replica r takes the leader's log as its stored state and (sequential followers) its committed state. */
  private adopt(sim: Sim, g: Group, r: number): void {
    const K = this.keys;
    for (let k = 0; k < K; k++) {
      const h = this.head[k];
      (g.accepted ?? g.states).assign(k * g.n + r, h);
      if (g.accepted) g.states.assignRow(k * g.n + r, g.states, k * g.n + this.leader);
      this.match[r * K + k] = h.vv[this.slot];
      sim.wake(g, r, k);
    }
    this.termOf[r] = this.term;
  }

  /** Election events: `flag` 0, the timeout fired (a candidate asks for votes); 1, the candidate `node` won. */
  elect(sim: Sim, g: Group, epoch: number, phase: number, candidate: number): void {
    if (epoch !== this.epoch || (this.lostAt < 0 && this.leader >= 0) || this.term >= g.slots) return;
    const label = this.components(g, sim.now);
    const maj = this.majorityOf(g, label);
    if (maj < 0) {
      this.waiting = true;
      return;
    }
    if (phase === 0) {
      const L = this.leaderRegion(g);
      const from = L >= 0 ? L : this.staticRoute[0];
      const inMaj = (l: number) => label[l] === maj;
      const cand = this.nearest(
        from,
        g.regions.map((_, i) => i),
        g.regions,
        inMaj,
      );
      // A vote round trip to a majority, then a round trip to commit the new leader's log.
      const trips = g.replicaRegion
        .map((b) => (label[b] === maj ? 2 * g.net.oneWay(cand, b, sim.now) : Infinity))
        .sort((a, b) => a - b);
      const rtt = trips[majority(g.n) - 1];
      sim.atGroup(2 * rtt, Kind.Elected, g.index, cand, epoch, 1);
      return;
    }
    if (label[candidate] !== maj) {
      sim.atGroup(0, Kind.Elected, g.index, -1, epoch, 0); // the majority moved: start again
      return;
    }
    this.install(sim, g, candidate, label, maj);
  }

  /** The candidate's region leads: its log is the newest stored state of the majority, per key. */
  private install(sim: Sim, g: Group, region: number, label: Int32Array, maj: number): void {
    const K = this.keys;
    const stored = g.accepted ?? g.states;
    const members = Array.from({ length: g.n }, (_, r) => r).filter((r) => label[g.replicaRegion[r]] === maj);
    const from = this.leaderRegion(g);
    this.leader = g.replicas[region][0];
    this.term++;
    const head: Version[] = [];
    for (let k = 0; k < K; k++) {
      let best = stored.read(k * g.n + members[0]);
      for (const r of members) {
        const v = stored.read(k * g.n + r);
        if (newerLog(v.vv, best.vv)) best = v;
      }
      head.push(best);
      this.committed[k] = 0;
      this.pending[k] = undefined;
    }
    for (let k = 0; k < K; k++) assign(this.head[k], head[k]);
    this.match.fill(0);
    for (const r of members) {
      for (let k = 0; k < K; k++) {
        stored.assign(k * g.n + r, head[k]);
        if (g.accepted) g.states.assign(k * g.n + r, head[k]);
        this.match[r * K + k] = 0;
        sim.wake(g, r, k);
      }
      this.termOf[r] = this.term;
    }
    for (let r = 0; r < g.n; r++) this.linked[r] = label[g.replicaRegion[r]] === maj ? 1 : 0;
    this.route.fill(region);
    this.elections.push({
      lostAtMs: this.lostAt,
      atMs: sim.now,
      from: from >= 0 ? g.regions[from] : '—',
      to: g.regions[region],
      term: this.term,
    });
    this.lostAt = -1;
    this.epoch++;
  }
}
