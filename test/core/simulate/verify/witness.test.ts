// Witnesses: small, 1-minimal (freeing any one operation — dropping a read, letting a write or increment take
// effect at any time or never — explains the values read), explained in one line, at most N per check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLinearizable,
  checkWitness,
  monitorHistory,
  type HistOp,
  type ModelKind,
  type Witness,
} from '../../../../server/src/core/simulate/verify/index';
import { add, h, r, w } from './helpers';
import { synth } from './synth';

/** The witness fails on its own, and freeing any one of its operations makes it pass. */
function assertMinimal(wit: Witness, model: ModelKind): void {
  assert.equal(checkWitness(wit, model), 'violated', JSON.stringify(wit));
  assert.equal(wit.minimal, true);
  for (let i = 0; i < wit.ops.length; i++) {
    assert.equal(checkWitness(wit, model, i), 'ok', `freeing op ${i} of ${JSON.stringify(wit)}`);
  }
}

test('the new–old inversion reads as one line with processes, times and values', () => {
  const ops = h(w(1, 158, 90, 95), w(2, 159, 100, 130), r(3, 159, 119, 119.9), r(7, 158, 120.4, 121));
  const [wit] = checkLinearizable(ops, 'register').witnesses;
  assert.equal(
    wit.explanation,
    "read by p7 at 120.4–121.0 ms returned 158 after p3's read returned 159 (ended 119.9 ms): new-old inversion",
  );
  assert.deepEqual(
    wit.ops.map((o) => o.value),
    [158, 159, 158],
  );
  assertMinimal(wit, 'register');
});

test('a violation buried in a long history shrinks to a few operations', () => {
  // A linearizable run of 3000 operations on one key, then one stale read.
  const run = synth({ ops: 3000, keys: 1, processes: 6, model: 'register', seed: 9 });
  const end = Math.max(...run.map((o) => o.complete));
  const last = run.filter((o) => o.f === 'write' && o.type === 'ok').slice(-2);
  const op = (id: number, f: HistOp['f'], value: number | null, invoke: number): HistOp => ({
    id,
    process: 99,
    key: 'k0',
    f,
    value,
    invoke,
    complete: invoke + 0.5,
    type: 'ok',
  });
  const ops = [...run, op(run.length, 'write', -1, end + 0.2), op(run.length + 1, 'read', last[0].value, end + 1)];
  for (const res of [checkLinearizable(ops, 'register'), monitorHistory(ops, 'register')]) {
    assert.equal(res.verdict, 'violated');
    const [wit] = res.witnesses;
    assert.ok(wit.ops.length <= 4, JSON.stringify(wit));
    assert.equal(wit.pattern, 'stale-read');
    assertMinimal(wit, 'register');
  }
});

test('counter witnesses are minimal too', () => {
  const adds = [add(1, 1, 0, 1), add(2, 2, 0, 1), add(3, 1, 2, 3, 'info')];
  const ops = h(...adds, r(4, 3, 4, 5), r(4, 2, 6, 7), add(1, 5, 8, 9), r(2, 10, 10, 11));
  const res = checkLinearizable(ops, 'counter');
  assert.equal(res.verdict, 'violated');
  for (const wit of res.witnesses) assertMinimal(wit, 'counter');
  assert.equal(res.witnesses[0].pattern, 'new-old-inversion'); // 3 then 2
  const lost = checkLinearizable(h(...adds, r(4, 2, 4, 5)), 'counter');
  assert.equal(lost.witnesses[0].pattern, 'lost-increment');
  assertMinimal(lost.witnesses[0], 'counter');
});

test('at most N witnesses, in the order found; every violating window counted', () => {
  const ops: HistOp[] = [];
  for (let k = 0; k < 8; k++) {
    const key = `k${k}`;
    ops.push(...h(w(1, 1, 0, 1, 'ok', key), w(1, 2, 2, 3, 'ok', key), r(2, 1, 4, 5, 'ok', key)));
  }
  const all = ops.map((o, id) => ({ ...o, id }));
  for (const res of [checkLinearizable(all, 'register'), monitorHistory(all, 'register')]) {
    assert.equal(res.violatingKeys, 8);
    assert.deepEqual(
      res.witnesses.map((x) => x.key),
      ['k0', 'k1', 'k2', 'k3', 'k4'],
    );
  }
  assert.equal(checkLinearizable(all, 'register', { maxWitnesses: 2 }).witnesses.length, 2);
});

test('out of effort, a witness says it may not be minimal', () => {
  const ops = h(w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 1, 4, 5), r(3, 2, 4, 5), r(4, 2, 4, 5), r(5, 2, 4, 5));
  const [wit] = checkLinearizable(ops, 'register', { witnessChecks: 2 }).witnesses;
  assert.equal(wit.minimal, false);
  assert.equal(checkWitness(wit, 'register'), 'violated');
});

test('a witness from the middle of a stream starts from the states the monitor carried', () => {
  // Writes 1 and 2 race; a read settles on 2 in a later window; 3 is written and read; 2 comes back.
  const ops = h(w(1, 1, 0, 5), w(2, 2, 0, 5), r(3, 2, 6, 7), w(1, 3, 8, 9), r(3, 3, 10, 11), r(3, 2, 12, 13));
  const [wit] = monitorHistory(ops, 'register').witnesses;
  assertMinimal(wit, 'register');
  assert.equal(wit.pattern, 'new-old-inversion');
  assert.deepEqual(
    wit.ops.map((o) => o.value),
    [2, 3, 2],
  );
});
