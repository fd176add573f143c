// Cuts where operations are in flight: a key that never quiesces (many clients on one key) is cut where few
// operations are in flight; each end state says which of them it had applied, so the check stays exact (the
// monitor agrees with the whole-history check), and witnesses carry those operations as context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Monitor,
  checkLinearizable,
  checkWitness,
  feed,
  monitorHistory,
  type ModelKind,
} from '../../../../server/src/core/simulate/verify/index';
import { synth } from './synth';

for (const model of ['register', 'counter'] as const satisfies readonly ModelKind[]) {
  test(`${model}: a key that never quiesces is cut and checked, not given up`, () => {
    const ops = synth({ ops: 5000, keys: 1, processes: 12, model, seed: 2 });
    const whole = monitorHistory(ops, model, { maxWindowOps: 100_000_000, cutOps: 1e9 });
    assert.equal(whole.windows, 1); // no quiescent point in 5000 operations
    const res = monitorHistory(ops, model);
    assert.equal(res.verdict, 'ok');
    assert.equal(res.windowsUnknown, 0);
    assert.ok(res.windows > 50, `${res.windows} windows`);
  });

  test(`${model}: cut anywhere, the monitor agrees with the whole-history check; witnesses hold with context`, () => {
    let context = 0;
    let violated = 0;
    for (let seed = 0; seed < 120; seed++) {
      const keys = 1 + (seed % 3);
      const ops = synth({ ops: 160, keys, processes: 6, model, seed, stalePct: 2, infoPct: 5, failPct: 3 });
      const whole = checkLinearizable(ops, model).verdict;
      const m = new Monitor(model, { cutOps: 3, maxPinned: 4 });
      feed(m, ops);
      const res = m.finish();
      assert.equal(res.verdict, whole, `seed ${seed}`);
      if (whole === 'violated') violated++;
      for (const w of res.witnesses) {
        if (w.context) context++;
        assert.equal(checkWitness(w, model), 'violated', `seed ${seed}`);
        if (w.minimal) w.ops.forEach((_, i) => assert.equal(checkWitness(w, model, i), 'ok', `seed ${seed} op ${i}`));
      }
    }
    assert.ok(violated > 10 && violated < 110, `${violated} violated`);
    assert.ok(context > 0, 'no witness needed context');
  });
}

test('a window with too many end states to enumerate is judged by one order; the next starts from any state', () => {
  const ops = synth({ ops: 3000, keys: 1, processes: 16, model: 'register', seed: 8 });
  const res = monitorHistory(ops, 'register', { budget: 4000 });
  assert.equal(res.verdict, checkLinearizable(ops, 'register').verdict);
  assert.ok(res.weakReasons.budget > 0, JSON.stringify(res.weakReasons));
});
