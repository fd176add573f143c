// The counter side of the carry across windows: end states with their pending indeterminate increments (counted
// per size in aux, see model.ts), pruned of those another state reaches by applying some of its pending ones; and
// the restart from "any state", which keeps every increment that may still be pending. Past 3 sizes or 65535 of
// one the key can no longer be followed (a pending increment may surface at any later read): it stays unknown.
import type { HistOp } from './types';
import { MAX_PENDING, RADIX, SLOTS, WILD, countAdds, pendingOf } from './model';
import type { Search } from './search';
import { ZERO, type KeyState } from './carry';

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
