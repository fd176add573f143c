// CAP: a level that needs a majority to order writes (linearizable, sequential, strict serializable)
// cannot also stay available during a partition; `partition prefer availability` contradicts it.
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
        const fix: Fix | undefined = site.own
          ? replaceFix('Use `partition prefer consistency`', site.uri, site.range, 'consistency')
          : edit && { title: 'Add `partition prefer consistency`', edits: [edit] };
        report({
          uri: site.uri,
          range: site.range,
          message:
            `\`partition prefer availability\`${partition.tier ? ` (from tier ${partition.tier})` : ''} contradicts ${level.value.display}` +
            `${level.tier ? ` (tier ${level.tier})` : ''} on ${s.label}: during a partition a side holding fewer than ${majority(n)} of ${n} replicas${d.topology ? '' : ' (assumed: no topology)'} ` +
            'cannot order writes with the majority, so it must refuse requests or serve stale data; it cannot stay both available and ' +
            `${level.value.name} (CAP; SBI YONO Mumbai–Pune split-brain, source L3673–L3718). Prefer consistency, or choose a weaker level.`,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};
