// The engine's core: the clock, the event queue, message sending over a group's network (dropped when a
// partition cuts it), waiting at replicas, and the event loop with its cancellation checks and limits.
// Reads, writes, clients and probes live in their own files; this one only dispatches to them.
import { Checker } from './checker';
import { CommitLog } from './commits';
import type { Group } from './group';
import { EventHeap } from './heap';
import type { History } from './history';
import { onReply, onTimeout, startProbe } from './lifecycle';
import type { GroupMetrics } from './metrics';
import { Ev, Kind, type Op, type Waiter, type WriteRec } from './ops';
import type { Rng } from './prng';
import { onReadReq, onReadResp, readAt, serve } from './read-path';
import { includes, type Version, type VV } from './state';
import type { Workload } from './workload';
import { coordinate, onAck, onWrite, writeAt } from './write-path';

export interface SimConfig {
  timeoutMs: number;
  durationMs: number;
  visibilityAt: number[];
  queueCap: number;
}

export type StopReason = 'cancelled' | 'max-events' | 'max-time';

export class Sim {
  now = 0;
  events = 0;
  nextOp = 0;
  readonly heap = new EventHeap<Ev>();
  /** Handled events, for reuse (fewer allocations, less garbage collection). */
  private pool: Ev[] = [];
  /** Per group, per replica: operations waiting for the replica to catch up. */
  readonly waiters: Waiter[][][];
  readonly commits: CommitLog[];
  readonly checkers: Checker[];
  readonly probesLeft: number[];
  readonly stride: number[];
  readonly commitCount: number[];
  workload!: Workload;
  /** Armed timeouts in firing order: all fire `timeoutMs` after they are armed, so a FIFO replaces the heap. */
  private tOps: (Op | null)[] = [];
  private tAt: number[] = [];
  private tAtt: number[] = [];
  private tHead = 0;

  constructor(
    readonly groups: Group[],
    readonly metrics: GroupMetrics[],
    readonly history: History,
    readonly rng: Rng,
    readonly cfg: SimConfig,
    public nextProcess: number,
    probes: { writes: number; stride: number }[],
  ) {
    this.waiters = groups.map((g) => Array.from({ length: g.n }, () => []));
    this.commits = groups.map((g) => new CommitLog(g.keys, g.regions.length));
    this.checkers = groups.map((g) => new Checker(g.keys, g.regions.length));
    this.probesLeft = probes.map((p) => p.writes);
    this.stride = probes.map((p) => p.stride);
    this.commitCount = groups.map(() => 0);
  }

  /** Schedules an event `dt` ms from now. */
  at(dt: number, kind: number, op: Op | null, node: number, att: number, w: WriteRec | null, v: Version | null, flag: number): void {
    const e = this.pool.pop() ?? new Ev();
    e.t = this.now + dt;
    e.kind = kind;
    e.op = op;
    e.node = node;
    e.att = att;
    e.w = w;
    e.v = v;
    e.flag = flag;
    this.heap.push(e);
  }

  /** Arms the timeout of the operation's current attempt. */
  armTimeout(op: Op): void {
    this.tOps.push(op);
    this.tAt.push(this.now + this.cfg.timeoutMs);
    this.tAtt.push(op.attempt);
  }

  /** Fires the next armed timeout if it is due before `before`; false when there is none. Stale ones are dropped uncounted. */
  private nextTimeout(before: number, limitMs: number): 'fired' | 'none' | 'late' {
    while (this.tHead < this.tOps.length) {
      const at = this.tAt[this.tHead];
      if (at >= before) return 'none';
      if (at > limitMs) return 'late';
      const op = this.tOps[this.tHead]!;
      const att = this.tAtt[this.tHead];
      this.tOps[this.tHead++] = null;
      if (this.tHead >= 4096 && this.tHead * 2 >= this.tOps.length) {
        this.tOps = this.tOps.slice(this.tHead);
        this.tAt = this.tAt.slice(this.tHead);
        this.tAtt = this.tAtt.slice(this.tHead);
        this.tHead = 0;
      }
      if (op.done || att !== op.attempt) continue;
      this.now = at;
      this.events++;
      onTimeout(this, op);
      return 'fired';
    }
    return 'none';
  }

  /** Sends a message from region a to region b of group g, arriving after a one-way delay plus `extra`; dropped when cut. */
  send(g: Group, a: number, b: number, extra: number, kind: number, op: Op, node: number, att: number, v: Version | null, flag: number): void {
    if (g.faults.any && g.faults.cut(a, b, this.now)) return;
    if (g.net.unreachable(a, b)) return;
    this.at(g.net.oneWay(a, b, this.now) + extra, kind, op, node, att, null, v, flag);
  }

  /** Parks an operation at replica j until its state for the key includes `need`. */
  wait(g: Group, j: number, op: Op, need: VV): void {
    this.waiters[g.index][j].push({ op, att: op.attempt, need, key: op.key });
  }

  /** After replica j applied a write to `key`: resumes the operations waiting there that it now satisfies. */
  wake(g: Group, j: number, key: number): void {
    const list = this.waiters[g.index][j];
    if (list.length === 0) return;
    const st = g.states[j * g.keys + key];
    const ready: Waiter[] = [];
    let keep = 0;
    for (const w of list) {
      if (w.op.done || w.att !== w.op.attempt) continue;
      if (w.key === key && includes(st.vv, w.need)) ready.push(w);
      else list[keep++] = w;
    }
    list.length = keep;
    for (const w of ready) {
      if (w.op.read) serve(this, w.op, j);
      else coordinate(this, w.op, g.leaderless ? -1 : j);
    }
  }

  private dispatch(e: Ev): void {
    switch (e.kind) {
      case Kind.Arrive:
        this.workload.arrive();
        break;
      case Kind.Req:
        if (e.op!.read) readAt(this, e);
        else writeAt(this, e);
        break;
      case Kind.Write:
        onWrite(this, e);
        break;
      case Kind.Ack:
        onAck(this, e);
        break;
      case Kind.ReadReq:
        onReadReq(this, e);
        break;
      case Kind.ReadResp:
        onReadResp(this, e);
        break;
      case Kind.Reply:
        onReply(this, e);
        break;
      case Kind.Probe:
        startProbe(this, e);
        break;
    }
  }

  /** Runs until the queue is empty or a limit or cancellation stops it. */
  run(limitMs: number, o: { maxEvents: number; checkEvery: number; signal?: AbortSignal; shouldStop?: () => boolean; onProgress?: (f: number) => void }): StopReason | undefined {
    const heap = this.heap;
    let nextCheck = Math.min(this.events + o.checkEvery, o.maxEvents);
    const end = (): StopReason | undefined => (limitMs < this.cfg.durationMs ? 'max-time' : undefined);
    for (;;) {
      const e = heap.peek();
      const timeout = this.nextTimeout(e ? e.t : Infinity, limitMs);
      if (timeout === 'late') return end();
      if (timeout === 'none') {
        if (!e) return undefined;
        if (e.t > limitMs) return end();
        heap.pop();
        this.now = e.t;
        this.events++;
        this.dispatch(e);
        this.pool.push(e);
      }
      if (this.events >= nextCheck) {
        if (this.events >= o.maxEvents) return 'max-events';
        nextCheck = Math.min(nextCheck + o.checkEvery, o.maxEvents);
        if (o.signal?.aborted || o.shouldStop?.()) return 'cancelled';
        o.onProgress?.(Math.min(1, this.now / Math.max(1, this.cfg.durationMs)));
      }
    }
  }
}
