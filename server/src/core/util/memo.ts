// Results derived from an object (a model, a topology, a data type, a region, a net) and kept in the object's
// own `memo` field, which its builder declares (`memo: undefined`) so its shape never changes. Not in a
// module-level WeakMap: V8's scavenges treat a WeakMap's entries as strong, so a WeakMap keyed by an analysis's
// objects kept the whole analysis (its model, its AST, its tokens) alive through every minor GC until a full
// one. Each scavenge then copied and promoted ~4 MB of finished 5,000-line analyses and took 20–40 ms instead of
// ~1 (test/core/model/analysis-garbage.test.ts).

/** An object that keeps results derived from it. */
export interface Memoising {
  memo?: Map<unknown, unknown>;
}

/**
 * The result stored under `keys` for `owner`, computed on first use: a path of keys in nested maps (no key
 * strings built per call). Results are shared: never mutate them.
 */
export function memoised<T>(owner: Memoising, keys: readonly unknown[], compute: () => T): T {
  let m = owner.memo;
  if (!m) owner.memo = m = new Map();
  for (let i = 0; i < keys.length - 1; i++) {
    let next = m.get(keys[i]) as Map<unknown, unknown> | undefined;
    if (!next) m.set(keys[i], (next = new Map()));
    m = next;
  }
  const last = keys[keys.length - 1];
  const kept = m.get(last); // one lookup on a hit (a result is never undefined but for a compute that returns it)
  if (kept !== undefined || m.has(last)) return kept as T;
  const v = compute();
  m.set(last, v);
  return v;
}

/** What `compute` derives from `owner` alone, computed on first use and kept under the function itself (no key
 *  array or closure made per call). */
export function derived<O extends Memoising, T>(owner: O, compute: (owner: O) => T): T {
  let m = owner.memo;
  if (!m) owner.memo = m = new Map();
  const kept = m.get(compute);
  if (kept !== undefined || m.has(compute)) return kept as T;
  const v = compute(owner);
  m.set(compute, v);
  return v;
}
