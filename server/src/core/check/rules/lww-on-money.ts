// `conflict last_writer_wins` where it loses data: on money (concurrent debits silently dropped) or
// under an RBI tier, and, as a warning, on a cart (concurrent adds dropped; merge them instead).
import { moneyCategories } from '../../model/effective';
import type { DataModel } from '../../model/model';
import type * as A from '../../syntax/ast';
import type { Rule } from '../rule';
import { branches, type Branch } from '../branches';
import { insertProperty, replaceFix, siteOf } from '../sites';
import type { Fix } from '../../diagnostic';

/** Why a scope holds money, in words; undefined when it does not. */
function moneyReason(d: DataModel, s: Branch): string | undefined {
  const cat = s.effective.category;
  if (cat && moneyCategories.has(cat.value)) return `category ${cat.value}${cat.tier ? ` from tier ${cat.tier}` : ''}`;
  const rbi = [...d.tiers, ...(s.when?.tiers ?? [])].find((t) => /^rbi[._]/.test(t.name));
  if (rbi) return `tier ${rbi.name}`;
  if (s.effective.money) return 'its `when` conditions test `amount`';
  return undefined;
}

const strategyRange = (p: A.Property) =>
  p.kind === 'conflict' && p.strategy ? { start: p.strategy.range.start, end: (p.variant ?? p.strategy).range.end } : undefined;

function fixes(d: DataModel, site: { uri: string; range: A.Name['range']; own?: A.Property }, choices: string[]): Fix[] {
  return choices.flatMap((c) => {
    if (site.own) return [replaceFix(`Use \`conflict ${c}\``, site.uri, site.range, c)];
    const edit = insertProperty(d, `conflict ${c}`, site.range);
    return edit ? [{ title: `Add \`conflict ${c}\``, edits: [edit] }] : [];
  });
}

export const rule: Rule = {
  code: 'lww-on-money',
  check({ model, report }) {
    for (const d of model.data.values()) {
      let done: Set<number> | undefined; // made at the first report: most data types have none
      for (const s of branches(d)) {
        const conflict = s.effective.conflict;
        if (conflict?.value !== 'last_writer_wins') continue;
        const site = siteOf(d, conflict, strategyRange);
        if (!site || done?.has(site.range.start)) continue;
        const reason = moneyReason(d, s);
        const where = conflict.tier ? ` (from tier ${conflict.tier})` : '';
        if (reason) {
          (done ??= new Set()).add(site.range.start);
          report({
            uri: site.uri,
            range: site.range,
            message:
              `\`conflict last_writer_wins\`${where} on ${s.label}, which holds money (${reason}): of two concurrent debits the one with the later clock ` +
              'overwrites the other, so a debit is silently lost (SBI YONO split-brain: 15,000 conflicting transactions, resolution failed ' +
              'for 2,300 accounts, source L3673–L3718). Use `conflict abort` or `conflict highest_sequence`.',
            fixes: fixes(d, site, ['abort', 'highest_sequence']),
          });
          continue;
        }
        const cartLike = /cart/i.test(d.name) || /cart/i.test(s.effective.category?.value ?? '');
        if (cartLike) {
          (done ??= new Set()).add(site.range.start);
          report({
            uri: site.uri,
            range: site.range,
            milder: true,
            message:
              `\`conflict last_writer_wins\`${where} on cart-like ${s.label}: when two devices add items concurrently, the later write replaces ` +
              'the whole cart and the other add is lost (digest §8.6, source L1368–L1374). Use `conflict merge union`.',
            fixes: fixes(d, site, ['merge union']),
          });
        }
      }
    }
  },
};
