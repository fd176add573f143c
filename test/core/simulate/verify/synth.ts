// Synthetic histories of a real register or counter: each operation takes effect at a point inside its interval
// (an indeterminate one at such a point or never, a failed one never), so the history is linearizable unless
// `stalePct` of the reads are made to return the value before the one they saw. Deterministic in the seed.
import {
  Monitor,
  type CheckResult,
  type HistOp,
  type ModelKind,
} from '../../../../server/src/core/simulate/verify/index';

export interface SynthOptions {
  ops: number;
  keys: number;
  processes: number;
  model: ModelKind;
  seed?: number;
  readsPct?: number;
  infoPct?: number;
  failPct?: number;
  stalePct?: number;
}

/** A seeded xorshift generator in [0, 1). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function synth(o: SynthOptions): HistOp[] {
  const rand = rng(o.seed ?? 1);
  const free = new Float64Array(o.processes);
  const ops: (Omit<HistOp, 'id'> & { at: number; applies: boolean })[] = [];
  let value = 0;
  for (let n = 0; n < o.ops; n++) {
    let p = 0;
    for (let q = 1; q < o.processes; q++) if (free[q] < free[p]) p = q;
    const invoke = free[p] + rand() * 2;
    const complete = invoke + 0.2 + rand() * 3;
    free[p] = complete;
    const read = rand() * 100 < (o.readsPct ?? 50);
    const u = rand() * 100;
    const info = o.infoPct ?? 1;
    const type: HistOp['type'] = u < info ? 'info' : u < info + (o.failPct ?? 1) ? 'fail' : 'ok';
    const f: HistOp['f'] = read ? 'read' : o.model === 'register' ? 'write' : 'add';
    const v = read ? null : o.model === 'register' ? ++value : 1;
    const at = invoke + rand() * (complete - invoke);
    const applies = type === 'ok' || (type === 'info' && rand() < 0.5);
    ops.push({ process: p, key: `k${Math.floor(rand() * o.keys)}`, f, value: v, invoke, complete, type, at, applies });
  }
  const state = new Map<string, [number, number]>();
  for (const op of ops.slice().sort((a, b) => a.at - b.at)) {
    const [now, before] = state.get(op.key) ?? [0, 0];
    if (op.f === 'read') {
      if (op.type !== 'ok') continue;
      op.value = rand() * 100 < (o.stalePct ?? 0) && now !== before ? before : now;
    } else if (op.applies) {
      state.set(op.key, [op.f === 'write' ? (op.value as number) : now + (op.value as number), now]);
    }
  }
  ops.sort((a, b) => a.invoke - b.invoke);
  return ops.map(({ at: _at, applies: _a, ...op }, id) => ({ id, ...op }));
}

/** A history's events in time order (invocations first at equal times): 2i is op i's invocation, 2i+1 its completion. */
export function events(ops: HistOp[]): Int32Array {
  const ev = Int32Array.from({ length: 2 * ops.length }, (_, e) => e);
  const t = (e: number) => (e & 1 ? ops[e >> 1].complete : ops[e >> 1].invoke);
  return ev.sort((a, b) => t(a) - t(b) || (a & 1) - (b & 1) || a - b);
}

/** Streams the events through a fresh monitor and returns its result. */
export function stream(ops: HistOp[], ev: Int32Array, model: ModelKind): CheckResult {
  const m = new Monitor(model);
  for (const e of ev) {
    if (e & 1) m.complete(ops[e >> 1]);
    else m.invoke(ops[e >> 1]);
  }
  return m.finish();
}
