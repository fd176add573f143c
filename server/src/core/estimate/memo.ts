// Memoising the pure parts of estimates (cores, routes, cost, capacity) that many data types share: a result
// under a path of keys in nested maps (no key strings built per call), kept per owner (model, topology or net).
const roots = new WeakMap<object, Map<unknown, unknown>>();

/** The result stored under `keys` for `owner`, computed on first use. Results are shared: never mutate them. */
export function memoised<T>(owner: object, keys: readonly unknown[], compute: () => T): T {
  let m = roots.get(owner);
  if (!m) roots.set(owner, (m = new Map()));
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
