// Delay distributions (milliseconds) as the model holds them: fixed, uniform, normal, lognormal (by median
// and p99), exponential (by mean), pareto (scale, shape) and weighted mixtures — the shapes the `.consistency`
// syntax for links and replica work maps onto, one to one — with their limits, mean, CDF and quantiles.
// The simulator's seeded samplers live in simulate/sampler.ts.

export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  /** Clamped at 0: a delay is never negative. */
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; median: number; p99: number }
  | { kind: 'exponential'; mean: number }
  /** P(X > x) = (scale / x)^shape for x ≥ scale. */
  | { kind: 'pareto'; scale: number; shape: number }
  | { kind: 'mix'; parts: { weight: number; dist: Distribution }[] };

/** z at the 99th percentile of the standard normal. */
export const Z99 = 2.3263478740408408;

export const fixed = (value: number): Distribution => ({ kind: 'fixed', value });

/** A round trip with jitter (its standard deviation) as the topology declares it: normal, or fixed without jitter. */
export function fromRtt(rttMs: number, jitterMs: number): Distribution {
  return jitterMs > 0 ? { kind: 'normal', mean: rttMs, sd: jitterMs } : fixed(rttMs);
}

/** Why a distribution cannot be sampled, or undefined when it can. */
export function problemOf(d: Distribution): string | undefined {
  const bad = (x: number) => !Number.isFinite(x) || x < 0;
  switch (d.kind) {
    case 'fixed':
      return bad(d.value) ? 'fixed needs a value ≥ 0' : undefined;
    case 'uniform':
      return bad(d.min) || bad(d.max) || d.max < d.min ? 'uniform needs 0 ≤ min ≤ max' : undefined;
    case 'normal':
      return bad(d.mean) || bad(d.sd) ? 'normal needs mean ≥ 0 and sd ≥ 0' : undefined;
    case 'lognormal':
      return !(d.median > 0) || bad(d.p99) || d.p99 < d.median ? 'lognormal needs 0 < median ≤ p99' : undefined;
    case 'exponential':
      return bad(d.mean) ? 'exponential needs a mean ≥ 0' : undefined;
    case 'pareto':
      return !(d.scale > 0) || !(d.shape > 0) ? 'pareto needs scale > 0 and shape > 0' : undefined;
    case 'mix': {
      if (
        d.parts.length === 0 ||
        d.parts.some((p) => bad(p.weight)) ||
        !(d.parts.reduce((s, p) => s + p.weight, 0) > 0)
      ) {
        return 'mix needs at least one part and weights ≥ 0 that sum above 0';
      }
      for (const p of d.parts) {
        const inner = problemOf(p.dist);
        if (inner) return inner;
      }
      return undefined;
    }
  }
}

/** The mean of a distribution where it is finite (normal: before clamping at 0; pareto with shape ≤ 1: Infinity). */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal': {
      const sigma = Math.log(d.p99 / d.median) / Z99;
      return d.median * Math.exp((sigma * sigma) / 2);
    }
    case 'exponential':
      return d.mean;
    case 'pareto':
      return d.shape <= 1 ? Infinity : (d.shape * d.scale) / (d.shape - 1);
    case 'mix': {
      const total = d.parts.reduce((s, p) => s + p.weight, 0);
      return d.parts.reduce((s, p) => s + (p.weight / total) * meanOf(p.dist), 0);
    }
  }
}

const num = (x: number) => `${Number(x.toPrecision(4))}ms`;

/** As the `.consistency` syntax writes it, e.g. `lognormal(median 45ms, p99 80ms)`. */
export function describe(d: Distribution): string {
  switch (d.kind) {
    case 'fixed':
      return num(d.value);
    case 'uniform':
      return `uniform(${num(d.min)}, ${num(d.max)})`;
    case 'normal':
      return `normal(mean ${num(d.mean)}, sd ${num(d.sd)})`;
    case 'lognormal':
      return `lognormal(median ${num(d.median)}, p99 ${num(d.p99)})`;
    case 'exponential':
      return `exponential(mean ${num(d.mean)})`;
    case 'pareto':
      return `pareto(${num(d.scale)}, ${d.shape})`;
    case 'mix':
      return `mix(${d.parts.map((p) => `${p.weight} ${describe(p.dist)}`).join(', ')})`;
  }
}

/** The standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** P(X ≤ x) for a delay (normal clamped at 0, so its mass below 0 sits at 0). */
export function cdfOf(d: Distribution, x: number): number {
  if (x < 0) return 0;
  switch (d.kind) {
    case 'fixed':
      return x >= d.value ? 1 : 0;
    case 'uniform':
      return d.max === d.min ? (x >= d.min ? 1 : 0) : Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
    case 'normal':
      return d.sd === 0 ? (x >= d.mean ? 1 : 0) : phi((x - d.mean) / d.sd);
    case 'lognormal': {
      const sigma = Math.log(d.p99 / d.median) / Z99;
      if (sigma === 0) return x >= d.median ? 1 : 0;
      return x === 0 ? 0 : phi((Math.log(x) - Math.log(d.median)) / sigma);
    }
    case 'exponential':
      return d.mean === 0 ? 1 : 1 - Math.exp(-x / d.mean);
    case 'pareto':
      return x < d.scale ? 0 : 1 - Math.pow(d.scale / x, d.shape);
    case 'mix': {
      const total = d.parts.reduce((s, p) => s + p.weight, 0);
      return d.parts.reduce((s, p) => s + (p.weight / total) * cdfOf(p.dist, x), 0);
    }
  }
}

/** The p-quantile (0 < p < 1) of a valid distribution, by bisection on its CDF to 1e-6 ms relative. */
export function quantileOf(d: Distribution, p: number): number {
  let hi = 1;
  while (cdfOf(d, hi) < p && hi < 1e12) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (cdfOf(d, mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}
