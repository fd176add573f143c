// Percentiles: the normal approximation used to scale jitter (z at a percentile) and the service-time
// curve between the profile's p50 / p95 / p99 figures.
import type { ServiceTimes } from './profile';

/** A percentile as the model reads it: `avg` is taken as the median (z = 0). */
export type Pct = number | 'avg';

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
const a = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const c = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function inverseNormal(p: number): number {
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) return -inverseNormal(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** z at a percentile (50 → 0, 95 → 1.645, 99 → 2.326); below the median counts as the median. */
export function zAt(p: Pct): number {
  if (p === 'avg' || p <= 50) return 0;
  let z = zMemo.get(p);
  if (z === undefined) zMemo.set(p, (z = inverseNormal(Math.min(p, 99.9999) / 100)));
  return z;
}

/** z by percentile: estimates ask for the same few (95, 99) thousands of times. */
const zMemo = new Map<number, number>();

const Z95 = zAt(95);
const Z99 = zAt(99);

/** Service time at a percentile: piecewise linear in z through p50, p95, p99, extended past p99. */
export function serviceAt(s: ServiceTimes, p: Pct): number {
  if (s.at && typeof p === 'number' && p > 99) return s.at(p);
  const z = zAt(p);
  if (z <= Z95) return s.p50 + ((s.p95 - s.p50) * z) / Z95;
  return s.p95 + ((s.p99 - s.p95) * (z - Z95)) / (Z99 - Z95);
}

/** True when a percentile is summarised by the mean over client regions rather than the worst one. */
export function isCentral(p: Pct): boolean {
  return p === 'avg' || p <= 50;
}

export const jitterNote =
  'link jitter is read as the standard deviation of a round trip; jitters of round ' +
  'trips taken one after another add (as along a path), and the delay at a percentile ' +
  'is the mean plus z × jitter (normal approximation: z50 = 0, z95 = 1.645, z99 = 2.326)';
