// A transaction whose members' levels do not all imply its strongest member's: readers of the weaker one can
// see the atomic write half-applied (a linearizable debit, its eventual ledger entry missing). The transaction
// supplies multi-object atomicity itself, so linearizable beside strict_serializable is not flagged.
//
// Atomicity makes the members' writes visible together; a reader of a weaker member can still see the write
// half-applied, so the transaction's promise and the member's level contradict each other: an error, on the
// member. The fix raises the member and says what it costs when the new level needs a majority.
import { strongest } from '../../model/effective';
import { levelSource, missing } from '../../model/levels';
import { isOrigin, lacking } from '../branches';
import type { Rule } from '../rule';
import { availabilityTrade } from '../sites';

export const rule: Rule = {
  code: 'transaction-mixed-levels',
  check({ model, report }) {
    for (const tx of model.transactions.values()) {
      const members = tx.members.flatMap((m) =>
        m.data?.effective.level ? [{ name: m.name, data: m.data, level: m.data.effective.level }] : [],
      );
      const top = strongest(members.map((m) => m.level));
      if (!top) continue;
      const strong = members.find((m) => m.level === top)!;
      for (const m of members) {
        // The transaction itself supplies multi-object atomicity, so strict_serializable's `transactions` is not asked
        // of members.
        if (m === strong || missing(m.level.value, top.value).every((g) => g === 'transactions')) continue;
        const prop = m.data.props.consistency;
        const own = isOrigin(prop, m.level) ? prop?.level : undefined;
        const target = levelSource(top.value);
        report({
          uri: tx.origin.uri,
          range: m.name.range,
          message:
            `Transaction '${tx.name}' writes '${strong.data.name}' (${top.value.display}) ` +
            `and '${m.data.name}' (${m.level.value.display}) atomically: '${m.data.name}' ` +
            `lacks ${lacking(m.level.value, top.value, ['transactions'])}, so its readers ` +
            'can see the transaction half-applied.',
          related: [
            {
              uri: m.level.origin.uri,
              range: m.level.origin.range,
              message: `'${m.data.name}' is ${m.level.value.display} here`,
            },
          ],
          fixes: own
            ? [
                {
                  title: `Raise '${m.data.name}' to ${target}${availabilityTrade(top.value, m.level.value)}`,
                  edits: [{ uri: m.data.origin.uri, range: own.range, newText: target }],
                },
              ]
            : undefined,
        });
      }
    }
  },
};
