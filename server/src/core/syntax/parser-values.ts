// The parser's values (parser.ts): quantities, numbers, comparators, levels and distributions.
import type { Descent, Rule } from './descent';
import * as M from './token-match';
import { isUnitWord } from './units';

const numberStart = M.anyOf(M.CurrencySign, M.NumberLiteral);
/** Whether the next token starts a quantity (`45ms`, `₹12 lakh`). */
export const startsQuantity = (p: Descent) => p.at(numberStart);

/** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`, `35M/day`, `5x`. */
export const quantity: Rule = (p, n) => {
  if (p.at(M.CurrencySign)) p.consume(n, M.CurrencySign);
  p.consume(n, M.NumberLiteral);
  if (p.at(M.PercentSign)) p.consume(n, M.PercentSign);
  else if (p.at(M.Identifier)) p.consume(n, M.Identifier, 0, 'unit');
  if (p.at(M.Slash)) {
    p.consume(n, M.Slash);
    p.consume(n, M.Identifier, 2, 'per');
  }
};

/** A quantity whose unit is a known unit word: the next entry's key (a name) is never taken as a unit. */
export const profileQuantity: Rule = (p, n) => {
  if (p.at(M.CurrencySign)) p.consume(n, M.CurrencySign);
  p.consume(n, M.NumberLiteral);
  if (p.at(M.PercentSign)) p.consume(n, M.PercentSign);
  if (isUnitWord(p.la(1).image) && p.at(M.Identifier)) p.consume(n, M.Identifier, 0, 'unit');
  if (p.at(M.Slash)) {
    p.consume(n, M.Slash);
    p.consume(n, M.Identifier, 2, 'per');
  }
};

export const signedNumber: Rule = (p, n) => {
  if (p.at(M.Minus)) p.consume(n, M.Minus);
  p.consume(n, M.NumberLiteral);
};

export const comparator: Rule = (p, n) => {
  for (const c of M.comparators) {
    if (p.at(c)) {
      p.consume(n, c);
      return;
    }
  }
  p.fail('noViableAlt');
};

const levelArgStart = M.anyOf(M.CurrencySign, M.NumberLiteral, M.Identifier);

export const levelExpr: Rule = (p, n) => {
  p.consume(n, M.Identifier);
  if (!p.at(M.LParen)) return;
  p.consume(n, M.LParen);
  p.manySep(n, M.Comma, p.at(levelArgStart), levelArg, M.RParen);
  p.consume(n, M.RParen);
};
const levelArg: Rule = (p, n) => {
  if (startsQuantity(p)) p.sub(n, quantity, 'quantity', 0, 'arg');
  else if (p.at(M.Identifier)) p.consume(n, M.Identifier, 2, 'arg');
  else p.fail('noViableAlt');
};

const distArgStart = M.anyOf(M.Identifier, M.Percentile, M.NumberLiteral, M.CurrencySign);

/** `lognormal(median 45ms, p99 80ms)`, `pareto(1.05ms, 1.51)`,
 *  `mix(0.38 pareto(…), 0.62 exponential(mean 5.5ms))`. */
export const distribution: Rule = (p, n) => {
  p.consume(n, M.Identifier);
  p.consume(n, M.LParen);
  p.manySep(n, M.Comma, p.at(distArgStart), distArgItem, M.RParen);
  p.consume(n, M.RParen);
};
const distArgItem: Rule = (p, n) => void p.sub(n, distArg, 'distArg');

const distArg: Rule = (p, n) => {
  if (p.at(M.Identifier) && p.atK(2, M.LParen)) p.sub(n, distribution, 'distribution', 0, 'dist');
  else if (p.at(M.Percentile) || (p.at(M.Identifier) && p.atK(2, numberStart))) {
    if (p.at(M.Identifier)) p.consume(n, M.Identifier, 0, 'label');
    else if (p.at(M.Percentile)) p.consume(n, M.Percentile, 0, 'label');
    else p.fail('noViableAlt');
    p.sub(n, quantity, 'quantity', 0, 'value');
  } else if (p.at(M.NumberLiteral) && p.atK(2, M.Identifier) && p.atK(3, M.LParen)) {
    p.consume(n, M.NumberLiteral, 0, 'weight');
    p.sub(n, distribution, 'distribution', 2, 'dist');
  } else if (startsQuantity(p)) p.sub(n, quantity, 'quantity', 2, 'value');
  else p.fail('noViableAlt');
};
