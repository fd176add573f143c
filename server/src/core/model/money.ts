// Whether a data type (or a `when` branch) holds money, and why: what users declare first (`money`,
// `money no`), then what they state about the data (a money category, an RBI tier, conditions on amounts),
// then, as an inference only, its name (`wallet_balance`). Rules that rest on money say which it was, and
// report an inference one severity milder (docs/rules.md#severity).
import type * as A from '../syntax/ast';
import type { Money, PropertySet, Sourced, TierModel } from './model';

/** Categories that declare a data type as money. */
export const moneyCategories = new Set([
  'financial',
  'finance',
  'money',
  'payment',
  'payments',
  'banking',
  'ledger',
  'wallet',
  'wallets',
  'billing',
  'accounting',
  'settlement',
  'settlements',
  'treasury',
  'remittance',
  'upi',
]);

/** Words of a data type's name (split at `_` and `-`) from which money is inferred, never declared. */
export const moneyWords = new Set([
  'balance',
  'balances',
  'wallet',
  'wallets',
  'ledger',
  'ledgers',
  'payment',
  'payments',
  'payout',
  'payouts',
  'refund',
  'refunds',
  'remittance',
  'remittances',
  'settlement',
  'settlements',
  'debit',
  'debits',
  'fund',
  'funds',
  'money',
  'cash',
  'invoice',
  'invoices',
  'billing',
  'salary',
  'salaries',
  'loan',
  'loans',
  'emi',
  'upi',
  'neft',
  'rtgs',
  'imps',
  'fee',
  'fees',
]);

/** Fields that hold an amount of money in `when` conditions, whatever unit the value is written in. */
const amountFields = new Set(['amount']);

/** `money` / `money yes` → true, `money no` → false; anything else is not a value (undefined). */
export function moneyValue(p: A.PropertyOf<'money'>): boolean | undefined {
  const v = p.value?.text;
  return v === undefined || v === 'yes' ? true : v === 'no' ? false : undefined;
}

/** The condition that makes a branch's data money: a field named `amount`, or a value written with ₹ or $. */
function amountCondition(whens: A.PropertyOf<'when'>[]): string | undefined {
  for (const w of whens) {
    for (const c of w.conditions) {
      if (amountFields.has(c.field.text)) return `its \`when\` conditions test \`${c.field.text}\``;
      const v = c.value;
      if (v && 'kind' in v && v.currency) {
        return `\`when ${c.field.text} ${c.op} ${v.text}\` compares an amount of money`;
      }
    }
  }
  return undefined;
}

const isSeparator = (c: number) => c === 95 /* _ */ || c === 45; /* - */

/** The money word in a name, if any: `wallet_balance` → `balance`. */
export function moneyWordIn(name: string): string | undefined {
  // The words between runs of `_` and `-`, scanned rather than split (this runs for every data type and branch).
  const lower = name.toLowerCase();
  const n = lower.length;
  for (let start = 0; start <= n; ) {
    let end = start;
    while (end < n && !isSeparator(lower.charCodeAt(end))) end++;
    const w = lower.slice(start, end);
    if (moneyWords.has(w)) return w;
    if (end === n) break;
    start = end + 1;
    while (start < n && isSeparator(lower.charCodeAt(start))) start++;
    if (start === n) break; // a trailing separator leaves an empty last word, which is no money word
  }
  return undefined;
}

export interface MoneyInput {
  props: PropertySet;
  tiers: TierModel[];
  /** The verdict inherited from the data type (for a `when` branch). */
  base?: Money;
  category?: Sourced<string>;
  /** Resolved `money` value of the block itself, else of its first tier that says. */
  declared?: Sourced<boolean>;
  /** The data type's name (inference only). */
  dataName?: string;
}

/** Money, with its reason and whether the policy states it (declared) or the checker infers it from a name. */
export function moneyOf(i: MoneyInput): Money {
  if (i.declared) {
    const where = i.declared.tier ? ` in tier ${i.declared.tier}` : '';
    const reason = i.declared.value ? `\`money\`${where}` : `\`money no\`${where}`;
    return { value: i.declared.value, declared: true, reason };
  }
  if (i.base?.declared) return i.base;
  const cat = i.category;
  if (cat && moneyCategories.has(cat.value)) {
    return { value: true, declared: true, reason: `category ${cat.value}${cat.tier ? ` from tier ${cat.tier}` : ''}` };
  }
  const rbi = i.tiers.find((t) => /^rbi[._]/.test(t.name));
  if (rbi) return { value: true, declared: true, reason: `tier ${rbi.name}` };
  const amount = amountCondition(i.props.whens);
  if (amount) return { value: true, declared: true, reason: amount };
  if (i.base?.value) return i.base;
  const word = i.dataName ? moneyWordIn(i.dataName) : undefined;
  if (word) {
    const reason = `inferred from its name \`${i.dataName}\` (\`${word}\`; write \`money\` or \`money no\` to say)`;
    return { value: true, declared: false, reason };
  }
  return { value: false, declared: false, reason: 'nothing marks it as money' };
}
