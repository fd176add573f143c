// The history checks on hand-made histories: each finds its violation and stays quiet on a valid history,
// so that "zero violations" in postgres.test.ts means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monotonicReadViolations, rywViolations, staleReads, type Op } from './history';

const op = (client: number, kind: Op['kind'], value: number, start: number, end = start + 1, key = 0): Op => ({
  client,
  kind,
  key,
  value,
  start,
  end,
});

test('read-your-writes: a session reading an older value than its own write', () => {
  const bad = [op(0, 'write', 5, 0), op(0, 'read', 4, 2)];
  assert.deepEqual(
    rywViolations(bad).map((v) => [v.read.value, v.atLeast]),
    [[4, 5]],
  );
  assert.deepEqual(rywViolations([op(0, 'write', 5, 0), op(0, 'read', 6, 2)]), []);
  // another session's write says nothing about this session, nor does another key
  assert.deepEqual(rywViolations([op(1, 'write', 5, 0), op(0, 'read', 4, 2)]), []);
  assert.deepEqual(rywViolations([op(0, 'write', 5, 0), op(0, 'read', 0, 2, 3, 1)]), []);
});

test('monotonic reads: a session reading an older value after a newer one', () => {
  assert.equal(monotonicReadViolations([op(0, 'read', 3, 0), op(0, 'read', 2, 2)]).length, 1);
  assert.deepEqual(monotonicReadViolations([op(0, 'read', 3, 0), op(0, 'read', 3, 2), op(1, 'read', 1, 3)]), []);
});

test('stale reads: anything completed before a read was invoked bounds it, from any session', () => {
  assert.equal(staleReads([op(0, 'write', 5, 0, 1), op(1, 'read', 4, 2)]).length, 1);
  assert.equal(staleReads([op(0, 'read', 5, 0, 1), op(1, 'read', 4, 2)]).length, 1);
  // overlapping in time: either order is linearizable
  assert.deepEqual(staleReads([op(0, 'write', 5, 0, 3), op(1, 'read', 4, 2)]), []);
});
