// What the streaming monitor keeps per key between windows: the possible states at the last quiescent point, the
// indeterminate operations that may still take effect, the current window, and the last few windows (so that a
// witness can reach back). After a window, the search's end states become the next start states; past
// `maxStates` they collapse to "any state". Register writes that may still take effect are kept by value (only a
// read of that value can tell they did), the oldest evicted past `maxCarriedWrites` (then a read of an
// unexplained value may be one of them: a weaker check). Counters: carry-counter.ts.
import type { HistOp } from './types';
import { WILD } from './model';
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
export const ZERO: number[] = [0];

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

/** Restarts a register key from "any state"; the window's indeterminate writes stay pending. */
export function restartRegister(ks: KeyState, window: readonly HistOp[], cap: number): void {
  for (const op of window) if (op.f === 'write' && op.type === 'info') carryWrite(ks, op, cap);
  setAny(ks, 'restart');
}
