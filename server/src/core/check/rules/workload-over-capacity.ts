// A workload whose peak (declared, or the average × the profile's peak factor) is above the operations
// per second the level sustains on the topology per the profile (estimate/capacity.ts).
//
// Capacity per replica is the profile's estimate (from the source's Flipkart benchmark): a warning.
import { formatCount } from '../../estimate/format';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'workload-over-capacity',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      const w = data.effective.workload;
      if (!w) continue;
      const e = estimate(data);
      if (!e.workload || !e.capacity || e.workload.peakPerSec <= e.capacityPerSec) continue;
      const c = formatCount;
      const factor = e.workload.peakFactor;
      const peak = e.workload.peakDeclared
        ? `declared peak ${c(e.workload.peakPerSec)}/s`
        : `peak ≈ ${c(e.workload.peakPerSec)}/s (average ` +
          `${c(e.workload.avgPerSec)}/s × peak factor ${factor} of profile ${e.profile})`;
      const level = (e.level ?? 'eventual').replace(/ \(.*\)$/, '');
      report({
        uri: w.origin.uri,
        range: w.origin.range,
        message: `${peak} for \`${data.name}\` is above what ${level} sustains here: ${e.capacity.explanation}`,
      });
    }
  },
};
