// A synthetic linearizable run of 100,000 operations (100 keys, 20 processes, 1% indeterminate and 1% failed):
// the whole-history check and the streaming monitor agree that it is linearizable, per model. Their cost is
// measured by `npm run bench` (bench/verify.ts), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearizable } from '../../../../server/src/core/simulate/verify/index';
import { events, stream, synth } from './synth';

for (const model of ['register', 'counter'] as const) {
  test(`${model}: 100,000 operations, whole and streamed, are linearizable`, () => {
    const ops = synth({ ops: 100_000, keys: 100, processes: 20, model, seed: 5 });
    const ev = events(ops);
    const runs = [
      ['whole', () => checkLinearizable(ops, model)],
      ['monitor', () => stream(ops, ev, model)],
    ] as const;
    for (const [name, run] of runs) {
      const res = run();
      assert.equal(res.verdict, 'ok', name);
      assert.equal(res.ops, 100_000);
    }
  });
}
