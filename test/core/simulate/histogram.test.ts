import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Histogram } from '../../../server/src/core/simulate/histogram';
import { createRng } from '../../../server/src/core/simulate/prng';
import { samplerOf } from '../../../server/src/core/simulate/sampler';

test('quantiles are within 0.5% of the exact ones, over six orders of magnitude', () => {
  const rng = createRng(9);
  const s = samplerOf({
    kind: 'mix',
    parts: [
      { weight: 0.7, dist: { kind: 'lognormal', median: 20, p99: 200 } },
      { weight: 0.3, dist: { kind: 'pareto', scale: 0.05, shape: 0.8 } },
    ],
  });
  const h = new Histogram();
  const xs: number[] = [];
  for (let i = 0; i < 50_000; i++) {
    const x = s(rng);
    xs.push(x);
    h.record(x);
  }
  xs.sort((a, b) => a - b);
  for (const q of [0.01, 0.5, 0.9, 0.95, 0.99, 0.999]) {
    const exact = xs[Math.ceil(q * xs.length) - 1];
    const got = h.quantile(q);
    assert.ok(Math.abs(got - exact) <= 0.005 * exact + 0.001, `q${q}: exact ${exact}, histogram ${got}`);
  }
  assert.equal(h.max, xs[xs.length - 1]);
  assert.equal(h.count, 50_000);
});

test('small values are exact to the microsecond; the summary rounds to µs', () => {
  const h = new Histogram();
  for (const x of [0.001, 0.002, 0.003, 0.004]) h.record(x);
  assert.equal(h.quantile(0.5), 0.002);
  assert.deepEqual(h.summary(), { count: 4, mean: 0.003, p50: 0.002, p95: 0.004, p99: 0.004, p999: 0.004, max: 0.004 });
  assert.equal(new Histogram().quantile(0.5), 0);
});

test('merge adds counts; fractionAtOrBelow reads the CDF', () => {
  const a = new Histogram();
  const b = new Histogram();
  for (let i = 1; i <= 100; i++) (i <= 50 ? a : b).record(i);
  a.merge(b);
  assert.equal(a.count, 100);
  assert.ok(Math.abs(a.quantile(0.5) - 50) <= 0.25);
  assert.equal(a.fractionAtOrBelow(25), 0.25);
});
