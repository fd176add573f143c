import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventHeap } from '../../../server/src/core/simulate/heap';

interface E {
  t: number;
  seq: number;
  label: number;
}

test('property: after any pushes and pops the heap property holds, and pops come out by time, ties in push order', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 20 }).map((t) => ({ push: t })),
          fc.constant({ pop: true }),
        ),
        { maxLength: 300 },
      ),
      (ops) => {
        const heap = new EventHeap<E>();
        const model: E[] = []; // reference: a list kept sorted by (t, seq)
        let label = 0;
        for (const o of ops) {
          if ('push' in o) {
            const e = { t: o.push, seq: 0, label: label++ };
            heap.push(e);
            model.push(e);
            model.sort((a, b) => a.t - b.t || a.seq - b.seq);
          } else {
            const got = heap.pop();
            const want = model.shift();
            assert.equal(got?.label, want?.label);
          }
          assert.ok(heap.valid());
          assert.equal(heap.size, model.length);
          assert.equal(heap.peek()?.label, model[0]?.label);
        }
        // Drain: non-decreasing times, and equal times in push (label) order.
        let prev: E | undefined;
        for (let e = heap.pop(); e; e = heap.pop()) {
          if (prev) assert.ok(prev.t < e.t || (prev.t === e.t && prev.label < e.label));
          prev = e;
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('an empty heap pops undefined', () => {
  const h = new EventHeap<E>();
  assert.equal(h.pop(), undefined);
  assert.equal(h.peek(), undefined);
});

test('past its first 1,024 slots the heap grows and still pops by time, ties in push order', () => {
  const h = new EventHeap<E>();
  const all: E[] = [];
  for (let i = 0; i < 5000; i++) {
    const e = { t: (i * 7919) % 97, seq: 0, label: i };
    h.push(e);
    all.push(e);
  }
  assert.ok(h.valid());
  all.sort((a, b) => a.t - b.t || a.label - b.label);
  for (const want of all) assert.equal(h.pop()?.label, want.label);
  assert.equal(h.pop(), undefined);
  assert.ok(h.valid());
});
