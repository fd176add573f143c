// A staleness bound (`staleness <= T`, or the T of `bounded(T)`) at or above the physical floor but below
// the replication lag the profile estimates: with async replication, or a quorum that leaves replicas out,
// a local read can trail the leader by the one-way delay to the farthest replica, plus link jitter at p99,
// plus the time a replica takes to apply the write (estimate/lag.ts). The jitter reading and the apply time
// are the profile's figures, so this is a warning; a bound below the one-way delay alone is
// `staleness-below-physics`, an error.
import { ms } from '../../estimate/format';
import { formatDuration } from '../../syntax/units';
import type { Rule } from '../rule';
import { boundReport, physicalFloorMs, describedBound, statedBounds } from '../staleness';

export const rule: Rule = {
  code: 'staleness-below-lag',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      if (!data.effective.stalenessMs && data.effective.level?.value.name !== 'bounded') continue;
      const bounds = statedBounds(data);
      if (bounds.length === 0) continue;
      const e = estimate(data);
      const lag = e.replicationLagMs;
      const floor = physicalFloorMs(e);
      for (const bound of bounds) {
        // Within the lag, or below physics (the other rule).
        if (bound.boundMs >= lag || bound.boundMs < floor - 1e-9) continue;
        const b = describedBound(model, data, bound);
        const explain = e.lag?.explanation ?? '';
        const at = formatDuration(b.boundMs);
        const claim = `${b.setBy}\`${b.written}\` lets reads of \`${data.name}\` trail by at most ${at}`;
        report(boundReport(b, lag, `${claim}, but replication lags ≈ ${ms(lag)} ms at p99: ${explain}`));
      }
    }
  },
};
