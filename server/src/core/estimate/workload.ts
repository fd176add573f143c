// The workload an estimate prices and compares with capacity: average and peak operations per second,
// read share and monthly volume (30-day month), with what was assumed where the policy is silent.
import type { Workload } from '../model/model';
import { formatCount } from './format';
import type { Profile } from './profile';

export interface WorkloadDetail {
  avgPerSec: number;
  peakPerSec: number;
  peakDeclared: boolean;
  readsPct: number;
  /** Peak ÷ average the profile assumes when only a volume is declared. */
  peakFactor: number;
  monthlyOperations: number;
  monthlyWrites: number;
}

export const secondsPerMonth = 30 * 86_400;

export function describeWorkload(
  w: Workload | undefined,
  profile: Profile,
): { detail?: WorkloadDetail; assumptions: string[] } {
  if (!w || (w.avgPerSec === undefined && w.peakPerSec === undefined)) {
    return {
      assumptions: ['no workload declared: only fixed costs count, and capacity is not compared with any load'],
    };
  }
  const assumptions: string[] = [];
  const f = profile.peakFactor;
  const avg = w.avgPerSec ?? w.peakPerSec! / f;
  const peak = w.peakPerSec ?? avg * f;
  if (w.avgPerSec === undefined)
    assumptions.push(`only a peak is declared: average = peak ÷ ${f} ≈ ${formatCount(avg)}/s (${profile.notes.peak})`);
  if (w.peakPerSec === undefined) assumptions.push(`${profile.notes.peak}: ≈ ${formatCount(peak)}/s`);
  if (w.readsAssumed) assumptions.push('reads 50% of operations (the workload does not say)');
  const monthlyOperations = avg * secondsPerMonth;
  assumptions.push(`monthly operations = average ${formatCount(avg)}/s × 30 days ≈ ${formatCount(monthlyOperations)}`);
  return {
    detail: {
      avgPerSec: avg,
      peakPerSec: peak,
      peakDeclared: w.peakPerSec !== undefined,
      readsPct: w.readsPct,
      peakFactor: f,
      monthlyOperations,
      monthlyWrites: monthlyOperations * (1 - w.readsPct / 100),
    },
    assumptions,
  };
}
