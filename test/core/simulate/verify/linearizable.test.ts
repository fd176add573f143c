// Hand-written register and counter histories with known verdicts, checked whole (one search per key) and by the
// streaming monitor (windows cut at quiescent points), which must agree; violations come with a named witness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLinearizable,
  monitorHistory,
  type HistOp,
  type ModelKind,
  type CheckResult,
} from '../../../../server/src/core/simulate/verify/index';
import { add, h, r, w } from './helpers';

/** Both checks, which must agree; returns the whole-history result. */
function lin(ops: HistOp[], model: ModelKind = 'register'): CheckResult {
  const whole = checkLinearizable(ops, model);
  const mon = monitorHistory(ops, model);
  assert.equal(mon.verdict, whole.verdict, 'monitor and whole-history check disagree');
  assert.equal(mon.witnesses[0]?.pattern, whole.witnesses[0]?.pattern);
  return whole;
}

const ids = (res: CheckResult) => res.witnesses[0].ops.map((o) => o.id);

test('a single process writing and reading back is linearizable', () => {
  const res = lin(h(w(1, 1, 0, 1), r(1, 1, 2, 3), w(1, 2, 4, 5), r(1, 2, 6, 7)));
  assert.equal(res.verdict, 'ok');
  assert.equal(res.keys, 1);
  assert.equal(res.ops, 4);
  assert.deepEqual(res.witnesses, []);
});

test('concurrent writes with reads that can be ordered are linearizable', () => {
  // w1 and w2 overlap; a reader sees 2 then 1: w2 took effect first, then w1.
  assert.equal(lin(h(w(1, 1, 0, 10), w(2, 2, 1, 9), r(3, 2, 2, 3), r(3, 1, 4, 5))).verdict, 'ok');
  // Reads overlapping a write may see either value, in either order while it is in flight.
  assert.equal(lin(h(w(1, 1, 0, 1), w(1, 2, 2, 10), r(2, 2, 3, 4), r(3, 2, 3, 5), r(2, 2, 5, 6))).verdict, 'ok');
});

test('a stale read after a completed write is a violation: the witness holds both writes and the read', () => {
  const res = lin(h(w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 1, 4, 5)));
  assert.equal(res.verdict, 'violated');
  assert.equal(res.violatingKeys, 1);
  const [wit] = res.witnesses;
  assert.equal(wit.pattern, 'stale-read');
  assert.deepEqual(ids(res), [0, 1, 2]);
  assert.equal(
    wit.explanation,
    "read by p2 at 4.0–5.0 ms returned 1, but p1's write of 2 ended at 3.0 ms, before the read began: stale read",
  );
  assert.equal(wit.minimal, true);
});

test('a new–old inversion between two readers is a violation', () => {
  // w2 is in flight; p3 sees it, then p4 (starting after p3 ended) sees the older 1.
  const res = lin(h(w(1, 1, 0, 1), w(2, 2, 2, 20), r(3, 2, 3, 4), r(4, 1, 5, 6)));
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].pattern, 'new-old-inversion');
  assert.equal(
    res.witnesses[0].explanation,
    "read by p4 at 5.0–6.0 ms returned 1 after p3's read returned 2 (ended 4.0 ms): new-old inversion",
  );
  assert.ok(res.witnesses[0].ops.length >= 2 && res.witnesses[0].ops.length <= 4);
});

test('a read of a value never written is a violation', () => {
  const res = lin(h(w(1, 1, 0, 1), r(2, 7, 2, 3)));
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].pattern, 'never-written');
  assert.deepEqual(ids(res), [1]);
});

test('an indeterminate write may take effect late, or never', () => {
  // Observed long after the client gave up: fine, and it stays in effect.
  assert.equal(lin(h(w(1, 1, 0, 1, 'info'), r(2, 1, 20, 30), r(2, 1, 40, 50))).verdict, 'ok');
  // Never observed: fine.
  assert.equal(lin(h(w(1, 1, 0, 1, 'info'), r(2, 0, 20, 30), w(2, 2, 31, 32), r(2, 2, 40, 50))).verdict, 'ok');
  // But it cannot take effect before it was invoked, nor twice.
  assert.equal(lin(h(r(2, 1, 0, 1), w(1, 1, 2, 3, 'info'))).verdict, 'violated');
  const twice = h(w(1, 1, 0, 1, 'info'), r(2, 1, 2, 3), w(1, 2, 4, 5), r(2, 2, 6, 7), r(2, 1, 8, 9));
  assert.equal(lin(twice).verdict, 'violated');
});

test('a failed write that is read is a violation; an indeterminate read constrains nothing', () => {
  const res = lin(h(w(1, 1, 0, 1, 'fail'), r(2, 1, 2, 3)));
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].pattern, 'failed-write');
  assert.equal(lin(h(w(1, 1, 0, 1), r(2, null, 2, 3, 'info'), r(2, null, 4, 5, 'fail'))).verdict, 'ok');
});

test('a counter that loses an increment is a violation', () => {
  const res = lin(h(add(1, 1, 0, 1), add(2, 1, 2, 3), r(3, 1, 4, 5)), 'counter');
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].pattern, 'lost-increment');
  assert.deepEqual(ids(res), [0, 1, 2]);
  assert.equal(
    res.witnesses[0].explanation,
    'read by p3 at 4.0–5.0 ms returned 1, but 2 increments summing to 2 had completed before it began: lost increment',
  );
});

test('a counter with an indeterminate increment is fine whether it was applied or not, but not undone', () => {
  const base = [add(1, 1, 0, 1), add(2, 1, 2, 3, 'info')];
  assert.equal(lin(h(...base, r(3, 1, 4, 5)), 'counter').verdict, 'ok');
  assert.equal(lin(h(...base, r(3, 2, 4, 5)), 'counter').verdict, 'ok');
  assert.equal(lin(h(...base, r(3, 1, 4, 5), r(3, 2, 6, 7)), 'counter').verdict, 'ok');
  const back = lin(h(...base, r(3, 2, 4, 5), r(3, 1, 6, 7)), 'counter');
  assert.equal(back.verdict, 'violated');
  assert.equal(back.witnesses[0].pattern, 'new-old-inversion');
  // Many indeterminate increments of one size: grouped, not 2^n orders.
  const many = [add(1, 1, 0, 1), ...Array.from({ length: 40 }, (_, i) => add(2 + i, 1, 2, 3, 'info'))];
  assert.equal(lin(h(...many, r(50, 23, 4, 5), r(50, 41, 6, 7)), 'counter').verdict, 'ok');
  assert.equal(lin(h(...many, r(50, 23, 4, 5), r(50, 42, 6, 7)), 'counter').verdict, 'violated');
});

test('keys are independent: one key violating does not taint another', () => {
  const ops = h(
    w(1, 1, 0, 1, 'ok', 'a'),
    w(1, 2, 2, 3, 'ok', 'a'),
    r(2, 1, 4, 5, 'ok', 'a'),
    w(1, 5, 0, 1, 'ok', 'b'),
    r(2, 5, 2, 3, 'ok', 'b'),
  );
  const res = lin(ops);
  assert.equal(res.verdict, 'violated');
  assert.equal(res.keys, 2);
  assert.equal(res.violatingKeys, 1);
  assert.equal(res.witnesses[0].key, 'a');
});

test('operations that only touch in time are concurrent', () => {
  // The read begins the instant the write of 2 ends: it may still see 1.
  assert.equal(lin(h(w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 1, 3, 4))).verdict, 'ok');
});

test('the same input gives byte-identical results', () => {
  const ops = h(
    w(1, 1, 0, 1),
    w(2, 2, 0.5, 3),
    r(3, 2, 1, 2),
    r(4, 0, 3.5, 4),
    w(1, 3, 5, 6, 'ok', 'c'),
    r(2, 0, 7, 8, 'ok', 'c'),
  );
  const a = JSON.stringify([checkLinearizable(ops, 'register'), monitorHistory(ops, 'register')]);
  const b = JSON.stringify([checkLinearizable(ops.slice().reverse(), 'register'), monitorHistory(ops, 'register')]);
  assert.equal(a, b);
  assert.equal(JSON.parse(a)[0].violatingKeys, 2);
});
