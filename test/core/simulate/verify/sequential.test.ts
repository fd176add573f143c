// Sequential consistency per key: one order keeping each process's own order, real time ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinearizable, checkSequential, checkWitness } from '../../../../server/src/core/simulate/verify/index';
import { add, h, r, w } from './helpers';

test('a stale read by another process is sequentially consistent, though not linearizable', () => {
  const ops = h(w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 1, 4, 5), r(2, 2, 6, 7));
  assert.equal(checkLinearizable(ops, 'register').verdict, 'violated');
  assert.equal(checkSequential(ops, 'register').verdict, 'ok');
  // A reader that sees the future of its own process's order is fine too: reads may come "early".
  assert.equal(checkSequential(h(r(2, 1, 0, 1), w(1, 1, 5, 6)), 'register').verdict, 'ok');
});

test('a process that does not see its own write is not sequentially consistent', () => {
  const res = checkSequential(h(w(1, 1, 0, 1), r(1, 0, 2, 3)), 'register');
  assert.equal(res.verdict, 'violated');
  const [wit] = res.witnesses;
  assert.equal(
    wit.explanation,
    "no order of these 2 operations that keeps each process's own order explains the values read",
  );
  assert.equal(wit.minimal, true);
});

test('two readers seeing two writes in opposite orders is neither sequentially consistent nor linearizable', () => {
  const ops = h(w(1, 1, 0, 10), w(2, 2, 0, 10), r(3, 1, 1, 2), r(3, 2, 3, 4), r(4, 2, 1, 2), r(4, 1, 3, 4));
  assert.equal(checkLinearizable(ops, 'register').verdict, 'violated');
  const res = checkSequential(ops, 'register');
  assert.equal(res.verdict, 'violated');
  assert.equal(res.witnesses[0].ops.length, 4);
});

test('counters: a process sees its own increment; another process may lag', () => {
  assert.equal(checkSequential(h(add(1, 1, 0, 1), r(1, 0, 2, 3)), 'counter').verdict, 'violated');
  assert.equal(checkSequential(h(add(1, 1, 0, 1), r(2, 0, 2, 3), r(2, 1, 4, 5)), 'counter').verdict, 'ok');
  assert.equal(checkSequential(h(add(1, 1, 0, 1), r(2, 1, 2, 3), r(2, 0, 4, 5)), 'counter').verdict, 'violated');
});

test('an indeterminate write does not hold back its process, and takes effect at most once', () => {
  assert.equal(checkSequential(h(w(1, 1, 0, 1, 'info'), r(1, 0, 2, 3), r(1, 1, 4, 5)), 'register').verdict, 'ok');
  assert.equal(checkSequential(h(w(1, 1, 0, 1, 'info'), r(2, 1, 2, 3), r(2, 0, 4, 5)), 'register').verdict, 'violated');
  assert.equal(checkSequential(h(add(1, 2, 0, 1, 'info'), r(1, 0, 2, 3), r(1, 2, 4, 5)), 'counter').verdict, 'ok');
});

test('a key past the operation cap is unknown, unless its first operations already violate', () => {
  const long = h(...Array.from({ length: 12 }, (_, i) => w(1, i + 1, 2 * i, 2 * i + 1)));
  const res = checkSequential(long, 'register', { maxOpsPerKey: 10 });
  assert.equal(res.verdict, 'unknown');
  assert.deepEqual([res.windowsUnknown, res.unknownReasons.cap, res.opsUnknown], [1, 1, 12]);
  // A read of a later write's value in the checked prefix is fine (the later write is free)…
  const early = h(r(2, 12, 0, 0.5), ...long.map((o) => ({ ...o, invoke: o.invoke + 1, complete: o.complete + 1 })));
  const renumbered = early.map((o, id) => ({ ...o, id }));
  assert.equal(checkSequential(renumbered, 'register', { maxOpsPerKey: 10 }).verdict, 'unknown');
  // …a process not seeing its own write is not.
  const bad = h(w(1, 1, 0, 1), r(1, 0, 2, 3), ...Array.from({ length: 12 }, (_, i) => w(2, i + 2, 4 + i, 4.5 + i)));
  assert.equal(checkSequential(bad, 'register', { maxOpsPerKey: 10 }).verdict, 'violated');
});

test('the witness of opposite orders is the four reads (the writes may take effect at any time)', () => {
  const ops = h(
    w(1, 1, 0, 10),
    w(2, 2, 0, 10),
    r(3, 1, 1, 2),
    r(3, 2, 3, 4),
    r(4, 2, 1, 2),
    r(4, 1, 3, 4),
    w(5, 3, 0, 1),
  );
  const [wit] = checkSequential(ops, 'register').witnesses;
  // The sequential witness is not a linearizability witness, but it fails linearizability too (stronger).
  assert.equal(checkWitness(wit, 'register'), 'violated');
  assert.deepEqual(
    wit.ops.map((o) => o.id),
    [2, 3, 4, 5].map((i) => ops[i].id).sort((a, b) => a - b),
  );
  assert.equal(wit.minimal, true);
  assert.deepEqual(wit.pending, [
    [1, 1],
    [2, 1],
  ]);
});
