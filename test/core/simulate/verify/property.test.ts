// Property tests (fast-check): on random small histories (≤ 8 operations, 2–3 processes, indeterminate and failed
// operations among them) the checkers agree with brute-force enumeration of every order the definitions allow;
// the streaming monitor agrees with the whole-history check, also on longer histories; witnesses are 1-minimal;
// tight bounds never produce a wrong "violated" (nor a budget a wrong verdict); output is deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  RegionalMonitor,
  checkLinearizable,
  checkRegional,
  checkSequential,
  checkWitness,
  feed,
  monitorHistory,
  regionView,
  type HistOp,
  type ModelKind,
} from '../../../../server/src/core/simulate/verify/index';
import { bruteLinearizable, bruteSequential } from './brute';
import { histories } from './gen';

const models: ModelKind[] = ['register', 'counter'];
const verdict = (ok: boolean) => (ok ? 'ok' : 'violated');
const show = (ops: HistOp[]) => JSON.stringify(ops);

for (const model of models) {
  test(`${model}: linearizability, streaming included, agrees with brute force`, () => {
    fc.assert(
      fc.property(histories(model), (ops) => {
        const want = verdict(bruteLinearizable(ops, model));
        assert.equal(checkLinearizable(ops, model).verdict, want, show(ops));
        assert.equal(monitorHistory(ops, model).verdict, want, show(ops));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  test(`${model}: sequential consistency agrees with brute force`, () => {
    fc.assert(
      fc.property(histories(model), (ops) => {
        assert.equal(checkSequential(ops, model).verdict, verdict(bruteSequential(ops, model)), show(ops));
      }),
      { numRuns: 1500, seed: 12 },
    );
  });

  test(`${model}: regional linearizability, streaming included, agrees with brute force on each region's view`, () => {
    fc.assert(
      fc.property(histories(model), (ops) => {
        const regions = [...new Set(ops.map((o) => o.region ?? 0))];
        const ok = regions.every((g) => bruteLinearizable(regionView(ops, g), model));
        assert.equal(checkRegional(ops, model).verdict, verdict(ok), show(ops));
        const m = new RegionalMonitor(model, [0, 1], { cutOps: 2 });
        feed(m, ops);
        assert.equal(m.finish().verdict, verdict(ok), show(ops));
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  test(`${model}: the monitor agrees with the whole-history check on longer histories, however it cuts them`, () => {
    const cuts = fc.record({ cutOps: fc.integer({ min: 1, max: 8 }), maxPinned: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(histories(model, { max: 40, processes: 6, keys: 2 }), cuts, (ops, o) => {
        const whole = checkLinearizable(ops, model).verdict;
        assert.equal(monitorHistory(ops, model).verdict, whole, show(ops));
        assert.equal(monitorHistory(ops, model, o).verdict, whole, `${JSON.stringify(o)} ${show(ops)}`);
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  test(`${model}: witnesses fail on their own and pass with any one operation freed`, () => {
    fc.assert(
      fc.property(histories(model, { max: 12 }), (ops) => {
        for (const res of [checkLinearizable(ops, model), monitorHistory(ops, model)]) {
          for (const wit of res.witnesses) {
            assert.equal(checkWitness(wit, model), 'violated', show(ops));
            assert.equal(wit.minimal, true);
            for (let i = 0; i < wit.ops.length; i++)
              assert.equal(checkWitness(wit, model, i), 'ok', `${i} ${show(ops)}`);
          }
        }
      }),
      { numRuns: 800, seed: 15 },
    );
  });

  test(`${model}: tight bounds never give a false violation, a budget never a wrong verdict`, () => {
    const bounds = fc.record({
      budget: fc.integer({ min: 1, max: 60 }),
      maxStates: fc.integer({ min: 1, max: 3 }),
      maxWindowOps: fc.integer({ min: 1, max: 4 }),
      maxCarriedWrites: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(histories(model, { max: 10 }), bounds, (ops, b) => {
        const want = verdict(bruteLinearizable(ops, model));
        const budget = checkLinearizable(ops, model, { budget: b.budget }).verdict;
        assert.ok(budget === 'unknown' || budget === want, show(ops));
        const seq = checkSequential(ops, model, { budget: b.budget }).verdict;
        assert.ok(seq === 'unknown' || seq === verdict(bruteSequential(ops, model)), show(ops));
        if (want === 'ok') assert.notEqual(monitorHistory(ops, model, b).verdict, 'violated', show(ops));
      }),
      { numRuns: 1500, seed: 16 },
    );
  });
}

test('results are deterministic: the same operations in any order give byte-identical JSON', () => {
  fc.assert(
    fc.property(histories('register', { max: 12, keys: 2 }), fc.nat(), (ops, seed) => {
      const shuffled = ops.slice().sort((a, b) => ((a.id * 7919 + seed) % 97) - ((b.id * 7919 + seed) % 97));
      for (const check of [checkLinearizable, checkSequential, checkRegional, monitorHistory]) {
        assert.equal(JSON.stringify(check(shuffled, 'register')), JSON.stringify(check(ops, 'register')));
      }
    }),
    { numRuns: 300, seed: 17 },
  );
});
