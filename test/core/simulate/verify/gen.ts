// Random small histories for the property tests: 2–3 processes, up to 8 operations on one key (or a few), times
// on a coarse grid so that operations overlap and tie, some indeterminate or failed, reads returning plausible
// values (the current one, an older one, a pending one, or one never written).
import fc from 'fast-check';
import type { HistOp, ModelKind } from '../../../../server/src/core/simulate/verify/index';

interface Step {
  process: number;
  read: boolean;
  gap: number;
  len: number;
  type: HistOp['type'];
  pick: number;
  key: number;
  region: number;
}

const step = (processes: number, keys: number) =>
  fc.record({
    process: fc.integer({ min: 0, max: processes - 1 }),
    read: fc.boolean(),
    gap: fc.integer({ min: 0, max: 3 }),
    len: fc.integer({ min: 1, max: 6 }),
    type: fc.constantFrom<HistOp['type']>('ok', 'ok', 'ok', 'ok', 'info', 'fail'),
    pick: fc.nat(),
    key: fc.integer({ min: 0, max: keys - 1 }),
    region: fc.integer({ min: 0, max: 1 }),
  });

/** Builds a history from steps: each process runs its steps one after another. */
function build(steps: Step[], model: ModelKind): HistOp[] {
  const free = new Map<number, number>();
  const written = new Map<number, number[]>();
  const ops: Omit<HistOp, 'id'>[] = [];
  let next = 1;
  for (const s of steps) {
    const invoke = (free.get(s.process) ?? 0) + s.gap + (free.has(s.process) ? 1 : 0);
    const complete = invoke + s.len;
    free.set(s.process, complete);
    const w = written.get(s.key) ?? [0];
    written.set(s.key, w);
    let value: number | null;
    if (!s.read) value = model === 'register' ? next++ : 1 + (s.pick % 2);
    else if (s.type !== 'ok') value = null;
    else if (model === 'register') value = s.pick % 7 === 0 ? 99 : w[s.pick % w.length];
    else value = s.pick % 5;
    if (!s.read && model === 'register') w.push(value as number);
    const f = s.read ? 'read' : model === 'register' ? 'write' : 'add';
    ops.push({ process: s.process, key: `k${s.key}`, f, value, invoke, complete, type: s.type, region: s.region });
  }
  const order = ops.map((o, i) => [o, i] as const).sort((a, b) => a[0].invoke - b[0].invoke || a[1] - b[1]);
  return order.map(([o], id) => ({ id, ...o }));
}

/** Random histories of a model: at most `max` operations, `processes` processes, `keys` keys. */
export function histories(model: ModelKind, { max = 8, processes = 3, keys = 1 } = {}): fc.Arbitrary<HistOp[]> {
  return fc.array(step(processes, keys), { minLength: 1, maxLength: max }).map((s) => build(s, model));
}
