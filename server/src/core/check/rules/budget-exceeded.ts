// The estimated monthly cost of a data type (profile figures × declared replicas, traffic and
// operations; estimate/cost.ts) is above its `budget`. The message names the biggest cost lines.
//
// Prices, replica sizing and per-operation costs are the profile's estimates: a warning, with the budget that
// would cover the estimate as the fix.
import { formatMoney } from '../../estimate/format';
import { moneyText, placeOf, propertyOf } from '../../estimate/fix-support';
import { rate } from '../../estimate/profiles/index';
import type { Rule } from '../rule';

export const rule: Rule = {
  code: 'budget-exceeded',
  check({ model, estimate, report }) {
    for (const data of model.data.values()) {
      const budget = data.effective.budget;
      if (!budget) continue;
      const e = estimate(data);
      const place = placeOf(model, data, budget);
      const prop = propertyOf(data, place, budget, 'budget');
      const amount = prop?.node.amount;
      const budgetCurrency = amount?.currency ?? e.currency;
      const limit = budget.value.perMonth * rate(budgetCurrency, e.currency);
      if (e.monthlyCost <= limit) continue;
      const top = [...e.costLines].sort((a, b) => b.amount - a.amount).slice(0, 2);
      const lines = top
        .map((l) => `${l.label} ${formatMoney(l.amount, e.currency)}${l.detail ? ` (${l.detail})` : ''}`)
        .join(', ');
      const written = `budget ${prop?.node.comparator ?? '<='} ${budget.value.text}`;
      const converted = budgetCurrency !== e.currency ? ` (≈ ${formatMoney(limit, e.currency)})` : '';
      const raised = moneyText(e.monthlyCost * rate(e.currency, budgetCurrency), budgetCurrency, !!amount?.currency);
      report({
        uri: place.uri,
        range: place.range,
        message:
          `estimated ${formatMoney(e.monthlyCost, e.currency)}/month for \`${data.name}\` ` +
          `(profile ${e.profile}) exceeds \`${written}\`${converted}; biggest lines: ${lines}`,
        fixes:
          amount && place.editable
            ? [
                {
                  title: `Raise the budget to \`budget <= ${raised}\``,
                  edits: [{ uri: prop.uri, range: amount.range, newText: raised }],
                },
              ]
            : undefined,
      });
    }
  },
};
