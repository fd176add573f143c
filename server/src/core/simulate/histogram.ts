// Streaming histogram with bounded memory: log-linear buckets over microseconds (exact below 256 µs,
// then 128 buckets per power of two, so a reported quantile is within 0.4% of the true value), plus
// the exact count, sum, min and max. Like HdrHistogram, sized once, whatever the number of samples.

const SUB_BITS = 8;
const SUB = 1 << SUB_BITS; // 256 exact buckets
const HALF = SUB >> 1; // 128 buckets per octave above
const MAX_US = 2 ** 42; // ~51 days; larger values are clamped
const BUCKETS = SUB + (42 - SUB_BITS + 1) * HALF;

function indexOf(us: number): number {
  if (us < SUB) return us;
  if (us < 0x8000_0000) {
    // Integer shifts: `2 ** shift` with a variable exponent is a Math.pow call, per recorded latency.
    const shift = 31 - Math.clz32(us) - SUB_BITS + 1;
    return SUB + (shift - 1) * HALF + ((us >>> shift) - HALF); // us >>> shift in [HALF, SUB)
  }
  let e = Math.floor(Math.log2(us));
  if (2 ** e > us) e--;
  else if (2 ** (e + 1) <= us) e++;
  const shift = e - SUB_BITS + 1;
  const top = Math.floor(us / 2 ** shift); // in [HALF, SUB)
  return SUB + (shift - 1) * HALF + (top - HALF);
}

/** Lower bound and width of a bucket, µs. */
function boundsOf(i: number): [number, number] {
  if (i < SUB) return [i, 1];
  const j = i - SUB;
  const shift = Math.floor(j / HALF) + 1;
  const top = (j % HALF) + HALF;
  return [top * 2 ** shift, 2 ** shift];
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** A range of latencies and how many fell in it, for a chart. */
export interface Bin {
  fromMs: number;
  toMs: number;
  count: number;
}

export class Histogram {
  private counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;

  /** Records a value in milliseconds (negative counts as 0). */
  record(ms: number): void {
    const v = ms > 0 ? ms : 0;
    const us = Math.min(Math.round(v * 1000), MAX_US - 1);
    this.counts[indexOf(us)]++;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The value at quantile q (0..1), ms: the middle of the bucket holding it, kept within [min, max]. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i];
      if (seen >= rank) {
        const [lo, width] = boundsOf(i);
        const mid = width === 1 ? lo : lo + width / 2;
        return Math.min(this.max, Math.max(this.min, mid / 1000));
      }
    }
    return this.max;
  }

  /** Share of values at or below `ms` (bucket resolution). */
  fractionAtOrBelow(ms: number): number {
    if (this.count === 0) return 0;
    const last = indexOf(Math.min(Math.round(Math.max(0, ms) * 1000), MAX_US - 1));
    let seen = 0;
    for (let i = 0; i <= last; i++) seen += this.counts[i];
    return seen / this.count;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** The distribution for a chart: `n` bins of equal width on a log scale from min to max (ms), each fine
   *  bucket counted in the bin holding its middle; deterministic. */
  bins(n = 30): Bin[] {
    if (this.count === 0) return [];
    const r = (x: number) => Math.round(x * 1000) / 1000;
    const lo = Math.max(this.min, 0.001);
    const span = Math.log(Math.max(this.max, lo) / lo);
    const k = span > 0 ? n : 1;
    const out: Bin[] = Array.from({ length: k }, (_, j) => ({
      fromMs: r(lo * Math.exp((span * j) / k)),
      toMs: r(lo * Math.exp((span * (j + 1)) / k)),
      count: 0,
    }));
    for (let i = 0; i < BUCKETS; i++) {
      if (this.counts[i] === 0) continue;
      const [b, width] = boundsOf(i);
      const mid = Math.max(lo, (width === 1 ? b : b + width / 2) / 1000);
      const j = span > 0 ? Math.min(k - 1, Math.floor((k * Math.log(mid / lo)) / span)) : 0;
      out[Math.max(0, j)].count += this.counts[i];
    }
    return out;
  }

  summary(): Summary {
    const r = (x: number) => Math.round(x * 1000) / 1000;
    return {
      count: this.count,
      mean: r(this.count ? this.sum / this.count : 0),
      p50: r(this.quantile(0.5)),
      p95: r(this.quantile(0.95)),
      p99: r(this.quantile(0.99)),
      p999: r(this.quantile(0.999)),
      max: r(this.max),
    };
  }
}
