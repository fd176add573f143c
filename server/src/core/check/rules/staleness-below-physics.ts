// A staleness bound (`staleness <= T`, or the T of `bounded(T)`) below the one-way delay a committed write
// needs to reach the farthest replica that serves reads. Reads that may be served there (asynchronous
// replication, or a write quorum that leaves replicas out while reads do not overlap it) can trail the
// leader by at least half the round trip the topology declares for that link, whatever the store does, so
// the bound cannot hold: an error, like a latency SLA below the round trips (`latency-below-physics`).
//
// Only the declared round trip counts here (itself checked against light in fibre by `link-faster-than-light`).
// Jitter and the time a replica takes to apply a write come from the profile and are estimates: a bound
// above this floor but below the estimated lag is `staleness-below-lag`, a warning.
//
// Not reported where reads cannot be stale: consensus levels (reads go to the leader or a quorum) and read
// quorums that meet every write quorum (R + W > N: every read reaches a replica holding the latest write).
// Reference: Bailis et al., "Probabilistically Bounded Staleness for Practical Partial Quorums", VLDB 2012
// (t-visibility is bounded below by the write's propagation delay).
import { ms } from '../../estimate/format';
import { formatDuration } from '../../syntax/units';
import type { Rule } from '../rule';
import { boundReport, physicalFloorMs, describedBound, statedBounds } from '../staleness';

export const rule: Rule = {
  code: 'staleness-below-physics',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      if (!data.effective.stalenessMs && data.effective.level?.value.name !== 'bounded') continue;
      const bounds = statedBounds(data);
      if (bounds.length === 0) continue;
      const e = estimate(data);
      const floor = physicalFloorMs(e);
      const lag = e.lag;
      if (!lag || !(floor > 0)) continue;
      for (const bound of bounds) {
        if (!(bound.boundMs < floor - 1e-9)) continue;
        const b = describedBound(model, data, bound);
        const link = `${lag.from}↔${lag.to} ${ms(lag.rttMs)} ms round trip ÷ 2 = ${ms(floor)} ms one way`;
        report(
          boundReport(
            b,
            e.replicationLagMs,
            `${b.setBy}\`${b.written}\` lets reads of \`${data.name}\` ` +
              `trail by at most ${formatDuration(b.boundMs)}, but a committed write needs at least ${ms(floor)} ms ` +
              `to reach the replica in ${lag.to} that serves reads ` +
              `(${link}, before any apply time); ` +
              `the profile estimates ≈ ${ms(e.replicationLagMs)} ms at p99.`,
          ),
        );
      }
    }
  },
};
