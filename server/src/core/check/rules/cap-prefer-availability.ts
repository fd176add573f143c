// CAP: a level that needs one order of all writes (sequential, linearizable, strict serializable) cannot stay
// available on both sides of a partition. Writes accepted by a side holding fewer than a majority of the
// replicas cannot be placed in the order the majority side is building, so that side must refuse writes;
// `partition prefer availability` says it keeps taking them. (Gilbert & Lynch 2002 prove it for
// linearizability; Jepsen's map marks sequential and stronger as neither totally nor sticky available, while
// causal and the session guarantees are sticky available.)
//
// What the minority side may still do differs: under sequential consistency it may keep serving reads, stale
// but in order (ZooKeeper's read-only mode does); under linearizable or strict serializable it cannot answer a
// read it cannot prove current either. The fix prefers consistency, and says what that costs: the minority
// side refuses writes.
import { needsConsensus } from '../../model/levels';
import type * as A from '../../syntax/ast';
import type { Rule } from '../rule';
import { branches } from '../branches';
import { insertProperty, replaceFix, siteOf } from '../sites';
import type { Fix } from '../../diagnostic';
import { majority } from '../../util/quorum';

const preferRange = (p: A.Property) => (p.kind === 'partition' ? p.preferRange : undefined);

export const rule: Rule = {
  code: 'cap-prefer-availability',
  check({ model, report }) {
    for (const d of model.data.values()) {
      let done: Set<number> | undefined; // made at the first report: most data types have none
      for (const s of branches(d)) {
        const { level, partition } = s.effective;
        if (partition?.value !== 'availability' || !level || !needsConsensus(level.value)) continue;
        const site = siteOf(d, partition, preferRange);
        if (!site || done?.has(site.range.start)) continue;
        (done ??= new Set()).add(site.range.start);
        const n = d.topology?.totalReplicas ?? 3;
        const edit = site.own ? undefined : insertProperty(d, 'partition prefer consistency', site.range);
        const title = 'Prefer consistency during partitions (the side without a majority refuses writes)';
        const fix: Fix | undefined = site.own
          ? replaceFix(title, site.uri, site.range, 'consistency')
          : edit && { title, edits: [edit] };
        const realTime = level.value.guarantees.has('real_time');
        const minority =
          `a side holding fewer than ${majority(n)} of ${n} replicas${d.topology ? '' : ' (assumed: no topology)'} ` +
          'cannot place a write in the order the majority is building, ' +
          (realTime
            ? `so it must refuse writes, and reads it cannot prove current, to stay ${level.value.name}`
            : `so it must refuse writes (it may keep serving reads: ${level.value.name} lets them be stale, in order)`);
        report({
          uri: site.uri,
          range: site.range,
          message:
            `\`partition prefer availability\`${partition.tier ? ` (from tier ${partition.tier})` : ''} ` +
            `contradicts ${level.value.display}` +
            `${level.tier ? ` (tier ${level.tier})` : ''} on ${s.label}: during a partition ${minority}. ` +
            'It cannot stay both available and ' +
            `${level.value.name} (CAP; SBI YONO Mumbai–Pune split-brain, ` +
            'source L3673–L3718). Prefer consistency, or choose a weaker level.',
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};
