// What the streaming monitor keeps per key between windows: the possible states at the last cut, with the
// operations in flight at that cut ("pinned": each state says which of them it had already applied), the
// indeterminate operations that may still take effect, the current window, and the last few windows (so that a
// witness can reach back). After a window, the search's end states become the next start states; past
// `maxStates` they collapse to "any state", the pinned operations then free to take effect or not (weaker).
// Register writes that may still take effect are kept by value (only a read of that value can tell they did), the
// oldest evicted past `maxCarriedWrites` (then a read of an unexplained value may be one of them: a weaker
// check). Counters: carry-counter.ts.
import type { HistOp } from './types';
import { WILD } from './model';
import type { Search } from './search';

/** Writes remembered per register key for explanations. */
const RECENT = 8;
/** Operations of the last windows kept per key, so a witness can reach back before the failing window. */
export const TAIL = 16;
/** Shared single start aux or mask of 0 (aux and mask arrays are replaced, never changed in place). */
export const ZERO: number[] = [0];
/** Shared empty list of pinned operations (pin lists are replaced, never changed in place). */
export const NO_OPS: HistOp[] = [];

/** A window cut while some of its operations were in flight: it is checked once they complete. */
export interface Closing {
  ops: HistOp[];
  pending: number;
  cut: number;
  /** Past the window cap: not checked, only its indeterminate effects kept. */
  over: boolean;
}

/** A closed window as a witness reads it: its operations and what the key held when it began. */
export interface TailWindow {
  ops: HistOp[];
  pin: HistOp[];
  startV: number[];
  startAux: number[];
  startMask: number[];
  inc: number[];
  src: (HistOp | null)[];
  /** Register: carried writes the window's reads showed to have taken effect (no longer carried after it). */
  removed: number[] | null;
  initial: boolean;
}

/**
 * A closed window as the tail keeps it. A key's one start state (the common case) is copied into `v0` and `src0`,
 * its `startV` and `src` then null: the key changes its one-state arrays in place (carryRegister), where a new
 * pair per write, kept alive by the tail, was most of what the collector had to copy and promote.
 */
export interface KeptWindow extends Omit<TailWindow, 'startV' | 'src'> {
  startV: number[] | null;
  src: (HistOp | null)[] | null;
  v0: number;
  src0: HistOp | null;
}

/** Everything the monitor holds for one key. */
export class KeyState {
  /** Operations of the current window invoked and not completed. */
  pending = 0;
  /** Latest completion and latest invocation on the key. */
  last = -Infinity;
  lastInvoke = -Infinity;
  window: HistOp[] = [];
  /** The current stretch outgrew the window cap: not checked. */
  over = false;
  closing: Closing | null = null;
  startV: number[] = [0];
  startAux: number[] = ZERO;
  startMask: number[] = ZERO;
  /** Definite operations in flight at the last cut (at most 30). */
  pin: HistOp[] = [];
  /** Register: the write that set each start value (explanations). */
  src: (HistOp | null)[] = [null];
  /** Counter: increment of each pending slot. */
  inc: number[] = [];
  carried: Map<number, HistOp> | null = null;
  evicted = false;
  /** Why the start states are "any state". */
  weak: 'states' | 'restart' | 'budget' | null = null;
  /** Counter increments that no longer fit: the key stays unknown. */
  dead = false;
  violated = false;
  /** The start is the key's initial state. */
  initial = true;
  /** The last RECENT writes, a ring: the oldest at `recentAt` once full (`recentWrites` reads it in order). */
  recent: HistOp[] | null = null;
  recentAt = 0;
  /** Counter: increments of an unchecked stretch that may still be applied, by size. */
  overInc: Map<number, number> | null = null;
  /** The last windows since the last restart, at most TAIL operations (the newest window always): those of
   *  `tail` from `tailHead` on (evicted ones are dropped from the front in batches, not shifted out one by one). */
  tail: KeptWindow[] = [];
  tailHead = 0;
  tailOps = 0;

  constructor(readonly key: string) {}

  /** Does the current start hold "any state"? */
  get wild(): boolean {
    const aux = this.startAux;
    for (let i = 0; i < aux.length; i++) if (aux[i] >= WILD) return true;
    return false;
  }
}

/** Does an operation of a window cut at `cut` still possibly take effect later: indeterminate, or in flight? */
export function optional(op: HistOp, cut: number): boolean {
  return op.type === 'info' || (op.type === 'ok' && op.complete >= cut);
}

/** Keeps a register write that may still take effect; evicts the oldest past the cap. */
export function carryWrite(ks: KeyState, op: HistOp, cap: number): void {
  const c = (ks.carried ??= new Map());
  c.set(op.value as number, op);
  while (c.size > cap) {
    c.delete(c.keys().next().value as number);
    ks.evicted = true;
  }
}

/** Remembers a window's writes (failed ones too) for explanations: the last RECENT, in a ring. */
export function noteWrites(ks: KeyState, ops: readonly HistOp[]): void {
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.f !== 'write') continue;
    const r = (ks.recent ??= []);
    if (r.length < RECENT) r.push(op);
    else {
      r[ks.recentAt] = op;
      ks.recentAt = (ks.recentAt + 1) % RECENT;
    }
  }
}

/** The key's last writes, oldest first. */
export function recentWrites(ks: KeyState): HistOp[] {
  const r = ks.recent ?? [];
  return [...r.slice(ks.recentAt), ...r.slice(0, ks.recentAt)];
}

/** Keeps a closed window in the key's tail (the window array is handed over). */
export function keepTail(ks: KeyState, t: KeptWindow): void {
  const tail = ks.tail;
  tail.push(t);
  ks.tailOps += t.ops.length;
  let h = ks.tailHead;
  while (tail.length - h > 1 && ks.tailOps > TAIL) ks.tailOps -= tail[h++].ops.length;
  if (h >= TAIL) {
    tail.copyWithin(0, h);
    tail.length -= h;
    h = 0;
  }
  ks.tailHead = h;
}

/** The key's tail windows, oldest first. */
export function tailWindows(ks: KeyState): TailWindow[] {
  return ks.tail.slice(ks.tailHead).map((t) => ({ ...t, startV: t.startV ?? [t.v0], src: t.src ?? [t.src0] }));
}

/** The key's current window as its tail keeps it, with what the key holds now (its start). */
export function kept(ks: KeyState, ops: HistOp[]): KeptWindow {
  const one = ks.startV.length === 1;
  return {
    ops,
    pin: ks.pin,
    startV: one ? null : ks.startV,
    startAux: ks.startAux,
    startMask: ks.startMask,
    inc: ks.inc,
    src: one ? null : ks.src,
    v0: ks.startV[0],
    src0: one ? ks.src[0] : null,
    removed: null,
    initial: ks.initial,
  };
}

/** Forgets the key's tail (after a restart: a witness cannot reach back past it). */
export function clearTail(ks: KeyState): void {
  ks.tail = [];
  ks.tailHead = 0;
  ks.tailOps = 0;
}

/**
 * Register: the search's end states, with `out` (the operations in flight at the cut, in the search's order) now
 * pinned, and the writes still pending, become the key's carry. Returns the carried writes the window showed to
 * have taken effect (removed from the carry), or null.
 */
export function carryRegister(
  ks: KeyState,
  s: Search,
  window: readonly HistOp[],
  out: HistOp[],
  cut: number,
  maxStates: number,
  cap: number,
): number[] | null {
  for (let i = 0; i < window.length; i++) {
    const op = window[i];
    if (op.f === 'write' && op.type === 'info') carryWrite(ks, op, cap);
  }
  if (s.endsOverflow || s.ends > maxStates) return restartRegister(ks, window, cut, cap, 'states');
  let removed: number[] | null = null;
  for (let i = 0; i < s.n; i++) {
    if (s.info[i] && !s.unlifted[i] && ks.carried?.delete(s.arg[i])) (removed ??= []).push(s.arg[i]);
  }
  const same = s.ends === 1 && out.length === 0 && ks.pin.length === 0 && ks.startV.length === 1;
  if (!same || ks.startV[0] !== s.endV[0] || ks.startAux[0] !== s.endAux[0]) {
    if (s.ends === 1) {
      // The common end: one state (arrays made at their size, not grown by push: one window per operation or so)
      const src = sourceOf(s.endV[0], ks, window);
      if (ks.startV.length === 1 && ks.src.length === 1) {
        // The key's own one-state arrays (a tail window copies them, nothing else keeps them): changed in place.
        ks.src[0] = src;
        ks.startV[0] = s.endV[0];
      } else {
        ks.src = [src];
        ks.startV = [s.endV[0]];
      }
      ks.startAux = s.endAux[0] === 0 ? ZERO : [s.endAux[0]];
      ks.startMask = s.endMask[0] === 0 ? ZERO : [s.endMask[0]];
    } else {
      const v: number[] = [];
      const aux: number[] = [];
      const mask: number[] = [];
      for (let i = 0; i < s.ends; i++) {
        if (s.endAux[i] < WILD && wildTwin(s, i)) continue;
        v.push(s.endV[i]);
        aux.push(s.endAux[i]);
        mask.push(s.endMask[i]);
      }
      ks.src = v.map((x) => sourceOf(x, ks, window));
      ks.startV = v;
      ks.startAux = aux.length === 1 && aux[0] === 0 ? ZERO : aux;
      ks.startMask = mask.length === 1 && mask[0] === 0 ? ZERO : mask;
    }
    ks.pin = out;
  }
  ks.weak = ks.wild ? (ks.weak ?? 'restart') : null;
  return removed;
}

/** Is there an "any state" end with the same pinned operations applied (which covers end i)? */
function wildTwin(s: Search, i: number): boolean {
  for (let j = 0; j < s.ends; j++) if (s.endAux[j] >= WILD && s.endMask[j] === s.endMask[i]) return true;
  return false;
}

/** The write that set value v: the window's latest write of it, or the one that set a start state. */
function sourceOf(v: number, ks: KeyState, window: readonly HistOp[]): HistOp | null {
  for (let i = window.length - 1; i >= 0; i--) {
    const op = window[i];
    if (op.f === 'write' && op.type !== 'fail' && op.value === v) return op;
  }
  const k = ks.startV.indexOf(v);
  return k >= 0 ? ks.src[k] : null;
}

/**
 * Restarts a register key from "any state": the writes of the window (and the pinned ones) that may still take
 * effect are carried. Returns null (no carried write was shown to have taken effect).
 */
export function restartRegister(
  ks: KeyState,
  window: readonly HistOp[],
  cut: number,
  cap: number,
  why: 'states' | 'restart' | 'budget' = 'restart',
): null {
  for (const op of ks.pin) if (op.f === 'write' && optional(op, cut)) carryWrite(ks, op, cap);
  for (const op of window) if (op.f === 'write' && optional(op, cut)) carryWrite(ks, op, cap);
  ks.startV = [0];
  ks.startAux = [WILD];
  ks.startMask = ZERO;
  ks.pin = [];
  ks.src = [null];
  ks.weak = why;
  return null;
}
