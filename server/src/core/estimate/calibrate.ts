// Calibration: fit the language's delay distributions to measured latencies. Input is a list of samples
// (milliseconds, one per line or the first number of each CSV row) or HdrHistogram percentile output
// (`Value Percentile TotalCount 1/(1-Percentile)` rows); both become quantile points. Candidates: log-normal
// (least squares on log quantiles), exponential, and the PBS paper's Pareto/exponential mixture (Nelder-Mead
// on the quantile error). The fit error is the mean, and the worst, relative quantile error.
import { describe, quantileOf, type Distribution } from '../model/delay';

export interface QuantilePoint {
  /** 0 < q < 1. */
  q: number;
  ms: number;
}

export interface Measured {
  points: QuantilePoint[];
  /** Samples read, or the HdrHistogram total count. */
  count: number;
  format: 'samples' | 'hdrhistogram';
}

export interface Fit {
  dist: Distribution;
  form: 'lognormal' | 'exponential' | 'pareto-exponential mix';
  /** Mean |relative error| of the fitted quantiles over the measured points (0.05 = 5%). */
  meanError: number;
  worstError: number;
  worstAt: number;
}

/** Reads samples or HdrHistogram percentile output; `scale` multiplies every value (e.g. 0.001 for µs). */
export function readLatencies(text: string, scale = 1): Measured {
  const lines = text.split(/\r?\n/);
  const hdr = lines.some((l) => /Percentile/.test(l) && /TotalCount/.test(l));
  if (hdr) {
    const points: QuantilePoint[] = [];
    let count = 0;
    for (const l of lines) {
      const m = /^\s*([\d.]+)\s+([\d.]+)\s+(\d+)/.exec(l);
      if (!m) continue;
      const q = Number(m[2]);
      count = Math.max(count, Number(m[3]));
      if (q > 0 && q < 1) points.push({ q, ms: Number(m[1]) * scale });
    }
    return { points: dedupe(points), count, format: 'hdrhistogram' };
  }
  const samples: number[] = [];
  for (const l of lines) {
    const first = l.split(/[,;\t ]+/).find((f) => f.trim() !== '');
    const v = first === undefined ? NaN : Number(first);
    if (Number.isFinite(v) && v >= 0) samples.push(v * scale);
  }
  samples.sort((a, b) => a - b);
  const qs = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999];
  const usable = qs.filter((q) => (1 - q) * samples.length >= 5);
  const points = usable.map((q) => ({ q, ms: samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] }));
  return { points: dedupe(points), count: samples.length, format: 'samples' };
}

function dedupe(points: QuantilePoint[]): QuantilePoint[] {
  const out: QuantilePoint[] = [];
  for (const p of points) if (p.ms > 0 && !out.some((o) => o.q === p.q)) out.push(p);
  return out.sort((a, b) => a.q - b.q);
}

/** Mean and worst relative error of a distribution's quantiles against the points. */
export function fitError(d: Distribution, points: QuantilePoint[]): { mean: number; worst: number; at: number } {
  let sum = 0;
  let worst = 0;
  let at = 0;
  for (const p of points) {
    const e = Math.abs(quantileOf(d, p.q) / p.ms - 1);
    sum += e;
    if (e > worst) [worst, at] = [e, p.q];
  }
  return { mean: sum / Math.max(1, points.length), worst, at };
}

/** Inverse standard normal by bisection on erf (only used at a handful of points). */
function z(q: number): number {
  return quantileOf({ kind: 'normal', mean: 10, sd: 1 }, q) - 10;
}

function lognormalFit(points: QuantilePoint[]): Distribution {
  const xs = points.map((p) => z(p.q));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const sigma = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
  const median = Math.exp(my - sigma * mx);
  return { kind: 'lognormal', median, p99: median * Math.exp(sigma * 2.3263478740408408) };
}

function exponentialFit(points: QuantilePoint[]): Distribution {
  // x_q = mean × −ln(1 − q): least squares through the origin.
  let num = 0;
  let den = 0;
  for (const p of points) {
    const t = -Math.log(1 - p.q);
    num += t * p.ms;
    den += t * t;
  }
  return { kind: 'exponential', mean: den > 0 ? num / den : 0 };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function mixOf(v: number[]): Distribution {
  const w = sigmoid(v[0]);
  return {
    kind: 'mix',
    parts: [
      { weight: w, dist: { kind: 'pareto', scale: Math.exp(v[1]), shape: Math.exp(v[2]) } },
      { weight: 1 - w, dist: { kind: 'exponential', mean: Math.exp(v[3]) } },
    ],
  };
}

/** Nelder–Mead minimisation (deterministic, a fixed number of iterations). */
function nelderMead(
  f: (v: number[]) => number,
  start: number[],
  step = 0.5,
  iterations = 250,
): { v: number[]; fx: number } {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((x, j) => (i === j ? x + step : x)))].map((v) => ({
    v,
    fx: f(v),
  }));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.fx - b.fx);
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p.v[j], 0) / n);
    const worst = simplex[n];
    const at = (t: number) => centroid.map((c, j) => c + t * (worst.v[j] - c));
    const r = { v: at(-1), fx: 0 };
    r.fx = f(r.v);
    if (r.fx < simplex[0].fx) {
      const e = { v: at(-2), fx: 0 };
      e.fx = f(e.v);
      simplex[n] = e.fx < r.fx ? e : r;
    } else if (r.fx < simplex[n - 1].fx) simplex[n] = r;
    else {
      const c = { v: at(0.5), fx: 0 };
      c.fx = f(c.v);
      if (c.fx < worst.fx) simplex[n] = c;
      else
        simplex = simplex
          .map((p, i) => (i === 0 ? p : { v: p.v.map((x, j) => simplex[0].v[j] + 0.5 * (x - simplex[0].v[j])), fx: 0 }))
          .map((p, i) => (i === 0 ? p : { v: p.v, fx: f(p.v) }));
    }
  }
  simplex.sort((a, b) => a.fx - b.fx);
  return simplex[0];
}

function mixtureFit(points: QuantilePoint[]): Distribution {
  const cost = (v: number[]) => {
    const d = mixOf(v);
    return v.every(Number.isFinite) ? fitError(d, points).mean : Infinity;
  };
  const low = points[0]?.ms ?? 1;
  const mid = points.find((p) => p.q >= 0.5)?.ms ?? low;
  let best = { v: [0, Math.log(low), Math.log(2), Math.log(mid)], fx: Infinity };
  for (const w of [-1.5, 0, 1.5]) {
    for (const shape of [1.5, 3, 10]) {
      const r = nelderMead(cost, [
        w,
        Math.log(Math.max(low * 0.8, 1e-3)),
        Math.log(shape),
        Math.log(Math.max(mid, 1e-3)),
      ]);
      if (r.fx < best.fx) best = r;
    }
  }
  return mixOf(best.v);
}

/** Every candidate form fitted, best (lowest mean error) first. */
export function fitLatencies(m: Measured): Fit[] {
  if (m.points.length < 3)
    throw new Error(`need at least 3 distinct quantiles to fit (got ${m.points.length}); give more samples`);
  const fits: Fit[] = [];
  const add = (fitted: Distribution, form: Fit['form']) => {
    const dist = round(fitted);
    const e = fitError(dist, m.points);
    fits.push({ dist, form, meanError: e.mean, worstError: e.worst, worstAt: e.at });
  };
  add(lognormalFit(m.points), 'lognormal');
  add(exponentialFit(m.points), 'exponential');
  add(mixtureFit(m.points), 'pareto-exponential mix');
  return fits.sort((a, b) => a.meanError - b.meanError);
}

const r3 = (x: number) => Number(x.toPrecision(3));
/** A delay the language can write (no exponent): at least 0.001 ms, three significant figures. */
const ms3 = (x: number) => Math.max(0.001, r3(x));

/** Rounds parameters to 3 significant figures as the printed line shows them; drops negligible mixture parts. */
function round(d: Distribution): Distribution {
  switch (d.kind) {
    case 'lognormal':
      return { kind: 'lognormal', median: ms3(d.median), p99: Math.max(ms3(d.median), ms3(d.p99)) };
    case 'exponential':
      return { kind: 'exponential', mean: ms3(d.mean) };
    case 'pareto':
      return { kind: 'pareto', scale: ms3(d.scale), shape: Math.min(100, Math.max(0.01, r3(d.shape))) };
    case 'mix': {
      const parts = d.parts
        .filter((p) => p.weight >= 0.001)
        .map((p) => ({ weight: r3(p.weight), dist: round(p.dist) }));
      return parts.length === 1 ? parts[0].dist : { kind: 'mix', parts };
    }
    default:
      return d;
  }
}

/** `replica write mix(…)  // fit error …` as the language writes it. */
export function fitLine(prefix: string, f: Fit, m: Measured): string {
  const pct = (x: number) => `${r3(x * 100)}%`;
  const where = `p${r3(f.worstAt * 100)}`;
  const counted = `${m.count} ${m.format === 'samples' ? 'samples' : 'counts (HdrHistogram)'}`;
  const error = `mean quantile error ${pct(f.meanError)}, worst ${pct(f.worstError)} at ${where}`;
  return `${prefix} ${describe(f.dist)}  // ${f.form}: ${error}; ${counted}`;
}
