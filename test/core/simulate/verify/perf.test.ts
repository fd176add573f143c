// A synthetic linearizable run of 100,000 operations (100 keys, 20 processes, 1% indeterminate and 1% failed):
// the whole-history check and the streaming monitor agree that it is linearizable, per model. Their cost is
// measured by `npm run bench` (bench/verify.ts), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearizable, Monitor, type CheckResult, type HistOp,
  type ModelKind } from '../../../../server/src/core/simulate/verify/index';
import { synth } from './synth';

/** Time-ordered events (invocations first at equal times), computed outside the timed part. */
function events(ops: HistOp[]): Int32Array {
  const ev = Int32Array.from({ length: 2 * ops.length }, (_, e) => e);
  const t = (e: number) => (e & 1 ? ops[e >> 1].complete : ops[e >> 1].invoke);
  return ev.sort((a, b) => t(a) - t(b) || (a & 1) - (b & 1) || a - b);
}

function stream(ops: HistOp[], ev: Int32Array, model: ModelKind): CheckResult {
  const m = new Monitor(model);
  for (const e of ev) {
    if (e & 1) m.complete(ops[e >> 1]);
    else m.invoke(ops[e >> 1]);
  }
  return m.finish();
}

for (const model of ['register', 'counter'] as const) {
  test(`${model}: 100,000 operations, whole and streamed, are linearizable`, () => {
    const ops = synth({ ops: 100_000, keys: 100, processes: 20, model, seed: 5 });
    const ev = events(ops);
    const runs = [['whole', () => checkLinearizable(ops, model)], ['monitor', () => stream(ops, ev, model)]] as const;
    for (const [name, run] of runs) {
      const res = run();
      assert.equal(res.verdict, 'ok', name);
      assert.equal(res.ops, 100_000);
    }
  });
}
