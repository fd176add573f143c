import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CalendarQueue } from '../../../server/src/core/simulate/calendar';
import { createRng } from '../../../server/src/core/simulate/prng';

interface E {
  t: number;
  seq: number;
  next: E | null;
  day: number;
  label: number;
}

const ev = (t: number, label: number): E => ({ t, seq: 0, next: null, day: 0, label });

/** Pops from the queue and from a reference list kept sorted by (t, seq) must agree, every step. */
function check(q: CalendarQueue<E>, model: E[], e: E | undefined): void {
  if (e) {
    q.push(e);
    model.push(e);
    model.sort((a, b) => a.t - b.t || a.seq - b.seq);
  } else {
    assert.equal(q.peekTime(), model.length ? model[0].t : Infinity);
    assert.equal(q.pop()?.label, model.shift()?.label);
  }
  assert.equal(q.size, model.length);
}

test('property: pops come out by time, ties in push order, whatever the times (far apart, equal, earlier)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: 20 }).map((t) => ({ push: t })),
          fc.double({ min: 0, max: 1e6, noNaN: true }).map((t) => ({ push: t })),
          fc.constant({ pop: true }),
        ),
        { maxLength: 300 },
      ),
      (ops) => {
        const q = new CalendarQueue<E>();
        const model: E[] = [];
        let label = 0;
        for (const o of ops) check(q, model, 'push' in o ? ev(o.push, label++) : undefined);
        while (model.length) check(q, model, undefined);
        assert.equal(q.pop(), undefined);
      },
    ),
    { numRuns: 300 },
  );
});

test('through growth, shrinking and width changes (a simulation-like load) the order stays exact', () => {
  const rng = createRng(7);
  const q = new CalendarQueue<E>();
  const model: E[] = [];
  let now = 0;
  let label = 0;
  for (let i = 0; i < 60_000; i++) {
    // Phases: a short queue, then a long one, then a short one; delays from 0 (ties) to far ahead.
    const target = i < 20_000 ? 8 : i < 40_000 ? 300 : 4;
    if (model.length < target || rng.float() < 0.3) {
      const u = rng.float();
      const dt = u < 0.1 ? 0 : u < 0.9 ? rng.float() * (i < 40_000 ? 1 : 1000) : rng.float() * 5000;
      check(q, model, ev(now + dt, label++));
    } else {
      now = model[0].t;
      check(q, model, undefined);
    }
  }
  while (model.length) check(q, model, undefined);
});
