// The streaming linearizability monitor: fed invocations and completions in time order, it cuts each key's
// history at quiescent points (no operation of the key in flight, and the next one invoked strictly later) and
// checks each window as it closes, carrying the possible states and the still-pending indeterminate operations
// across the cut (carry.ts). Memory holds the windows in flight and a small carry per key, not the run. A window
// past `maxWindowOps` is given up (unknown, counted) and checking restarts at the next quiescent point from
// "any state"; a window out of budget likewise; a violating window yields a witness and the same restart.
import { OK, FAIL, Search } from './search';
import { check, load, relevant, startAux, startV, type Problem } from './problem';
import { findWitness } from './witness';
import { KeyState, carryRegister, carryWrite, keepTail, noteWrites, restartRegister, type TailWindow } from './carry';
import { carryCounter, restartCounter } from './carry-counter';
import { Tally } from './tally';
import { ADD, READ, WRITE } from './model';
import { boundsOf, type Bounds, type CheckKind, type CheckResult, type HistOp, type Invocation, type ModelKind,
  type VerifyOptions } from './types';

export class Monitor {
  private readonly keys = new Map<string, KeyState>();
  private readonly search: Search;
  private readonly b: Bounds;
  private readonly tally = new Tally();
  private readonly ops: HistOp[] = [];

  constructor(readonly model: ModelKind, options?: VerifyOptions, readonly check: CheckKind = 'linearizable',
    readonly region?: number) {
    this.b = boundsOf(options);
    this.search = new Search(model);
  }

  /** An operation is invoked (events in time order; invocations before completions at the same instant). */
  invoke(inv: Invocation): void {
    let ks = this.keys.get(inv.key);
    if (!ks) this.keys.set(inv.key, (ks = new KeyState(inv.key)));
    if (ks.pending === 0 && inv.invoke > ks.last && (ks.window.length > 0 || ks.over)) this.close(ks);
    ks.pending++;
  }

  /** The operation completes (ok, fail, or info when the client gave up). */
  complete(op: HistOp): void {
    let ks = this.keys.get(op.key);
    if (!ks || ks.pending === 0) {
      this.invoke(op);
      ks = this.keys.get(op.key)!;
    }
    this.tally.ops++;
    ks.pending--;
    if (op.complete > ks.last) ks.last = op.complete;
    if (ks.dead) this.tally.opsUnknown++;
    else if (ks.over) this.overOp(ks, op);
    else if (ks.window.push(op) > this.b.maxWindowOps) {
      ks.over = true;
      this.tally.windows++;
      this.tally.unknown('cap', 0);
      for (const o of ks.window) this.overOp(ks, o);
      ks.window.length = 0;
    }
  }

  /** Closes every open window and returns the result. */
  finish(): CheckResult {
    for (const ks of this.keys.values()) if (ks.window.length > 0 || ks.over) this.close(ks);
    return this.result();
  }

  /** The result so far (windows still open are not in it). */
  result(): CheckResult {
    return this.tally.result(this.check, this.model, this.keys.size);
  }

  /** An operation of a stretch that is not checked: counted, and its indeterminate effect kept. */
  private overOp(ks: KeyState, op: HistOp): void {
    this.tally.opsUnknown++;
    if (op.type !== 'info' || op.f === 'read') return;
    if (this.model === 'register') carryWrite(ks, op, this.b.maxCarriedWrites);
    else (ks.overInc ??= new Map()).set(op.value as number, (ks.overInc.get(op.value as number) ?? 0) + 1);
  }

  private close(ks: KeyState): void {
    if (ks.over) {
      ks.over = false;
      this.restart(ks, []);
    } else this.checkWindow(ks);
    ks.window.length = 0;
    ks.initial = false;
  }

  private restart(ks: KeyState, window: readonly HistOp[]): void {
    if (this.model === 'register') restartRegister(ks, window, this.b.maxCarriedWrites);
    else if (!restartCounter(ks, window, 'restart')) this.tally.unknown('info', 0);
  }

  private checkWindow(ks: KeyState): void {
    const b = this.b;
    const ops = this.ops;
    ops.length = 0;
    for (const op of ks.window) if (relevant(op)) ops.push(op);
    const p: Problem = {
      key: ks.key, model: this.model, ops, startV: ks.startV, startAux: ks.startAux, inc: ks.inc,
      free: ks.carried, ghosts: ks.evicted, freeInc: null,
    };
    this.tally.windows++;
    const t: TailWindow = {
      ops: ks.window, startV: ks.startV, startAux: ks.startAux, inc: ks.inc, src: ks.src, removed: null,
      initial: ks.initial,
    };
    if (ks.wild) this.tally.weak(ks.weak ?? 'restart');
    else if (ks.evicted) this.tally.weak('evicted');
    const r = this.search1(p) ?? this.searchAll(p);
    if (this.model === 'register') noteWrites(ks, ks.window);
    if (r === OK) {
      if (this.model === 'register') {
        t.removed = carryRegister(ks, this.search, ks.window, b.maxStates, b.maxCarriedWrites);
      }
      else if (!carryCounter(ks, this.search, ks.window, b.maxStates)) this.tally.unknown('info', 0);
      keepTail(ks, t);
      ks.window = [];
      return;
    }
    if (r === FAIL) this.violation(ks, p);
    else this.tally.unknown(this.search.reason ?? 'budget', ks.window.length);
    this.restart(ks, ks.window);
    ks.tail = [];
    ks.tailOps = 0;
  }

  /** One definite operation that needs no carried write: every start state stepped (the common window). */
  private search1(p: Problem): number | null {
    if (p.ops.length !== 1 || p.ops[0].type !== 'ok') return null;
    const op = p.ops[0];
    const v = op.value as number;
    if (op.f === 'read' && this.model === 'register' && (p.ghosts || p.free?.has(v))) return null;
    this.search.reset();
    this.search.model.setSlots(p.inc);
    const kind = op.f === 'read' ? READ : op.f === 'write' ? WRITE : ADD;
    return this.search.stepAll(kind, v, p.startV, p.startAux, 4 * this.b.maxStates);
  }

  private searchAll(p: Problem): number {
    load(this.search, p, null);
    return this.search.run(startV, startAux, true, this.b.budget, this.b.maxMemoWords, 4 * this.b.maxStates);
  }

  private violation(ks: KeyState, p: Problem): void {
    this.tally.violatingWindows++;
    if (!ks.violated) this.tally.violatingKeys++;
    ks.violated = true;
    if (this.tally.witnesses.length >= this.b.maxWitnesses) return;
    // The tail and the window together, from the tail's start: the same check, so it fails too (else the window alone).
    const t0 = ks.tail[0];
    let q = p;
    if (t0) {
      const free = new Set<number>(ks.carried?.keys() ?? []);
      for (const t of ks.tail) for (const v of t.removed ?? []) free.add(v);
      q = {
        ...p, ops: [...ks.tail.flatMap((t) => t.ops.filter(relevant)), ...p.ops], startV: t0.startV,
        startAux: t0.startAux, inc: t0.inc, free,
      };
      if (check(this.search, q, null, this.b.budget, this.b.maxMemoWords) !== FAIL) q = p;
    }
    const from = q === p ? { src: ks.src, initial: ks.initial } : t0;
    const sources = new Map<number, HistOp>();
    q.startV.forEach((v, k) => from.src[k] && sources.set(v, from.src[k]!));
    const w = findWitness(this.search, q, this.b, { sources, recent: ks.recent ?? [], initial: from.initial });
    if (this.region !== undefined) w.region = this.region;
    this.tally.witnesses.push(w);
  }
}

/** Feeds whole operations to a monitor as time-ordered events (invocations first at equal times) and finishes. */
export function monitorHistory(ops: readonly HistOp[], model: ModelKind, options?: VerifyOptions): CheckResult {
  const m = new Monitor(model, options);
  feed(m, ops);
  return m.finish();
}

/** Feeds whole operations to anything with invoke/complete, as time-ordered events. */
export function feed(m: { invoke(op: HistOp): void; complete(op: HistOp): void }, ops: readonly HistOp[]): void {
  const ev = new Int32Array(2 * ops.length);
  for (let e = 0; e < ev.length; e++) ev[e] = e;
  const t = (e: number) => (e & 1 ? ops[e >> 1].complete : ops[e >> 1].invoke);
  ev.sort((a, b) => (t(a) < t(b) ? -1 : t(a) > t(b) ? 1 : (a & 1) - (b & 1) || ops[a >> 1].id - ops[b >> 1].id));
  for (const e of ev) {
    if (e & 1) m.complete(ops[e >> 1]);
    else m.invoke(ops[e >> 1]);
  }
}
