// Budgets: a pathological history (many writes in flight together and a read no order explains) makes every
// search explore exponentially many orders; each check stops at its step budget with "unknown" — not a hang,
// not a guess. (What the checks cost is `npm run bench`'s to measure, not a test's.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLinearizable,
  checkRegional,
  checkSequential,
  monitorHistory,
  type CheckResult,
  type HistOp,
} from '../../../../server/src/core/simulate/verify/index';
import { h, r, w } from './helpers';

/** n concurrent writes and a concurrent read of a value never written: refuting it takes about 2^n · n steps. */
function pathological(n: number): HistOp[] {
  const writes = Array.from({ length: n }, (_, i) => w(i, i + 1, 0, 100, 'ok', 'x', i % 2));
  return h(...writes, r(n, 999, 0, 100, 'ok', 'x', 0));
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
    const res = f();
    assert.equal(res.verdict, 'unknown', name);
    assert.equal(res.unknownReasons.budget > 0, true, name);
    assert.equal(res.opsUnknown > 0, true, name);
  }
});

test('the budget decides how far a search goes: too small a budget leaves a violation unknown', () => {
  const ops = pathological(10);
  assert.equal(checkLinearizable(ops, 'register', { budget: 50 }).verdict, 'unknown');
  assert.equal(checkLinearizable(ops, 'register').verdict, 'violated');
});

test('a small instance of the same shape is decided within the default budget', () => {
  assert.equal(checkLinearizable(pathological(8), 'register').verdict, 'violated');
  assert.equal(monitorHistory(pathological(8), 'register').verdict, 'violated');
});
