// A quorum size no topology can meet: more acknowledgements than the topology has replicas (W > N or
// R > N: no operation could ever complete), or fewer than one, or not a whole number.
import { branches, replicationProp } from '../branches';
import type { RegionModel } from '../../model/model';
import type { Rule } from '../rule';
import { plural } from '../../util/plural';

function replicaList(regions: Iterable<RegionModel>): string {
  return [...regions].map((r) => `${r.name} ${r.replicas}`).join(', ');
}

const quorumOps = ['write', 'read'] as const;

export const rule: Rule = {
  code: 'quorum-too-large',
  check({ model, report }) {
    const done = new Set<string>();
    for (const data of model.data.values()) {
      const topo = data.topology;
      const n = topo?.totalReplicas;
      for (const b of branches(data)) {
        const at = replicationProp(b);
        if (!at || at.prop.mode?.text !== 'quorum') continue;
        for (const op of quorumOps) {
          const q = op === 'write' ? at.prop.write : at.prop.read;
          if (!q) continue;
          const ops = op === 'write' ? 'writes' : 'reads';
          let message: string | undefined;
          let value = q.value;
          if (!Number.isInteger(q.value) || q.value < 1) {
            value = Math.min(n ?? Infinity, Math.max(1, Math.ceil(q.value)));
            message =
              `A ${op} quorum of ${q.text} is not a number of replicas: it must ` +
              `be a whole number from 1 to ${n ?? 'the topology’s replica count'}.`;
          } else if (topo && n !== undefined && q.value > n) {
            value = n;
            message =
              `${b.label} waits for ${q.value} ${op} acknowledgements, but topology '${topo.name}' ` +
              `has only ${plural(n, 'replica')} (${replicaList(topo.regions.values())}): no ${op} ` +
              `can ever complete, so ${ops} always time out.`;
          }
          if (!message) continue;
          const cost = n !== undefined && value === n ? ` (${ops} stop when any replica is down)` : '';
          const key = `${at.uri}#${q.range.start}#${n ?? ''}`;
          if (done.has(key)) continue;
          done.add(key);
          report({
            uri: at.uri,
            range: q.range,
            message,
            fixes: [
              {
                title: `Set the ${op} quorum to ${value}${cost}`,
                edits: [{ uri: at.uri, range: q.range, newText: String(value) }],
              },
            ],
          });
        }
      }
    }
  },
};
