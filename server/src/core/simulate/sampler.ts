// Seeded samplers for the model's delay distributions (model/delay.ts): one closure per distribution,
// deterministic given the PRNG's sequence.
import { describe, problemOf, Z99, type Distribution } from '../model/delay';
import type { Rng } from './prng';

export type Sampler = (rng: Rng) => number;

/** Compiles a distribution into a sampler (throws on a distribution `problemOf` rejects). */
export function samplerOf(d: Distribution): Sampler {
  const problem = problemOf(d);
  if (problem) throw new Error(`bad distribution ${describe(d)}: ${problem}`);
  switch (d.kind) {
    case 'fixed': {
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      const { min } = d;
      const span = d.max - d.min;
      return (rng) => min + span * rng.float();
    }
    case 'normal': {
      const { mean, sd } = d;
      if (sd === 0) return () => mean;
      const z = normals();
      return (rng) => Math.max(0, mean + sd * z(rng));
    }
    case 'lognormal': {
      const mu = Math.log(d.median);
      const sigma = Math.log(d.p99 / d.median) / Z99;
      if (sigma === 0) return () => d.median;
      const z = normals();
      return (rng) => Math.exp(mu + sigma * z(rng));
    }
    case 'exponential': {
      const { mean } = d;
      return (rng) => -mean * Math.log(1 - rng.float());
    }
    case 'pareto': {
      const { scale } = d;
      const inv = -1 / d.shape;
      return (rng) => scale * Math.pow(1 - rng.float(), inv);
    }
    case 'mix': {
      const total = d.parts.reduce((s, p) => s + p.weight, 0);
      const cum: number[] = [];
      let acc = 0;
      for (const p of d.parts) cum.push((acc += p.weight / total));
      cum[cum.length - 1] = 1;
      const samplers = d.parts.map((p) => samplerOf(p.dist));
      return (rng) => {
        const u = rng.float();
        let i = 0;
        while (u >= cum[i]) i++;
        return samplers[i](rng);
      };
    }
  }
}

/**
 * Standard normal deviates by Box–Muller; each sampler keeps the second of a pair for its next call
 * (deterministic: the calls are).
 */
function normals(): (rng: Rng) => number {
  // The spare in a typed array: a closure variable holding a double is boxed anew on every store (a heap number
  // per draw, garbage on the hottest path).
  const spare = new Float64Array(1).fill(NaN);
  return (rng) => {
    const z = spare[0];
    if (z === z) {
      spare[0] = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - rng.float())); // 1 - u in (0, 1]
    const a = 2 * Math.PI * rng.float();
    spare[0] = r * Math.sin(a);
    return r * Math.cos(a);
  };
}
