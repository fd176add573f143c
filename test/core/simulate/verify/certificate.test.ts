// A certificate for sequential consistency: a candidate order of a key's operations is checked in one pass
// (every completed operation once, each process's order kept, the register or counter replayed), and a hint
// (the replicas' own write order) builds the candidate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certifies, orderByHint, type HistOp } from '../../../../server/src/core/simulate/verify/index';

let id = 0;
const op = (
  process: number,
  f: HistOp['f'],
  value: number | null,
  invoke: number,
  complete: number,
  type: HistOp['type'] = 'ok',
): HistOp => ({ id: id++, process, key: 'k', f, value, invoke, complete, type });

test('a valid order certifies; one that breaks a process order, a read or leaves an operation out does not', () => {
  const w1 = op(1, 'write', 1, 0, 10);
  const r1 = op(2, 'read', 0, 5, 6); // sequential, not linearizable: p2 reads the old value after w1 began
  const w2 = op(2, 'write', 2, 7, 20);
  const r2 = op(1, 'read', 2, 30, 31);
  assert.equal(certifies([w1, r1, w2, r2], [r1, w1, w2, r2], 'register'), true);
  assert.equal(certifies([w1, r1, w2, r2], [w1, r1, w2, r2], 'register'), false, 'r1 would read 1');
  assert.equal(certifies([w1, r1, w2, r2], [r1, w1, r2, w2], 'register'), false, 'r2 before w2 reads 1');
  assert.equal(certifies([w1, r1, w2, r2], [w2, r1, w1, r2], 'register'), false, "p2's write before its read");
  assert.equal(certifies([w1, r1, w2, r2], [r1, w1, w2], 'register'), false, 'every completed operation is in it');
});

test('counters replay the sum; indeterminate adds may be placed or left out', () => {
  const a = op(1, 'add', 1, 0, 5);
  const i = op(2, 'add', 1, 1, Infinity, 'info');
  const r = op(3, 'read', 2, 10, 11);
  assert.equal(certifies([a, i, r], [a, i, r], 'counter'), true);
  assert.equal(certifies([a, i, r], [a, r], 'counter'), false);
});

test('a hint orders writes by their place and puts each read right after the write it saw', () => {
  const place = new Map<HistOp, number>();
  const w1 = op(1, 'write', 5, 0, 10);
  const w2 = op(2, 'write', 6, 0, 10);
  const r = op(3, 'read', 5, 11, 12);
  [
    [w1, 1],
    [w2, 2],
    [r, 1],
  ].forEach(([o, p]) => place.set(o as HistOp, p as number));
  const order = orderByHint(
    [w2, r, w1],
    (o) => place.get(o),
    (x, y) => x - y,
  );
  assert.deepEqual(order, [w1, r, w2]);
  assert.equal(certifies([w1, w2, r], order!, 'register'), true);
  assert.equal(
    orderByHint(
      [w1, r],
      () => undefined,
      (x: number, y: number) => x - y,
    ),
    undefined,
    'no hint, no order',
  );
});
