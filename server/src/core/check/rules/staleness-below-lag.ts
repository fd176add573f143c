// A staleness bound (`staleness <= T`, or the T of `bounded(T)`) below the replication lag of the
// topology: with async replication, or a quorum that leaves replicas out, a local read can trail the
// leader by the one-way delay to the farthest replica plus apply time (estimate/lag.ts).
import type { Fix } from '../../diagnostic';
import { durationText, placeOf, propertyOf, roundUpNice } from '../../estimate/fix-support';
import { ms } from '../../estimate/format';
import { needsConsensus } from '../../model/levels';
import type { Sourced } from '../../model/model';
import type { Range } from '../../util/range';
import { formatDuration } from '../../syntax/units';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'staleness-below-lag',
  defaultSeverity: 'warning',
  summary: 'A staleness bound or bounded(T) below the replication lag the topology and replication give.',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      const level = data.effective.level;
      if (level && needsConsensus(level.value)) continue; // reads go to the leader or a quorum
      const stale = data.effective.stalenessMs;
      const bounded = level?.value.name === 'bounded' && level.value.maxStalenessMs !== undefined ? level : undefined;
      if (!stale && !bounded) continue;
      const e = estimate(data);
      const lag = e.replicationLagMs;
      const explain = e.lag?.explanation ?? '';
      const fire = (s: Sourced<unknown>, boundMs: number, written: string, where: Range | undefined, edit: { uri: string; range: Range } | undefined) => {
        if (boundMs >= lag) return;
        const place = placeOf(model, data, s);
        const raised = durationText(roundUpNice(lag));
        const fixes: Fix[] | undefined = edit ? [{ title: `Raise the bound to ${raised}${place.tier ? ` in tier \`${place.tier.name}\`` : ''}`, edits: [{ ...edit, newText: raised }] }] : undefined;
        report({
          uri: place.uri,
          range: s.tier ? place.range : (where ?? place.range),
          message: `${place.setBy}\`${written}\` lets reads of \`${data.name}\` trail by at most ${formatDuration(boundMs)}, but replication lags ≈ ${ms(lag)} ms at p99: ${explain}`,
          fixes,
        });
      };
      // Only a bound below the lag is reported (`fire` checks again): the others need no place or text.
      if (stale && !(stale.value >= lag)) {
        const place = placeOf(model, data, stale);
        const prop = propertyOf(data, place, stale, 'staleness');
        const written = `staleness ${prop?.node.comparator ?? '<='} ${prop?.node.bound?.text ?? formatDuration(stale.value)}`;
        fire(stale, stale.value, written, undefined, place.editable && prop?.node.bound ? { uri: prop.uri, range: prop.node.bound.range } : undefined);
      }
      if (bounded && !(bounded.value.maxStalenessMs! >= lag)) {
        const place = placeOf(model, data, bounded);
        const prop = propertyOf(data, place, bounded, 'consistency');
        const arg = prop?.node.level?.args[0];
        const written = `consistency ${bounded.value.display}`;
        const edit = place.editable && arg && 'kind' in arg ? { uri: prop.uri, range: arg.range } : undefined;
        fire(bounded, bounded.value.maxStalenessMs!, written, prop?.node.level?.range, edit);
      }
    }
  },
};
