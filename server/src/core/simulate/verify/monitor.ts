// The streaming linearizability monitor: fed invocations and completions in time order, it cuts each key's
// history into windows and checks each window as it closes, carrying the possible states and the pending
// indeterminate operations across the cut (carry.ts). A cut falls at an invocation later than every earlier
// invocation and completion on the key: every operation completed by then precedes every later one, so any
// linearization puts the window's completed operations first. At a quiescent point (nothing in flight) the window
// is checked at once; a window of `cutOps` operations that never quiesces is cut where at most `maxPinned` are in
// flight, checked once those complete, and each end state says which of them it had applied. Memory holds the
// windows in flight and a small carry per key, not the run. A window past `maxWindowOps` is given up (unknown,
// counted) and checking restarts at a later cut from "any state"; a window out of budget likewise; a violating
// window yields a witness and the same restart.
import { OK, FAIL, Search, UNKNOWN } from './search';
import { load, loaded, relevant, startAux, startV, type Problem } from './problem';
import {
  KeyState,
  carryRegister,
  carryWrite,
  clearTail,
  keepTail,
  kept,
  NO_OPS,
  noteWrites,
  optional,
  restartRegister,
} from './carry';
import { carryCounter, restartCounter } from './carry-counter';
import { ADD, READ, WRITE } from './model';
import { Tally } from './tally';
import { witnessFor } from './witness-tail';
import {
  boundsOf,
  type Bounds,
  type CheckKind,
  type CheckResult,
  type HistOp,
  type Invocation,
  type ModelKind,
  type VerifyOptions,
  type WeakReasons,
} from './types';

type Weak = Exclude<keyof WeakReasons, 'evicted'>;

/** Streaming linearizability of one data type's history, fed invocations and completions in time order. */
export class Monitor {
  private readonly keys = new Map<string, KeyState>();
  private readonly search: Search;
  private readonly b: Bounds;
  private readonly tally = new Tally();
  private readonly ops: HistOp[] = [];

  constructor(
    readonly model: ModelKind,
    options?: VerifyOptions,
    readonly check: CheckKind = 'linearizable',
    readonly region?: number,
  ) {
    this.b = boundsOf(options);
    this.search = new Search(model);
  }

  /** An operation is invoked (events in time order; invocations before completions at the same instant). */
  invoke(inv: Invocation): void {
    let ks = this.keys.get(inv.key);
    if (!ks) this.keys.set(inv.key, (ks = new KeyState(inv.key)));
    const t = inv.invoke;
    if (!ks.closing && t > ks.lastInvoke && t > ks.last) this.maybeCut(ks, t);
    ks.pending++;
    if (t > ks.lastInvoke) ks.lastInvoke = t;
  }

  /** The operation completes (ok, fail, or info when the client gave up). */
  complete(op: HistOp): void {
    let ks = this.keys.get(op.key);
    if (!ks) {
      this.invoke(op);
      ks = this.keys.get(op.key)!;
    }
    this.tally.ops++;
    if (op.complete > ks.last) ks.last = op.complete;
    const c = ks.closing;
    if (c && op.invoke < c.cut) {
      if (c.over || ks.dead) this.overOp(ks, op, c.cut);
      else c.ops.push(op);
      if (--c.pending <= 0) this.finishClosing(ks);
      return;
    }
    ks.pending--;
    if (ks.dead || ks.over) this.overOp(ks, op, Infinity);
    else if (ks.window.push(op) > this.b.maxWindowOps) {
      ks.over = true;
      this.tally.windows++;
      this.tally.unknown('cap', 0);
      for (const o of ks.window) this.overOp(ks, o, Infinity);
      ks.window = [];
    }
  }

  /** Closes every open window and returns the result. */
  finish(): CheckResult {
    for (const ks of this.keys.values()) {
      if (ks.closing) this.finishClosing(ks);
      if (ks.window.length > 0 || ks.over) {
        this.cut(ks, Infinity);
        this.finishClosing(ks);
      }
    }
    return this.result();
  }

  /** The result so far (windows still open are not in it). */
  result(): CheckResult {
    return this.tally.result(this.check, this.model, this.keys.size);
  }

  private maybeCut(ks: KeyState, t: number): void {
    if (ks.window.length === 0 && !ks.over) return;
    if (ks.pending === 0) {
      this.cut(ks, t);
      this.finishClosing(ks);
    } else if (ks.pending <= this.b.maxPinned && (ks.over || ks.window.length >= this.b.cutOps)) this.cut(ks, t);
  }

  private cut(ks: KeyState, t: number): void {
    ks.closing = { ops: ks.window, pending: ks.pending, cut: t, over: ks.over };
    ks.window = [];
    ks.pending = 0;
    ks.over = false;
  }

  private finishClosing(ks: KeyState): void {
    const c = ks.closing!;
    ks.closing = null;
    if (ks.dead) return;
    if (c.over) this.restart(ks, [], c.cut);
    else this.checkWindow(ks, c.ops, c.cut);
    ks.initial = false;
  }

  /** An operation of a stretch that is not checked: counted, and what may still take effect of it kept. */
  private overOp(ks: KeyState, op: HistOp, cut: number): void {
    this.tally.opsUnknown++;
    if (ks.dead || op.f === 'read' || !optional(op, cut)) return;
    if (this.model === 'register') carryWrite(ks, op, this.b.maxCarriedWrites);
    else (ks.overInc ??= new Map()).set(op.value as number, (ks.overInc.get(op.value as number) ?? 0) + 1);
  }

  private restart(ks: KeyState, window: readonly HistOp[], cut: number, why: Weak = 'restart'): void {
    if (this.model === 'register') restartRegister(ks, window, cut, this.b.maxCarriedWrites, why);
    else if (!restartCounter(ks, window, cut, why)) this.tally.unknown('info', 0);
    clearTail(ks);
  }

  private checkWindow(ks: KeyState, window: HistOp[], cut: number): void {
    const b = this.b;
    this.tally.windows++;
    if (ks.wild) this.tally.weak(ks.weak ?? 'restart');
    else if (ks.evicted) this.tally.weak('evicted');
    // Most windows hold one operation and nothing pinned: stepped at once, the problem built only if needed.
    const one = ks.pin.length === 0 ? soleOp(window) : null;
    let r = one ? this.search1(ks, one, cut) : null;
    const p = r === OK ? null : this.problem(ks, window, cut);
    if (p) r ??= this.searchAll(p, true);
    if (this.model === 'register') noteWrites(ks, window);
    if (p && r === UNKNOWN && this.search.reason !== 'info' && this.search.reason !== 'cap') {
      // Too many end states to enumerate: one order suffices to judge the window; the next starts from any state.
      r = this.searchAll(p, false);
      if (r === OK) return this.restart(ks, window, cut, 'budget');
    }
    if (r === OK) {
      const t = kept(ks, window);
      const s = this.search;
      let out = NO_OPS;
      if (s.nOut > 0) {
        out = [];
        for (let k = 0; k < s.nOut; k++) out.push(loaded[s.out[k]]!);
      }
      if (this.model === 'register') {
        t.removed = carryRegister(ks, s, window, out, cut, b.maxStates, b.maxCarriedWrites);
      } else if (!carryCounter(ks, s, window, out, cut, b.maxStates)) this.tally.unknown('info', 0);
      keepTail(ks, t);
      return;
    }
    if (r === FAIL) this.violation(ks, p!);
    else this.tally.unknown(this.search.reason ?? 'budget', window.length);
    this.restart(ks, window, cut);
  }

  /** The window's check problem: the pinned operations, then the window's relevant ones. */
  private problem(ks: KeyState, window: HistOp[], cut: number): Problem {
    // Overwritten and cut to size, never emptied (`length = 0` would drop its storage, grown again every time).
    const ops = this.ops;
    let n = 0;
    for (let i = 0; i < ks.pin.length; i++) ops[n++] = ks.pin[i];
    for (let i = 0; i < window.length; i++) if (relevant(window[i])) ops[n++] = window[i];
    ops.length = n;
    return {
      key: ks.key,
      model: this.model,
      ops,
      startV: ks.startV,
      startAux: ks.startAux,
      inc: ks.inc,
      free: ks.carried,
      ghosts: ks.evicted,
      freeInc: null,
      npin: ks.pin.length,
      startMask: ks.startMask,
      cut,
    };
  }

  /**
   * The window's one definite operation, completed before the cut, stepped from every start state (the common
   * window); null when the window is not that (nothing pinned is the caller's part) or the search is needed.
   */
  private search1(ks: KeyState, op: HistOp, cut: number): number | null {
    if (op.type !== 'ok' || !(op.complete < cut)) return null;
    const v = op.value as number;
    if (op.f === 'read' && this.model === 'register' && (ks.evicted || ks.carried?.has(v))) return null;
    this.search.reset();
    this.search.model.setSlots(ks.inc);
    const kind = op.f === 'read' ? READ : op.f === 'write' ? WRITE : ADD;
    return this.search.stepAll(kind, v, ks.startV, ks.startAux, 4 * this.b.maxStates);
  }

  /** Collecting (a quarter of the budget: the fallback needs the rest) or first mode. */
  private searchAll(p: Problem, collect: boolean): number {
    const b = this.b;
    load(this.search, p, null);
    const budget = collect ? b.budget / 4 : b.budget;
    return this.search.run(startV, startAux, p.startMask!, p.npin!, collect, budget, b.maxMemoWords, 4 * b.maxStates);
  }

  private violation(ks: KeyState, p: Problem): void {
    this.tally.violatingWindows++;
    if (!ks.violated) this.tally.violatingKeys++;
    ks.violated = true;
    if (this.tally.witnesses.length >= this.b.maxWitnesses) return;
    const w = witnessFor(this.search, ks, p, this.b);
    if (this.region !== undefined) w.region = this.region;
    this.tally.witnesses.push(w);
  }
}

/** The window's only operation that can matter to the models, or null when it has none or several. */
function soleOp(window: readonly HistOp[]): HistOp | null {
  let one: HistOp | null = null;
  for (let i = 0; i < window.length; i++) {
    if (!relevant(window[i])) continue;
    if (one) return null;
    one = window[i];
  }
  return one;
}
