// CAP under a declared scenario: a data type that keeps consistency during a partition (`prefer consistency`,
// or a level that needs a majority) cannot serve the clients cut off from its primary, so a scenario's
// partitions cap its availability over the run. Reported on the fault when that cap is below the
// `availability` it declares (digest §8 item 14: strong + 99.99% under a declared partition, incident F1).
//
// The cap is arithmetic over the declared run, but reading an availability target (a long-run figure) against a
// scenario window is an assumption: a warning.
import { needsConsensus } from '../../model/levels';
import type { DataModel, ScenarioModel } from '../../model/model';
import { formatDuration, formatPercent } from '../../syntax/units';
import type { Rule } from '../rule';

/** Each client region's share of the scenario's clients, as the simulator places them. */
function clientShares(s: ScenarioModel, d: DataModel): Map<string, number> {
  const regions =
    s.clients?.regions ??
    [...(s.data[0]?.topology?.regions.keys() ?? d.topology?.regions.keys() ?? [])].map((region) => ({
      region,
      share: 1,
    }));
  const total = regions.reduce((sum, r) => sum + r.share, 0);
  return new Map(regions.map((r) => [r.region, total > 0 ? r.share / total : 0]));
}

function keepsConsistency(d: DataModel): boolean {
  const prefer = d.effective.partition?.value;
  const level = d.effective.level?.value;
  return prefer === 'consistency' || (prefer === undefined && !!level && needsConsensus(level));
}

export const rule: Rule = {
  code: 'partition-breaks-availability',
  check({ model, report }) {
    for (const s of model.scenarios.values()) {
      const durationMs = s.durationMs ?? 10_000;
      for (const d of s.data) {
        const target = d.effective.availabilityPct;
        const primary =
          d.effective.primaries[0] ?? [...(d.topology?.regions.values() ?? [])].find((r) => r.primary)?.name;
        if (!target || !primary || !keepsConsistency(d)) continue;
        const shares = clientShares(s, d);
        let lost = 0;
        const cuts: { fault: (typeof s.faults)[number]; regions: string[]; ms: number }[] = [];
        for (const f of s.faults) {
          if (f.kind !== 'partition') continue;
          const home = f.sides.find((side) => side.includes(primary));
          if (!home) continue; // the primary's region is on no side: it reaches everyone
          const cut = f.sides
            .filter((side) => side !== home)
            .flat()
            .filter((r) => shares.has(r));
          const ms = Math.max(0, Math.min(f.forMs, durationMs - f.atMs));
          lost += cut.reduce((sum, r) => sum + shares.get(r)!, 0) * (ms / durationMs);
          if (cut.length && ms > 0) cuts.push({ fault: f, regions: cut, ms });
        }
        const cap = 100 * (1 - lost);
        if (cuts.length === 0 || cap >= target.value) continue;
        const who = (c: (typeof cuts)[number]) =>
          `${c.regions.join(', ')} ` +
          `(${formatPercent(Math.round(1000 * c.regions.reduce((sum, r) => sum + shares.get(r)!, 0)) / 10)} ` +
          `of the clients) for ${formatDuration(c.ms)}`;
        for (const c of cuts) {
          report({
            uri: s.origin.uri,
            range: c.fault.range,
            message:
              `\`${d.name}\` keeps consistency during a partition (primary in ${primary}), so ` +
              `this partition cuts off ${who(c)} of the ${formatDuration(durationMs)} run: ` +
              `at most ${formatPercent(Math.floor(cap * 100) / 100)} available over scenario ` +
              `'${s.name}', but it declares \`availability >= ${formatPercent(target.value)}\` ` +
              '(CAP; SBI YONO split-brain, source L3673–L3718).',
            related: [{ uri: target.origin.uri, range: target.origin.range, message: 'the availability target' }],
          });
        }
      }
    }
  },
};
