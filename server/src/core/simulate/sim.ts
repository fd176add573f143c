// The engine's core: the clock, the event queue and the operation timers, message sending over a group's
// network (dropped when a partition cuts it), waiting at replicas, and the event loop with its
// cancellation checks and limits. Reads, writes, clients, leadership and probes live in their own files.
import { Action } from './capacity';
import { CalendarQueue } from './calendar';
import type { Checker } from './checker';
import { CommitLog } from './commits';
import type { Group } from './group';
import { admit, onAttempt, onDeadline, onReply } from './lifecycle';
import type { GroupMetrics } from './metrics';
import { Ev, Kind, type Op, type Waiter, type WriteRec } from './ops';
import type { Rng } from './prng';
import { answer, onReadReq, onReadResp, onWriteBack, onWriteBackAck, readAt, serve } from './read-path';
import type { Recorder } from './record';
import { type Version, type VV } from './state';
import { TimerQueue } from './timers';
import { Visibility } from './visibility';
import type { Workload } from './workload';
import { coordinate, onAck, onCommit, onWrite, writeAt } from './write-path';

export interface SimConfig {
  timeoutMs: number;
  durationMs: number;
  queueCap: number;
}

export type StopReason = 'cancelled' | 'max-events' | 'max-time';

export class Sim {
  now = 0;
  events = 0;
  nextOp = 0;
  readonly queue = new CalendarQueue<Ev>();
  /** Handled events, for reuse (fewer allocations, less garbage collection): a list linked through `Ev.free`
   *  (an array's push was not inlined in the loop, a builtin call per event). */
  private free: Ev | null = null;
  /** Per group, per replica: operations waiting for the replica to catch up. */
  readonly waiters: Waiter[][][];
  /** Per group, the recent commits a bounded-staleness read must include; none for other levels (only a
   *  bounded group's reads consult it, read-path.ts). */
  readonly commits: (CommitLog | undefined)[];
  readonly visibility: Visibility[];
  workload!: Workload;
  private deadlines: TimerQueue;
  private attempts: TimerQueue;

  constructor(
    readonly groups: Group[],
    readonly metrics: GroupMetrics[],
    readonly checkers: Checker[],
    readonly record: Recorder,
    readonly rng: Rng,
    readonly cfg: SimConfig,
    public nextProcess: number,
    visibilityAt: number[],
    /** Per group: probe every k-th committed write. */
    probeStride: number[],
  ) {
    this.waiters = groups.map((g) => Array.from({ length: g.n }, () => []));
    this.commits = groups.map((g) => (g.bounded ? new CommitLog(g.keys, g.slots) : undefined));
    this.visibility = groups.map((g, i) => new Visibility(g, visibilityAt, probeStride[i]));
    this.deadlines = new TimerQueue(cfg.timeoutMs);
    this.attempts = new TimerQueue(cfg.timeoutMs / 2);
  }

  /** Schedules an event `dt` ms from now. */
  at(
    dt: number,
    kind: number,
    op: Op | null,
    node: number,
    att: number,
    w: WriteRec | null,
    v: Version | null,
    flag: number,
  ): Ev {
    let e = this.free;
    if (e) this.free = e.free;
    else e = new Ev();
    e.t = this.now + dt;
    e.kind = kind;
    e.op = op;
    e.node = node;
    e.att = att;
    e.w = w;
    e.v = v;
    e.flag = flag;
    this.queue.push(e);
    return e;
  }

  /** Schedules an event for group `gi` that carries no operation (only such events read their `gi`). */
  atGroup(dt: number, kind: number, gi: number, node: number, att: number, flag: number): void {
    this.at(dt, kind, null, node, att, null, null, flag).gi = gi;
  }

  armDeadline(op: Op): void {
    this.deadlines.arm(op, this.now);
  }

  armAttempt(op: Op): void {
    this.attempts.arm(op, this.now);
  }

  /**
   * Sends a message from region a to region b of group g, arriving after a one-way delay plus `extra`; dropped
   * when cut.
   */
  send(
    g: Group,
    a: number,
    b: number,
    extra: number,
    kind: number,
    op: Op,
    node: number,
    att: number,
    v: Version | null,
    flag: number,
  ): void {
    if (g.faults.any && g.faults.cut(a, b, this.now)) return;
    if (g.net.unreachable(a, b)) return;
    this.at(g.net.oneWay(a, b, this.now) + extra, kind, op, node, att, null, v, flag);
  }

  /** Parks an operation at replica j until its state for the key includes `need`. */
  wait(g: Group, j: number, op: Op, need: VV): void {
    this.waiters[g.index][j].push({ op, att: op.attempt, need, key: op.key });
  }

  /** After replica j's state for `key` grew: resumes the operations waiting there that it now satisfies. */
  wake(g: Group, j: number, key: number): void {
    const list = this.waiters[g.index][j];
    if (list.length === 0) return;
    const st = key * g.n + j;
    const ready: Waiter[] = [];
    let keep = 0;
    for (const w of list) {
      if (w.op.done || w.att !== w.op.attempt) continue;
      if (w.key === key && g.states.includes(st, w.need)) ready.push(w);
      else list[keep++] = w;
    }
    list.length = keep;
    for (const w of ready) {
      if (w.op.read) serve(this, w.op, j);
      else coordinate(this, w.op, j);
    }
  }

  /** Replica r's visible state for `key` changed: t-visibility probes waiting on it may resolve. */
  observeApply(g: Group, r: number, key: number): void {
    this.visibility[g.index].applied(this, r, key);
  }

  private dispatch(e: Ev): void {
    switch (e.kind) {
      case Kind.Arrive:
        admit(this, this.workload.arrive());
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
      case Kind.Served: {
        const op = e.op!;
        op.g.pools.release(this, e.node);
        if (op.done || e.att !== op.attempt) break;
        if (e.flag === Action.Serve) answer(this, op, e.node);
        else coordinate(this, op, e.node);
        break;
      }
      case Kind.Commit:
        onCommit(this, e);
        break;
      case Kind.WriteBack:
        onWriteBack(this, e);
        break;
      case Kind.WriteBackAck:
        onWriteBackAck(this, e);
        break;
      case Kind.Change:
        for (const g of this.groups) g.lead.change(this, g);
        break;
      case Kind.Elected:
        this.groups[e.gi].lead.elect(this, this.groups[e.gi], e.att, e.flag, e.node);
        break;
    }
  }

  /** Runs until the queue is empty or a limit or cancellation stops it. */
  run(
    limitMs: number,
    o: {
      maxEvents: number;
      checkEvery: number;
      signal?: AbortSignal;
      shouldStop?: () => boolean;
      onProgress?: (f: number) => void;
    },
  ): StopReason | undefined {
    const queue = this.queue;
    let nextCheck = Math.min(this.events + o.checkEvery, o.maxEvents);
    for (;;) {
      const te = queue.peekTime();
      const td = this.deadlines.peek();
      const ta = this.attempts.peek();
      const t = Math.min(te, td, ta);
      if (t === Infinity) return undefined;
      if (t > limitMs) {
        if (limitMs >= this.cfg.durationMs) return undefined;
        this.now = limitMs;
        return 'max-time';
      }
      this.now = t;
      this.events++;
      if (td === t) onDeadline(this, this.deadlines.pop());
      else if (ta === t) onAttempt(this, this.attempts.pop());
      else {
        const e = queue.pop()!;
        this.dispatch(e);
        e.free = this.free;
        this.free = e;
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
