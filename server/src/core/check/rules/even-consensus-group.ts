// Consensus (sequential or stronger, by quorum) over an even number of replicas, like the source's "4
// participants" (L3903–L3907): a majority of 2k is k + 1 and survives k − 1 failures, the same as 2k − 1
// replicas, at the cost of one more replica and one more vote to wait for.
//
// The design works; it costs more for no gain, so this is advice (information), on the topology's name. The
// etcd FAQ recommends an odd number of members for this reason (etcd documentation, "Why an odd number of
// cluster members?"). The fix removes one replica from a region with two or more.
import type { DataModel, RegionModel, TopologyModel } from '../../model/model';
import { needsConsensus } from '../../model/levels';
import { branches } from '../branches';
import type { Fix } from '../../diagnostic';
import type { Rule } from '../rule';
import { plural } from '../../util/plural';

function usesConsensus(d: DataModel): boolean {
  return branches(d).some(
    (b) =>
      b.effective.level && needsConsensus(b.effective.level.value) && b.effective.replication?.value.mode === 'quorum',
  );
}

function removeOne(regions: RegionModel[], uri: string, n: number): Fix[] | undefined {
  const candidates = regions
    .filter((r) => r.decl.replicas && r.replicas >= 2)
    .sort((a, b) => Number(a.primary) - Number(b.primary) || b.replicas - a.replicas);
  const r = candidates[0];
  if (!r?.decl.replicas) return undefined;
  return [
    {
      title: `Use ${n - 1} replicas: ${r.name} ${r.replicas} → ${r.replicas - 1}`,
      edits: [{ uri, range: r.decl.replicas.range, newText: String(r.replicas - 1) }],
    },
  ];
}

export const rule: Rule = {
  code: 'even-consensus-group',
  check({ model, report }) {
    const usersOf = new Map<TopologyModel, string[]>();
    for (const d of model.data.values()) {
      const n = d.topology?.totalReplicas ?? 0;
      if (n < 2 || n % 2 !== 0 || !usesConsensus(d)) continue;
      usersOf.set(d.topology!, [...(usersOf.get(d.topology!) ?? []), `'${d.name}'`]);
    }
    for (const [topo, users] of usersOf) {
      const n = topo.totalReplicas;
      const k = n / 2;
      const regions = [...topo.regions.values()];
      const who = users.length > 3 ? `${users.slice(0, 3).join(', ')} and ${users.length - 3} more` : users.join(', ');
      report({
        uri: topo.origin.uri,
        range: topo.origin.range,
        message:
          `Topology '${topo.name}' has ${n} replicas ` +
          `(${regions.map((r) => `${r.name} ${r.replicas}`).join(', ')}) and ${who} ` +
          `${users.length === 1 ? 'needs' : 'need'} consensus over them: a majority of ${n} is ${k + 1}, ` +
          `which survives ${plural(k - 1, 'failure')}, the same as ${n - 1} replicas, at the cost of one more.`,
        fixes: removeOne(regions, topo.origin.uri, n),
      });
    }
  },
};
