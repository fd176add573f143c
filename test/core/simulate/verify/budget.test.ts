// Budgets: a pathological history (many writes in flight together and a read no order explains) makes every
// search explore exponentially many orders; each check stops at its step budget with "unknown" — not a hang,
// not a guess — in time that grows with the budget, not with the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearizable, checkRegional, checkSequential, monitorHistory, type CheckResult,
  type HistOp } from '../../../../server/src/core/simulate/verify/index';
import { h, r, w } from './helpers';

/** n concurrent writes and a concurrent read of a value never written: refuting it takes about 2^n · n steps. */
function pathological(n: number): HistOp[] {
  const writes = Array.from({ length: n }, (_, i) => w(i, i + 1, 0, 100, 'ok', 'x', i % 2));
  return h(...writes, r(n, 999, 0, 100, 'ok', 'x', 0));
}

function timed(f: () => CheckResult): [CheckResult, number] {
  const t0 = performance.now();
  const res = f();
  return [res, performance.now() - t0];
}

test('a pathological history is unknown within the budget, for every check', () => {
  const ops = pathological(40);
  const checks: [string, () => CheckResult][] = [
    ['whole', () => checkLinearizable(ops, 'register', { budget: 100_000 })],
    ['monitor', () => monitorHistory(ops, 'register', { budget: 100_000 })],
    ['regional', () => checkRegional(ops, 'register', { budget: 100_000 })],
    ['sequential', () => checkSequential(ops, 'register', { budget: 100_000 })],
  ];
  for (const [name, f] of checks) {
    const [res, ms] = timed(f);
    assert.equal(res.verdict, 'unknown', name);
    assert.equal(res.unknownReasons.budget > 0, true, name);
    assert.equal(res.opsUnknown > 0, true, name);
    assert.ok(ms < 2000, `${name} took ${ms.toFixed(0)} ms`);
  }
});

test('the time spent grows with the budget', () => {
  const ops = pathological(40);
  checkLinearizable(ops, 'register', { budget: 20_000 });
  const [, small] = timed(() => checkLinearizable(ops, 'register', { budget: 20_000 }));
  const [res, large] = timed(() => checkLinearizable(ops, 'register', { budget: 400_000 }));
  assert.equal(res.verdict, 'unknown');
  assert.ok(large > small, `budget 20k: ${small.toFixed(1)} ms, 400k: ${large.toFixed(1)} ms`);
  assert.ok(large < 3000, `budget 400k took ${large.toFixed(0)} ms`);
});

test('a small instance of the same shape is decided within the default budget', () => {
  assert.equal(checkLinearizable(pathological(8), 'register').verdict, 'violated');
  assert.equal(monitorHistory(pathological(8), 'register').verdict, 'violated');
});
