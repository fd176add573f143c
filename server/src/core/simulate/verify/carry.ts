// What the streaming monitor keeps per key between windows: the possible states at the last quiescent point, the
// indeterminate operations that may still take effect, and the current window. After a window, the search's end
// states become the next start states (pruned: a state another one can reach by applying pending increments adds
// nothing); past `maxStates` they collapse to "any state". Register writes that may still take effect are kept by
// value (only a read of that value can tell they did), the oldest evicted past `maxCarriedWrites` (then a read of
// an unexplained value may be one of them: a weaker check). Counter increments that may still be applied are
// counted per size in the state itself (see model.ts).
import type { HistOp } from './types';
import { MAX_PENDING, RADIX, SLOTS, WILD, countAdds, pendingOf } from './model';
import type { Search } from './search';

/** Writes remembered per register key for explanations. */
const RECENT = 8;
/** Operations of the last windows kept per key, so a witness can reach back before the failing window. */
export const TAIL = 16;

/** A closed window kept for witnesses: its operations and what the key held when it began. */
export interface TailWindow {
  ops: HistOp[];
  startV: number[];
  startAux: number[];
  inc: number[];
  src: (HistOp | null)[];
  /** Register: carried writes the window's reads showed to have taken effect (no longer carried after it). */
  removed: number[] | null;
  initial: boolean;
}

export class KeyState {
  /** Operations invoked and not completed. */
  pending = 0;
  /** Latest completion in the current window. */
  last = -Infinity;
  window: HistOp[] = [];
  /** The current stretch outgrew the window cap: not checked. */
  over = false;
  startV: number[] = [0];
  startAux: number[] = [0];
  /** Register: the write that set each start value (explanations). */
  src: (HistOp | null)[] = [null];
  /** Counter: increment of each pending slot. */
  inc: number[] = [];
  carried: Map<number, HistOp> | null = null;
  evicted = false;
  /** Why the start states are "any state". */
  weak: 'states' | 'restart' | null = null;
  /** Counter increments that no longer fit: the key stays unknown. */
  dead = false;
  violated = false;
  /** The start is the key's initial state. */
  initial = true;
  recent: HistOp[] | null = null;
  /** Counter: indeterminate increments of an unchecked stretch, by size. */
  overInc: Map<number, number> | null = null;
  /** The last windows since the last restart, at most TAIL operations (the newest window always). */
  tail: TailWindow[] = [];
  tailOps = 0;

  constructor(readonly key: string) {}

  /** Does the current start hold "any state"? */
  get wild(): boolean {
    for (const a of this.startAux) if (a >= WILD) return true;
    return false;
  }
}

/** Keeps an indeterminate register write that may still take effect; evicts the oldest past the cap. */
export function carryWrite(ks: KeyState, op: HistOp, cap: number): void {
  const c = (ks.carried ??= new Map());
  c.set(op.value as number, op);
  while (c.size > cap) {
    c.delete(c.keys().next().value as number);
    ks.evicted = true;
  }
}

/** Remembers a window's writes (failed ones too) for explanations. */
export function noteWrites(ks: KeyState, ops: readonly HistOp[]): void {
  for (const op of ops) {
    if (op.f !== 'write') continue;
    const r = (ks.recent ??= []);
    r.push(op);
    if (r.length > RECENT) r.shift();
  }
}

/** Keeps a closed window in the key's tail (the window array is handed over). */
export function keepTail(ks: KeyState, t: TailWindow): void {
  ks.tail.push(t);
  ks.tailOps += t.ops.length;
  while (ks.tail.length > 1 && ks.tailOps > TAIL) ks.tailOps -= ks.tail.shift()!.ops.length;
}

/**
 * Register: the search's end states and the writes still pending become the key's carry. Returns the carried
 * writes the window showed to have taken effect (removed from the carry), or null.
 */
export function carryRegister(ks: KeyState, s: Search, window: readonly HistOp[], maxStates: number,
  cap: number): number[] | null {
  for (const op of window) if (op.f === 'write' && op.type === 'info') carryWrite(ks, op, cap);
  if (s.endsOverflow || s.ends > maxStates) return setAny(ks, 'states');
  for (let i = 0; i < s.ends; i++) if (s.endAux[i] >= WILD) return setAny(ks, ks.weak ?? 'restart');
  let removed: number[] | null = null;
  for (let i = 0; i < s.n; i++) {
    if (s.info[i] && !s.unlifted[i] && ks.carried?.delete(s.arg[i])) (removed ??= []).push(s.arg[i]);
  }
  if (s.ends !== 1 || ks.startV.length !== 1 || ks.startV[0] !== s.endV[0] || ks.startAux[0] !== 0) {
    const v = Array.from(s.endV.subarray(0, s.ends));
    ks.src = v.map((x) => sourceOf(x, ks, window));
    ks.startV = v;
    ks.startAux = v.length === 1 ? ZERO : v.map(() => 0);
  }
  ks.weak = null;
  return removed;
}

/** Shared start aux of one exact state (start arrays are replaced, never changed in place). */
const ZERO: number[] = [0];

/** The write that set value v: the window's latest write of it, or the one that set a start state. */
function sourceOf(v: number, ks: KeyState, window: readonly HistOp[]): HistOp | null {
  for (let i = window.length - 1; i >= 0; i--) {
    const op = window[i];
    if (op.f === 'write' && op.type !== 'fail' && op.value === v) return op;
  }
  const k = ks.startV.indexOf(v);
  return k >= 0 ? ks.src[k] : null;
}

function setAny(ks: KeyState, why: 'states' | 'restart'): null {
  ks.startV = [0];
  ks.startAux = [WILD];
  ks.src = [null];
  ks.weak = why;
  return null;
}

/** Counter: the search's end states (pending folded in by size), pruned; "any state" past the bound. */
export function carryCounter(ks: KeyState, s: Search, window: readonly HistOp[], maxStates: number): boolean {
  if (s.endsOverflow) return restartCounter(ks, window, 'states');
  const m = s.model;
  if (m.slots !== ks.inc.length) ks.inc = Array.from(m.inc.subarray(0, m.slots));
  if (s.ends === 1) {
    if (ks.startV.length !== 1 || ks.startV[0] !== s.endV[0]) ks.startV = [s.endV[0]];
    const a = s.endAux[0];
    if (ks.startAux.length !== 1 || ks.startAux[0] !== a) ks.startAux = a === 0 ? ZERO : [a];
  } else {
    const v: number[] = [];
    const aux: number[] = [];
    for (let i = 0; i < s.ends; i++) {
      if (dominated(i, s.endV, s.endAux, s.ends, ks.inc)) continue;
      v.push(s.endV[i]);
      aux.push(s.endAux[i]);
    }
    ks.startV = v;
    ks.startAux = aux;
    if (v.length > maxStates) return restartCounter(ks, [], 'states');
  }
  ks.weak = ks.wild ? ks.weak ?? 'restart' : null;
  if (ks.inc.length > 0) compact(ks);
  return true;
}

/** Can another end state reach state b by applying some of its pending increments (or is it "any" with more)? */
function dominated(b: number, v: Float64Array, aux: Float64Array, n: number, inc: number[]): boolean {
  for (let a = 0; a < n; a++) {
    if (a === b) continue;
    const wild = aux[a] >= WILD;
    if (aux[b] >= WILD && !wild) continue;
    let diff = 0;
    let ok = true;
    for (let k = 0; k < inc.length && ok; k++) {
      const d = pendingOf(aux[a], k) - pendingOf(aux[b], k);
      ok = d >= 0;
      diff += d * inc[k];
    }
    if (ok && (wild || v[b] - v[a] === diff)) return true;
  }
  return false;
}

/** Drops slots no state has pending increments in. */
function compact(ks: KeyState): void {
  const used = ks.inc.map((_, k) => ks.startAux.some((a) => pendingOf(a, k) > 0));
  if (used.every(Boolean)) return;
  ks.startAux = ks.startAux.map((a) => {
    let out = a >= WILD ? WILD : 0;
    for (let k = 0, j = 0; k < ks.inc.length; k++) if (used[k]) out += pendingOf(a, k) * RADIX ** j++;
    return out;
  });
  ks.inc = ks.inc.filter((_, k) => used[k]);
}

/**
 * Restarts a counter key from "any state", keeping as pending the most any start state had plus the window's (or
 * the unchecked stretch's) indeterminate increments. False when they no longer fit: the key is then dead.
 */
export function restartCounter(ks: KeyState, window: readonly HistOp[], why: 'states' | 'restart'): boolean {
  const counts = new Map<number, number>();
  ks.inc.forEach((d, k) => counts.set(d, Math.max(...ks.startAux.map((a) => pendingOf(a, k)))));
  countAdds(window.filter((op) => op.type === 'info'), counts);
  for (const [d, n] of ks.overInc ?? []) counts.set(d, (counts.get(d) ?? 0) + n);
  ks.overInc = null;
  const inc = [...counts].filter(([, n]) => n > 0);
  if (inc.length > SLOTS || inc.some(([, n]) => n > MAX_PENDING)) {
    ks.dead = true;
    return false;
  }
  ks.inc = inc.map(([d]) => d);
  ks.startV = [0];
  ks.startAux = [WILD + inc.reduce((a, [, n], k) => a + n * RADIX ** k, 0)];
  ks.weak = why;
  return true;
}

/** Restarts a register key from "any state"; the window's indeterminate writes stay pending. */
export function restartRegister(ks: KeyState, window: readonly HistOp[], cap: number): void {
  for (const op of window) if (op.f === 'write' && op.type === 'info') carryWrite(ks, op, cap);
  setAny(ks, 'restart');
}
