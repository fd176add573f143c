// `conflict last_writer_wins` where it loses data. Of two concurrent writes, last writer wins keeps the one
// with the later timestamp and silently drops the other: on money, a debit (or a credit) is lost, a lost
// update that no replication setting can undo once it is resolved. That is certain for data the policy
// declares as money — `money`, a money category (financial, banking, payments, wallet, ledger, billing…),
// an RBI tier, or `when` conditions on an amount — so those are errors.
//
// Two cases rest on an inference, and are reported one severity milder (warnings): money inferred only from
// the data type's name (`gift_card_balance`; `money` or `money no` settles it), and a cart inferred from its
// name or category, where concurrent adds from two devices drop one of them (Dynamo keeps and merges cart
// versions for this reason: DeCandia et al., SOSP 2007). `money no` turns the money case off.
//
// The fix keeps every write: `conflict abort` (the later writer retries against the new value) or
// `conflict highest_sequence` for money; `conflict merge union` for carts.
import type { DataModel } from '../../model/model';
import type * as A from '../../syntax/ast';
import type { Rule } from '../rule';
import { branches } from '../branches';
import { insertProperty, replaceFix, siteOf } from '../sites';
import type { Fix } from '../../diagnostic';

const strategyRange = (p: A.Property) =>
  p.kind === 'conflict' && p.strategy
    ? { start: p.strategy.range.start, end: (p.variant ?? p.strategy).range.end }
    : undefined;

function fixes(
  d: DataModel,
  site: { uri: string; range: A.Name['range']; own?: A.Property },
  choices: string[],
): Fix[] {
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
        const money = s.effective.moneyBasis;
        const where = conflict.tier ? ` (from tier ${conflict.tier})` : '';
        if (money.value) {
          (done ??= new Set()).add(site.range.start);
          const reason = money.reason;
          report({
            uri: site.uri,
            range: site.range,
            milder: !money.declared,
            message:
              `\`conflict last_writer_wins\`${where} on ${s.label}, which holds money ` +
              `(${reason}): of two concurrent debits the one with the later clock ` +
              'overwrites the other, so a debit is silently lost (SBI YONO ' +
              'split-brain: 15,000 conflicting transactions, resolution failed ' +
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
              `\`conflict last_writer_wins\`${where} on cart-like ${s.label}: ` +
              'when two devices add items concurrently, the later write replaces ' +
              'the whole cart and the other add is lost (digest §8.6, source L1368–L1374). Use `conflict merge union`.',
            fixes: fixes(d, site, ['merge union']),
          });
        }
      }
    }
  },
};
