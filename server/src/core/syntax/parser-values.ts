// The parser's values (parser.ts): quantities, numbers, comparators, levels and distributions.
import type { Descent, Rule } from './descent';
import * as N from './nodes';
import * as M from './token-match';
import { isUnitWord } from './units';

const numberStart = M.anyOf(M.CurrencySign, M.NumberLiteral);
/** Whether the next token starts a quantity (`45ms`, `₹12 lakh`). */
export const startsQuantity = (p: Descent) => p.at(numberStart);

/** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`, `35M/day`, `5x`. */
export const quantity: Rule<N.QuantityNode> = (p, n) => {
  if (p.at(M.CurrencySign)) n.sign = p.consume(n, M.CurrencySign);
  n.number = p.consume(n, M.NumberLiteral);
  if (p.at(M.PercentSign)) n.percent = p.consume(n, M.PercentSign);
  else if (p.at(M.Identifier)) n.unit = p.consume(n, M.Identifier, 0);
  if (p.at(M.Slash)) {
    p.consume(n, M.Slash);
    n.per = p.consume(n, M.Identifier, 2);
  }
};

/** A quantity whose unit is a known unit word: the next entry's key (a name) is never taken as a unit. */
export const profileQuantity: Rule<N.QuantityNode> = (p, n) => {
  if (p.at(M.CurrencySign)) n.sign = p.consume(n, M.CurrencySign);
  n.number = p.consume(n, M.NumberLiteral);
  if (p.at(M.PercentSign)) n.percent = p.consume(n, M.PercentSign);
  if (isUnitWord(p.la(1).image) && p.at(M.Identifier)) n.unit = p.consume(n, M.Identifier, 0);
  if (p.at(M.Slash)) {
    p.consume(n, M.Slash);
    n.per = p.consume(n, M.Identifier, 2);
  }
};

export const signedNumber: Rule<N.SignedNumberNode> = (p, n) => {
  if (p.at(M.Minus)) n.minus = p.consume(n, M.Minus);
  n.number = p.consume(n, M.NumberLiteral);
};

export const comparator: Rule<N.ComparatorNode> = (p, n) => {
  for (const c of M.comparators) {
    if (p.at(c)) {
      n.token = p.consume(n, c);
      return;
    }
  }
  p.fail('noViableAlt');
};

const levelArgStart = M.anyOf(M.CurrencySign, M.NumberLiteral, M.Identifier);

export const levelExpr: Rule<N.LevelExprNode> = (p, n) => {
  n.name = p.consume(n, M.Identifier);
  if (!p.at(M.LParen)) return;
  p.consume(n, M.LParen);
  p.manySep(n, M.Comma, p.at(levelArgStart), levelArg, M.RParen);
  p.consume(n, M.RParen);
};
const levelArg: Rule<N.LevelExprNode> = (p, n) => {
  if (startsQuantity(p)) {
    const q = new N.QuantityNode();
    n.args.push(q);
    p.sub(n, q, quantity, 'quantity', 0);
  } else if (p.at(M.Identifier)) n.args.push(p.consume(n, M.Identifier, 2));
  else p.fail('noViableAlt');
};

const distArgStart = M.anyOf(M.Identifier, M.Percentile, M.NumberLiteral, M.CurrencySign);

/** `lognormal(median 45ms, p99 80ms)`, `pareto(1.05ms, 1.51)`,
 *  `mix(0.38 pareto(…), 0.62 exponential(mean 5.5ms))`. */
export const distribution: Rule<N.DistributionNode> = (p, n) => {
  n.name = p.consume(n, M.Identifier);
  p.consume(n, M.LParen);
  p.manySep(n, M.Comma, p.at(distArgStart), distArgItem, M.RParen);
  p.consume(n, M.RParen);
};
const distArgItem: Rule<N.DistributionNode> = (p, n) => {
  const a = new N.DistArgNode();
  n.args.push(a);
  p.sub(n, a, distArg, 'distArg');
};

const distArg: Rule<N.DistArgNode> = (p, n) => {
  if (p.at(M.Identifier) && p.atK(2, M.LParen))
    p.sub(n, (n.dist = new N.DistributionNode()), distribution, 'distribution', 0);
  else if (p.at(M.Percentile) || (p.at(M.Identifier) && p.atK(2, numberStart))) {
    if (p.at(M.Identifier)) n.label = p.consume(n, M.Identifier, 0);
    else if (p.at(M.Percentile)) n.label = p.consume(n, M.Percentile, 0);
    else p.fail('noViableAlt');
    p.sub(n, (n.value = new N.QuantityNode()), quantity, 'quantity', 0);
  } else if (p.at(M.NumberLiteral) && p.atK(2, M.Identifier) && p.atK(3, M.LParen)) {
    n.weight = p.consume(n, M.NumberLiteral, 0);
    p.sub(n, (n.dist = new N.DistributionNode()), distribution, 'distribution', 2);
  } else if (startsQuantity(p)) p.sub(n, (n.value = new N.QuantityNode()), quantity, 'quantity', 2);
  else p.fail('noViableAlt');
};
