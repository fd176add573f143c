// The counter side of the carry across windows: end states with their pending indeterminate increments (counted
// per size in aux, see model.ts) and the operations in flight at the cut they had applied, pruned of those
// another state reaches by applying some of its pending ones; and
// the restart from "any state", which keeps every increment that may still be pending. Past 3 sizes or 65535 of
// one the key can no longer be followed (a pending increment may surface at any later read): it stays unknown.
import type { HistOp } from './types';
import { MAX_PENDING, RADIX, SLOTS, WILD, countAdds, pendingOf } from './model';
import type { Search } from './search';
import { ZERO, optional, type KeyState } from './carry';

/**
 * Counter: the search's end states (pending folded in by size), with `out` (the operations in flight at the cut)
 * now pinned, pruned; "any state" past the bound. False when the key can no longer be followed.
 */
export function carryCounter(
  ks: KeyState,
  s: Search,
  window: readonly HistOp[],
  out: HistOp[],
  cut: number,
  maxStates: number,
): boolean {
  if (s.endsOverflow) return restartCounter(ks, window, cut, 'states');
  const m = s.model;
  if (m.slots !== ks.inc.length) ks.inc = Array.from(m.inc.subarray(0, m.slots));
  if (s.ends === 1 && out.length === 0) {
    if (ks.startV.length !== 1 || ks.startV[0] !== s.endV[0]) ks.startV = [s.endV[0]];
    const a = s.endAux[0];
    if (ks.startAux.length !== 1 || ks.startAux[0] !== a) ks.startAux = a === 0 ? ZERO : [a];
    ks.startMask = ZERO;
    ks.pin = out;
  } else {
    const v: number[] = [];
    const aux: number[] = [];
    const mask: number[] = [];
    for (let i = 0; i < s.ends; i++) {
      if (dominated(i, s, ks.inc)) continue;
      v.push(s.endV[i]);
      aux.push(s.endAux[i]);
      mask.push(s.endMask[i]);
    }
    if (v.length > maxStates) return restartCounter(ks, window, cut, 'states');
    ks.startV = v;
    ks.startAux = aux;
    ks.startMask = mask;
    ks.pin = out;
  }
  ks.weak = ks.wild ? (ks.weak ?? 'restart') : null;
  if (ks.inc.length > 0) compact(ks);
  return true;
}

/**
 * Can another end state with the same pinned operations applied reach state b by applying some of its pending
 * increments (or is it "any" with more pending)?
 */
function dominated(b: number, s: Search, inc: number[]): boolean {
  const v = s.endV;
  const aux = s.endAux;
  for (let a = 0; a < s.ends; a++) {
    if (a === b || s.endMask[a] !== s.endMask[b]) continue;
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
 * Restarts a counter key from "any state", keeping as pending the most any start state had plus the increments of
 * the window (and the pinned ones) that may still be applied, and those of an unchecked stretch. False when they
 * no longer fit: the key is then dead.
 */
export function restartCounter(
  ks: KeyState,
  window: readonly HistOp[],
  cut: number,
  why: 'states' | 'restart' | 'budget',
): boolean {
  const counts = new Map<number, number>();
  ks.inc.forEach((d, k) => counts.set(d, Math.max(...ks.startAux.map((a) => pendingOf(a, k)))));
  countAdds(
    ks.pin.filter((op) => optional(op, cut)),
    counts,
  );
  countAdds(
    window.filter((op) => optional(op, cut)),
    counts,
  );
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
  ks.startMask = ZERO;
  ks.pin = [];
  ks.weak = why;
  return true;
}
