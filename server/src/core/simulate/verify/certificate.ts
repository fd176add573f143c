// Sequential consistency by certificate: a system that claims it orders a key's operations one way can hand
// that order over, and one pass checks it — every completed operation once, each process's operations in its
// own order, and the model replayed along it returning every value read. A valid order proves the history
// sequentially consistent for the key; an invalid one proves nothing (the search decides then).
import type { HistOp, ModelKind } from './types';

/** Does `order` (a candidate total order of one key's operations) show its history sequentially consistent? */
export function certifies(ops: readonly HistOp[], order: readonly HistOp[], model: ModelKind): boolean {
  const needed = ops.filter((o) => o.type === 'ok');
  const inOrder = new Set(order);
  if (needed.some((o) => !inOrder.has(o)) || order.some((o) => o.type === 'fail')) return false;
  // Each process's operations keep their real-time order.
  const lastInvoke = new Map<number, number>();
  for (const o of order) {
    if (o.invoke < (lastInvoke.get(o.process) ?? -Infinity)) return false;
    lastInvoke.set(o.process, o.invoke);
  }
  let state = 0;
  for (const o of order) {
    if (o.f === 'read') {
      if (o.type === 'ok' && o.value !== state) return false;
    } else state = model === 'counter' ? state + (o.value ?? 0) : (o.value ?? 0);
  }
  return true;
}

/** The order a hint gives (writes by their place, each read right after the write it saw), ties by invocation;
 *  `compare` orders two places, undefined when an operation has none. */
export function orderByHint<P>(
  ops: readonly HistOp[],
  place: (o: HistOp) => P | undefined,
  compare: (a: P, b: P) => number,
): HistOp[] | undefined {
  const kept = ops.filter((o) => o.type === 'ok' || (o.type === 'info' && o.f !== 'read' && place(o) !== undefined));
  if (kept.some((o) => place(o) === undefined)) return undefined;
  return kept.sort(
    (a, b) => compare(place(a)!, place(b)!) || Number(a.f === 'read') - Number(b.f === 'read') || a.invoke - b.invoke,
  );
}
