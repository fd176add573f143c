// Percentiles of what a store waits for: the k-th fastest of n replicas that each take a service time from
// one distribution (a quorum), and a leader's own time followed by the (k)-th fastest of its followers (a
// pull-based replica set). Exact order statistics on the CDF; sums by stratified quantiles (deterministic).
import { cdfOf, quantileOf, type Distribution } from '../../model/delay';
import type { ServiceTimes } from '../profile';

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}

/** P(at least k of n independent draws ≤ x) when each is ≤ x with probability f. */
function atLeast(f: number, k: number, n: number): number {
  let p = 0;
  for (let j = k; j <= n; j++) p += binomial(n, j) * f ** j * (1 - f) ** (n - j);
  return p;
}

/** A CDF: a distribution's, or the empirical one of a sum of them. */
export type Cdf = (x: number) => number;

/** The q-quantile (0 < q < 1) of the k-th smallest of n independent draws with CDF `cdf`. */
export function orderStatQuantile(cdf: Cdf, k: number, n: number, q: number): number {
  const kk = Math.min(Math.max(1, k), n);
  let hi = 1;
  while (atLeast(cdf(hi), kk, n) < q && hi < 1e9) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-6 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (atLeast(cdf(mid), kk, n) >= q) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Standard normal CDF through the model's (a normal far from 0 is not clamped). */
const phi = (z: number) => cdfOf({ kind: 'normal', mean: 50, sd: 1 }, 50 + z);

/** Strata of a variable dense in both tails: points at evenly spaced z-scores (±5σ), weighted by their mass. */
const tailStrata = (() => {
  const m = 160;
  const h = 10 / m;
  return Array.from({ length: m }, (_, i) => {
    const z = -5 + (i + 0.5) * h;
    return { q: phi(z), w: phi(z + h / 2) - phi(z - h / 2) };
  });
})();

/** The CDF of a sum of independent delays (PBS: a replica's W + A, or R + S), from weighted tail-dense strata. */
export function sumCdf(parts: Distribution[]): Cdf {
  if (parts.length === 1) return (x) => cdfOf(parts[0], x);
  let points = [{ v: 0, w: 1 }];
  for (const d of parts) {
    const s = tailStrata.map((t) => ({ v: quantileOf(d, t.q), w: t.w }));
    const next: { v: number; w: number }[] = [];
    for (const a of points) for (const b of s) next.push({ v: a.v + b.v, w: a.w * b.w });
    points = next;
  }
  points.sort((a, b) => a.v - b.v);
  const values = points.map((p) => p.v);
  const cum: number[] = [];
  let total = 0;
  for (const p of points) cum.push((total += p.w));
  return (x) => {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : cum[lo - 1] / total;
  };
}

const strata = 256;

/** Stratified samples of a random variable given by its quantile function. */
function samples(quantile: (q: number) => number): number[] {
  return Array.from({ length: strata }, (_, i) => quantile((i + 0.5) / strata));
}

/** Percentiles of a sum of independent variables, each given by its quantile function. */
function sumPercentiles(parts: ((q: number) => number)[], ps: number[]): number[] {
  let acc = [0];
  let all = acc;
  for (const part of parts) {
    const s = samples(part);
    all = [];
    for (const a of acc) for (const b of s) all.push(a + b);
    all.sort((x, y) => x - y);
    // Thinned back to `strata` stratified values so the next convolution stays small.
    const full = all;
    acc =
      full.length <= strata
        ? full
        : Array.from({ length: strata }, (_, i) => full[Math.floor(((i + 0.5) / strata) * full.length)]);
  }
  return ps.map((p) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))]);
}

const at = (f: (q: number) => number): ServiceTimes => ({
  p50: f(0.5),
  p95: f(0.95),
  p99: f(0.99),
  at: (pct) => f(pct / 100),
});

/** Service time of an operation that waits for the k-th fastest of n replicas, each taking the sum of `parts`. */
export function quorumService(parts: Distribution[], k: number, n: number): ServiceTimes {
  const nn = Math.min(n, 15);
  const cdf = sumCdf(parts);
  return at((q) => orderStatQuantile(cdf, Math.min(k, nn), nn, q));
}

/** The same at any percentile (p99.9 …), for tests and reports. */
export function quorumServiceAt(parts: Distribution[], k: number, n: number, pct: number): number {
  const nn = Math.min(n, 15);
  return orderStatQuantile(sumCdf(parts), Math.min(k, nn), nn, pct / 100);
}

/** A leader's own time, then the k-th fastest of its n followers (k = 0: the leader alone). */
export function leaderThenFollowers(leader: Distribution, follower: Distribution, k: number, n: number): ServiceTimes {
  if (k <= 0 || n <= 0) return at((q) => quantileOf(leader, q));
  const nn = Math.min(n, 15);
  const f = (x: number) => cdfOf(follower, x);
  const parts = [(q: number) => quantileOf(leader, q), (q: number) => orderStatQuantile(f, Math.min(k, nn), nn, q)];
  const [p50, p95, p99] = sumPercentiles(parts, [50, 95, 99]);
  return { p50, p95, p99, at: (pct) => sumPercentiles(parts, [pct])[0] };
}

/** A distribution's own percentiles. */
export function serviceOf(d: Distribution): ServiceTimes {
  return at((q) => quantileOf(d, q));
}

/** A log-normal with the same median and p99, for a consumer that wants one distribution. */
export function lognormalLike(s: ServiceTimes): Distribution {
  return s.p99 > s.p50 && s.p50 > 0
    ? { kind: 'lognormal', median: s.p50, p99: s.p99 }
    : { kind: 'fixed', value: s.p50 };
}
