import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, seedOf } from '../../../server/src/core/simulate/prng';

test('the same seed gives the same stream; different seeds differ', () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xs = Array.from({ length: 1000 }, () => a.nextU32());
  assert.deepEqual(
    Array.from({ length: 1000 }, () => b.nextU32()),
    xs,
  );
  assert.notDeepEqual(
    Array.from({ length: 1000 }, () => c.nextU32()),
    xs,
  );
  assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32));
});

test('the stream is sfc32 seeded by splitmix32, as documented (an independent reference implementation)', () => {
  // Reference sfc32 (PractRand's, as commonly written in JS) and splitmix32; 12 outputs discarded.
  const ref = (seed: number) => {
    let s = seed | 0;
    const mix = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    let [a, b, c, d] = [mix() | 0, mix() | 0, mix() | 0, 1];
    const next = () => {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = ((c << 21) | (c >>> 11)) + t;
      c |= 0;
      return t >>> 0;
    };
    for (let i = 0; i < 12; i++) next();
    return next;
  };
  for (const seed of [0, 1, 42, 0xdeadbeef]) {
    const mine = createRng(seed);
    const theirs = ref(seed);
    for (let i = 0; i < 1000; i++) assert.equal(mine.nextU32(), theirs());
  }
});

test('floats are uniform in [0, 1): mean, variance and a chi-square over 20 buckets', () => {
  const r = createRng(7);
  const n = 200_000;
  const buckets = new Array<number>(20).fill(0);
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const u = r.float();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    sq += u * u;
    buckets[Math.floor(u * 20)]++;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
  assert.ok(Math.abs(sq / n - mean * mean - 1 / 12) < 0.002);
  const e = n / 20;
  const chi = buckets.reduce((s, o) => s + (o - e) ** 2 / e, 0);
  assert.ok(chi < 43.8, `chi-square ${chi} (19 degrees of freedom, p = 0.001 at 43.8)`);
});

test('int(n) covers 0..n-1 evenly', () => {
  const r = createRng(3);
  const counts = new Array<number>(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 400, String(counts));
});

test('seeds: numbers are truncated to 32 bits, strings hashed', () => {
  assert.equal(seedOf(42), 42);
  assert.equal(seedOf(2 ** 32 + 5), 5);
  assert.equal(seedOf('big_billion_day'), seedOf('big_billion_day'));
  assert.notEqual(seedOf('a'), seedOf('b'));
});
