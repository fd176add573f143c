// The witness of a window the streaming monitor found violating: the window and the last windows before it (the
// key's tail) checked together from the tail's start — the same check, so it fails too, and minimises to a
// witness that can reach back past the cut (a stale read keeps the write it missed) — else the window alone.
import { FAIL, type Search } from './search';
import { check, relevant, type Problem } from './problem';
import { findWitness } from './witness';
import { recentWrites, tailWindows, type KeyState } from './carry';
import type { Bounds, HistOp, Witness } from './types';

/** Finds, minimises and explains the witness of the key's failing window `p`. */
export function witnessFor(search: Search, ks: KeyState, p: Problem, b: Bounds): Witness {
  const tail = tailWindows(ks);
  // Prefer a start with nothing in flight (a quiescent cut): the witness then needs no context.
  let j = tail.findIndex((t) => t.pin.length === 0);
  if (j < 0) j = 0;
  let q = p;
  if (tail.length > 0) {
    const t0 = tail[j];
    const free = new Set<number>(ks.carried?.keys() ?? []);
    const ops: HistOp[] = [...t0.pin];
    for (const t of tail.slice(j)) {
      for (const v of t.removed ?? []) free.add(v);
      for (const op of t.ops) if (relevant(op)) ops.push(op);
    }
    ops.push(...p.ops.slice(p.npin ?? 0));
    q = {
      ...p,
      ops,
      npin: t0.pin.length,
      startV: t0.startV,
      startAux: t0.startAux,
      startMask: t0.startMask,
      inc: t0.inc,
      free,
    };
    if (check(search, q, null, b.budget, b.maxMemoWords) !== FAIL) q = p;
  }
  const from = q === p ? ks : tail[j];
  const sources = new Map<number, HistOp>();
  q.startV.forEach((v, k) => from.src[k] && sources.set(v, from.src[k]!));
  return findWitness(search, q, b, { sources, recent: recentWrites(ks), initial: from.initial });
}
