import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, meanOf, problemOf, type Distribution } from '../../../server/src/core/model/delay';
import { samplerOf } from '../../../server/src/core/simulate/sampler';
import { createRng } from '../../../server/src/core/simulate/prng';

const N = 100_000;

function draw(d: Distribution, seed = 11): number[] {
  const rng = createRng(seed);
  const s = samplerOf(d);
  return Array.from({ length: N }, () => s(rng)).sort((a, b) => a - b);
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
function within(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what}: expected ≈ ${expected} (±${rel * 100}%), got ${actual}`,
  );
}

test('fixed and uniform', () => {
  assert.ok(draw({ kind: 'fixed', value: 3 }).every((x) => x === 3));
  const u = draw({ kind: 'uniform', min: 2, max: 6 });
  assert.ok(u[0] >= 2 && u[u.length - 1] < 6);
  within(mean(u), 4, 0.01, 'uniform mean');
  within(quantile(u, 0.25), 3, 0.01, 'uniform p25');
});

test('normal: mean, sd and quantiles; clamped at 0', () => {
  const xs = draw({ kind: 'normal', mean: 45, sd: 5 });
  within(mean(xs), 45, 0.005, 'mean');
  const sd = Math.sqrt(mean(xs.map((x) => (x - 45) ** 2)));
  within(sd, 5, 0.02, 'sd');
  within(quantile(xs, 0.99), 45 + 2.3263 * 5, 0.01, 'p99');
  assert.ok(draw({ kind: 'normal', mean: 1, sd: 5 }).every((x) => x >= 0));
});

test('lognormal by median and p99', () => {
  const d: Distribution = { kind: 'lognormal', median: 45, p99: 80 };
  const xs = draw(d);
  within(quantile(xs, 0.5), 45, 0.01, 'median');
  within(quantile(xs, 0.99), 80, 0.03, 'p99');
  within(mean(xs), meanOf(d), 0.01, 'mean');
});

test('exponential by mean: mean and median ln 2 × mean', () => {
  const xs = draw({ kind: 'exponential', mean: 5.5 });
  within(mean(xs), 5.5, 0.015, 'mean');
  within(quantile(xs, 0.5), 5.5 * Math.LN2, 0.02, 'median');
  within(quantile(xs, 0.99), 5.5 * Math.log(100), 0.04, 'p99');
});

test('pareto(scale, shape): quantiles (scale × (1 − q)^(−1/shape)) and, for shape > 2, the mean', () => {
  const xs = draw({ kind: 'pareto', scale: 1.05, shape: 1.51 });
  assert.ok(xs[0] >= 1.05);
  for (const q of [0.5, 0.9, 0.99]) within(quantile(xs, q), 1.05 * (1 - q) ** (-1 / 1.51), 0.04, `q${q}`);
  const ys = draw({ kind: 'pareto', scale: 2, shape: 3 });
  within(mean(ys), meanOf({ kind: 'pareto', scale: 2, shape: 3 }), 0.02, 'mean (shape 3)');
  assert.equal(meanOf({ kind: 'pareto', scale: 1, shape: 1 }), Infinity);
});

test('weighted mix: the share of each part and the mixture mean', () => {
  const d: Distribution = {
    kind: 'mix',
    parts: [
      { weight: 0.38, dist: { kind: 'fixed', value: 100 } },
      { weight: 0.62, dist: { kind: 'exponential', mean: 5.5 } },
    ],
  };
  const xs = draw(d);
  const share = xs.filter((x) => x === 100).length / N;
  within(share, 0.38, 0.02, 'share of the first part');
  within(mean(xs), meanOf(d), 0.015, 'mixture mean');
  assert.equal(meanOf(d), 0.38 * 100 + 0.62 * 5.5);
});

test('samplers are deterministic for a seed', () => {
  const d: Distribution = {
    kind: 'mix',
    parts: [
      { weight: 1, dist: { kind: 'lognormal', median: 3, p99: 30 } },
      { weight: 2, dist: { kind: 'pareto', scale: 1, shape: 2 } },
    ],
  };
  assert.deepEqual(draw(d, 5).slice(0, 50), draw(d, 5).slice(0, 50));
});

test('bad distributions are named, not sampled', () => {
  assert.match(problemOf({ kind: 'lognormal', median: 50, p99: 10 })!, /median ≤ p99/);
  assert.match(problemOf({ kind: 'mix', parts: [] })!, /at least one part/);
  assert.equal(problemOf({ kind: 'pareto', scale: 1, shape: 1.5 }), undefined);
  assert.throws(() => samplerOf({ kind: 'uniform', min: 5, max: 1 }), /uniform needs 0 ≤ min ≤ max/);
  assert.equal(
    describe({
      kind: 'mix',
      parts: [
        { weight: 0.38, dist: { kind: 'pareto', scale: 1.05, shape: 1.51 } },
        { weight: 0.62, dist: { kind: 'exponential', mean: 5.5 } },
      ],
    }),
    'mix(0.38 pareto(1.05ms, 1.51), 0.62 exponential(mean 5.5ms))',
  );
});
