// Cost on a synthetic run of 100,000 operations (100 keys, 20 processes, 1% indeterminate and 1% failed,
// linearizable): the whole-history check and the streaming monitor, per model. The bound is loose (shared CI
// machines); the times are reported as diagnostics.
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
  test(`${model}: 100,000 operations are checked in well under a few seconds`, (t) => {
    const ops = synth({ ops: 100_000, keys: 100, processes: 20, model, seed: 5 });
    const ev = events(ops);
    const runs = [['whole', () => checkLinearizable(ops, model)], ['monitor', () => stream(ops, ev, model)]] as const;
    for (const [name, run] of runs) {
      run();
      const t0 = performance.now();
      const res = run();
      const ms = performance.now() - t0;
      t.diagnostic(`${model} ${name}: ${ms.toFixed(0)} ms per 100,000 operations (${res.windows} windows)`);
      assert.equal(res.verdict, 'ok');
      assert.equal(res.ops, 100_000);
      assert.ok(ms < 4000, `${name}: ${ms.toFixed(0)} ms`);
    }
  });
}
