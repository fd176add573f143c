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

/** The q-quantile (0 < q < 1) of the k-th smallest of n draws from `d`. */
export function orderStatQuantile(d: Distribution, k: number, n: number, q: number): number {
  const kk = Math.min(Math.max(1, k), n);
  if (kk === 1 && n === 1) return quantileOf(d, q);
  let hi = 1;
  while (atLeast(cdfOf(d, hi), kk, n) < q && hi < 1e9) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-6 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (atLeast(cdfOf(d, mid), kk, n) >= q) hi = mid;
    else lo = mid;
  }
  return hi;
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
    acc = full.length <= strata ? full : Array.from({ length: strata }, (_, i) => full[Math.floor(((i + 0.5) / strata) * full.length)]);
  }
  return ps.map((p) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))]);
}

const at = (f: (q: number) => number): ServiceTimes => ({ p50: f(0.5), p95: f(0.95), p99: f(0.99) });

/** Service time of an operation that waits for the k-th fastest of n replicas. */
export function quorumService(d: Distribution, k: number, n: number): ServiceTimes {
  const nn = Math.min(n, 15);
  return at((q) => orderStatQuantile(d, Math.min(k, nn), nn, q));
}

/** A leader's own time, then the k-th fastest of its n followers (k = 0: the leader alone). */
export function leaderThenFollowers(leader: Distribution, follower: Distribution, k: number, n: number): ServiceTimes {
  if (k <= 0 || n <= 0) return at((q) => quantileOf(leader, q));
  const nn = Math.min(n, 15);
  const [p50, p95, p99] = sumPercentiles([(q) => quantileOf(leader, q), (q) => orderStatQuantile(follower, Math.min(k, nn), nn, q)], [50, 95, 99]);
  return { p50, p95, p99 };
}

/** A distribution's own percentiles. */
export function serviceOf(d: Distribution): ServiceTimes {
  return at((q) => quantileOf(d, q));
}

/** A log-normal with the same median and p99, for a consumer that wants one distribution. */
export function lognormalLike(s: ServiceTimes): Distribution {
  return s.p99 > s.p50 && s.p50 > 0 ? { kind: 'lognormal', median: s.p50, p99: s.p99 } : { kind: 'fixed', value: s.p50 };
}
