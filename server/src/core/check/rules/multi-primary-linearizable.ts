// More than one region accepting writes under a level that needs one order of all writes (linearizable,
// sequential, strict serializable): two primaries each accept a write before hearing of the other's.
//
// Sequential consistency and stronger need one order of all writes; with two primaries each accepts a write
// before it hears of the other's, so the order is decided after the fact by conflict resolution, which the level
// forbids (Herlihy & Wing 1990; Lamport 1979). Cosmos DB documents it as a product rule: Strong is not offered
// with multiple write regions (Microsoft Learn, "Consistency levels in Azure Cosmos DB"). Provable from the
// declared primaries alone: an error. It underlines the `primary` list, else the level. The fix keeps one
// primary and says what it costs: the other regions write through it, and cannot while it is unreachable.
import { needsConsensus } from '../../model/levels';
import type { Rule } from '../rule';
import { branches } from '../branches';
import { levelRange, primaryListRange, siteOf, singlePrimaryFix } from '../sites';

export const rule: Rule = {
  code: 'multi-primary-linearizable',
  check({ model, report }) {
    for (const d of model.data.values()) {
      const s = branches(d).find(
        (x) =>
          x.effective.level &&
          needsConsensus(x.effective.level.value) &&
          x.effective.primaries.some((p) => p !== x.effective.primaries[0]),
      );
      if (!s || !s.effective.level) continue;
      const level = s.effective.level;
      const primaries = [...new Set(s.effective.primaries)];
      const listRange = primaryListRange(d);
      const site = listRange ? { uri: d.origin.uri, range: listRange } : siteOf(d, level, levelRange);
      if (!site) continue;
      const [a, b] = primaries;
      const rtt = d.topology?.rtt(a, b);
      const apart = rtt !== undefined ? `; ${a}↔${b} ${rtt} ms round trip` : '';
      const from = listRange
        ? `\`primary ${primaries.join(', ')}\``
        : `topology \`${d.topology?.name ?? '?'}\` flags ${primaries.join(', ')} as primary`;
      const fix = singlePrimaryFix(d, primaries);
      report({
        uri: site.uri,
        range: site.range,
        message:
          `${s.label} is ${level.value.display}${level.tier ? `, from tier ${level.tier},` : ''} ` +
          `but accepts writes at ${primaries.length} primaries ` +
          `(${from})${apart}: each primary can accept a write before it ` +
          "hears of the other's, so there is no single order of writes " +
          'and conflicting writes must be resolved afterwards, which the level forbids. Keep one primary.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
