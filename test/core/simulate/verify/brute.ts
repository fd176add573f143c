// Brute-force references for the property tests: enumerate every order the definition allows and run the model,
// with none of the checkers' shortcuts (indeterminate writes are never dropped, increments never grouped).
import type { HistOp, ModelKind } from '../../../../server/src/core/simulate/verify/index';

/** Indeterminate operations may be placed anywhere after their constraints; last place is the same as never. */
function search(ops: HistOp[], model: ModelKind, ready: (op: HistOp, placed: boolean[]) => boolean): boolean {
  const placed = ops.map(() => false);
  const go = (state: number, left: number): boolean => {
    if (left === 0) return true;
    for (let i = 0; i < ops.length; i++) {
      if (placed[i] || !ready(ops[i], placed)) continue;
      const op = ops[i];
      let next = state;
      if (op.f === 'read') {
        if (op.value !== state) continue;
      } else next = op.f === 'write' ? (op.value as number) : state + (op.value as number);
      placed[i] = true;
      const ok = go(next, left - 1);
      placed[i] = false;
      if (ok) return true;
    }
    return false;
  };
  return go(0, ops.length);
}

const kept = (ops: HistOp[]) => ops.filter((o) => o.type === 'ok' || (o.type === 'info' && o.f !== 'read'));
const end = (o: HistOp) => (o.type === 'info' ? Infinity : o.complete);

/** Linearizable: some order of all (kept) operations respects real time (a before b if a ends before b begins). */
export function bruteLinearizable(all: HistOp[], model: ModelKind): boolean {
  const ops = kept(all);
  return search(ops, model, (op, placed) => ops.every((x, j) => placed[j] || !(end(x) < op.invoke)));
}

/**
 * Sequentially consistent: some order keeps each process's definite operations in order; an indeterminate one
 * comes after the definite ones its process invoked before it.
 */
export function bruteSequential(all: HistOp[], model: ModelKind): boolean {
  const ops = kept(all);
  const before = (x: HistOp, op: HistOp) => x.type !== 'info' && x.process === op.process && x.id < op.id;
  return search(ops, model, (op, placed) => ops.every((x, j) => placed[j] || !before(x, op)));
}
