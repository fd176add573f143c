// The parser's blocks of tiers and data: their properties and conditions (parser.ts).
import type { Descent, Rule } from './descent';
import { comparator, levelExpr, quantity, startsQuantity } from './parser-values';
import * as M from './token-match';
import { K } from './token-match';

const propertyKeywords = [
  K.topology,
  K.tier,
  K.consistency,
  K.replication,
  K.latency,
  K.availability,
  K.partition,
  K.conflict,
  K.workload,
  K.budget,
  K.staleness,
  K.category,
  K.primary,
  K.sessions,
  K.money,
  K.when,
  K.degrade,
  K.applies,
];
const propertyStart = M.anyOf(...propertyKeywords);
/** The property a keyword starts: its index in `propertyKeywords`. */
const propertyChoice = M.choice(...propertyKeywords);
const moreProperties = (p: Descent) => p.at(propertyStart);

export const block: Rule = (p, n) => {
  p.consume(n, M.LBrace);
  p.many(n, moreProperties, propertyItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const propertyItem: Rule = (p, n) => void p.sub(n, property, 'property');

const moreDots = (p: Descent) => p.at(M.Dot);

export const qualifiedName: Rule = (p, n) => {
  p.consume(n, M.Name);
  p.many(n, moreDots, dotName);
};
const dotName: Rule = (p, n) => {
  p.consume(n, M.Dot);
  p.consume(n, M.Name, 2);
};

const property: Rule = (p, n) => {
  switch (M.altOf(propertyChoice, p.la(1))) {
    case 0:
      p.consume(n, K.topology);
      p.consume(n, M.Name);
      return;
    case 1:
      p.consume(n, K.tier);
      p.sub(n, qualifiedName, 'qualifiedName');
      return;
    case 2:
      p.consume(n, K.consistency);
      p.sub(n, levelExpr, 'levelExpr');
      return;
    case 3:
      return void p.sub(n, replicationProp, 'replicationProp');
    case 4:
      return void p.sub(n, latencyProp, 'latencyProp');
    case 5:
      return bound(p, n, K.availability, 0);
    case 6:
      return void p.sub(n, partitionProp, 'partitionProp');
    case 7:
      p.consume(n, K.conflict);
      p.consume(n, M.Identifier, 2, 'strategy');
      if (p.at(M.Identifier)) p.consume(n, M.Identifier, 3, 'variant');
      return;
    case 8:
      return void p.sub(n, workloadProp, 'workloadProp');
    case 9:
      return bound(p, n, K.budget, 2);
    case 10:
      return bound(p, n, K.staleness, 3);
    case 11:
      p.consume(n, K.category);
      p.consume(n, M.Name, 2);
      return;
    case 12:
      p.consume(n, K.primary);
      return p.atLeastOneSep(n, M.Comma, p.at(M.Name), primaryRegion);
    case 13:
      p.consume(n, K.sessions);
      p.consume(n, M.Identifier, 0, 'mode');
      return;
    case 14:
      // `money` alone marks the data as money; `money no` says it is not (whatever its name suggests).
      p.consume(n, K.money);
      if (p.at(M.Identifier)) p.consume(n, M.Identifier, 4, 'value');
      return;
    case 15:
      return void p.sub(n, whenProp, 'whenProp');
    case 16:
      return void p.sub(n, degradeProp, 'degradeProp');
    case 17:
      p.consume(n, K.applies);
      p.consume(n, K.when);
      p.sub(n, conditions, 'conditions');
      return;
    default:
      p.fail('noViableAlt');
  }
};
const primaryRegion: Rule = (p, n) => void p.consume(n, M.Name, 3, 'region');

/** `availability >= 99.99%`, `budget <= ₹12 lakh/month`, `staleness <= 5s`: keyword, comparator, quantity. */
function bound(p: Descent, n: Parameters<Rule>[1], keyword: M.Tk, idx: number): void {
  p.consume(n, keyword);
  p.sub(n, comparator, 'comparator', idx);
  p.sub(n, quantity, 'quantity', idx);
}

const replicationProp: Rule = (p, n) => {
  p.consume(n, K.replication);
  if (p.at(K.quorum)) {
    p.consume(n, K.quorum);
    if (p.at(K.write)) {
      p.consume(n, K.write);
      p.consume(n, M.NumberLiteral, 0, 'w');
    }
    if (p.at(K.read)) {
      p.consume(n, K.read);
      p.consume(n, M.NumberLiteral, 2, 'r');
    }
    if (p.at(K.random)) p.consume(n, K.random);
  } else if (p.at(M.Identifier)) p.consume(n, M.Identifier, 0, 'mode');
  else p.fail('noViableAlt');
};

const latencyProp: Rule = (p, n) => {
  p.consume(n, K.latency);
  if (p.at(K.read)) p.consume(n, K.read);
  else if (p.at(K.write)) p.consume(n, K.write);
  else p.fail('noViableAlt');
  if (p.at(M.Percentile)) p.consume(n, M.Percentile);
  else if (p.at(M.Identifier)) p.consume(n, M.Identifier);
  else p.fail('noViableAlt');
  p.sub(n, comparator, 'comparator');
  p.sub(n, quantity, 'quantity');
};

const partitionProp: Rule = (p, n) => {
  p.consume(n, K.partition);
  p.consume(n, K.prefer);
  if (p.at(K.consistency)) p.consume(n, K.consistency);
  else if (p.at(K.availability)) p.consume(n, K.availability);
  else p.fail('noViableAlt');
};

const workloadStart = M.anyOf(M.CurrencySign, M.NumberLiteral, K.peak, K.reads);
const moreWorkload = (p: Descent) => p.at(workloadStart);

const workloadProp: Rule = (p, n) => {
  p.consume(n, K.workload);
  p.atLeastOne(n, moreWorkload, workloadVolume);
};
const workloadVolume: Rule = (p, n) => {
  if (startsQuantity(p)) p.sub(n, quantity, 'quantity', 0, 'volume');
  else if (p.at(K.peak)) {
    p.consume(n, K.peak);
    p.sub(n, quantity, 'quantity', 2, 'peak');
  } else if (p.at(K.reads)) {
    p.consume(n, K.reads);
    p.sub(n, quantity, 'quantity', 3, 'reads');
  } else p.fail('noViableAlt');
};

const whenProp: Rule = (p, n) => {
  p.consume(n, K.when);
  p.sub(n, conditions, 'conditions');
  p.sub(n, block, 'block');
};

const degradeProp: Rule = (p, n) => {
  p.consume(n, K.degrade);
  p.consume(n, K.to);
  p.sub(n, levelExpr, 'levelExpr');
  p.consume(n, K.when);
  p.sub(n, condition, 'condition');
};

const moreConditions = (p: Descent) => p.at(K.and);

const conditions: Rule = (p, n) => {
  p.sub(n, condition, 'condition');
  p.many(n, moreConditions, andCondition);
};
const andCondition: Rule = (p, n) => {
  p.consume(n, K.and);
  p.sub(n, condition, 'condition', 2);
};

const condition: Rule = (p, n) => {
  p.consume(n, M.Name, 0, 'field');
  p.sub(n, comparator, 'comparator');
  if (startsQuantity(p)) p.sub(n, quantity, 'quantity');
  else if (p.at(M.Name)) p.consume(n, M.Name, 2, 'symbol');
  else p.fail('noViableAlt');
};
