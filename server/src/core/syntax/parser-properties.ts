// The parser's blocks of tiers and data: their properties and conditions (parser.ts).
import type { Token } from './token';
import type { Descent, Rule } from './descent';
import * as N from './nodes';
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

export const block: Rule<N.BlockNode> = (p, n) => {
  p.consume(n, M.LBrace);
  p.many(n, moreProperties, propertyItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const propertyItem: Rule<N.BlockNode> = (p, n) => {
  const prop = new (propertyNodes[M.altOf(propertyChoice, p.la(1))] ?? N.WordProp)();
  n.properties.push(prop);
  p.sub(n, prop, property, 'property');
};
/** The node of each property, in `propertyKeywords`' order. */
const propertyNodes = [
  N.WordProp,
  N.TierProp,
  N.LevelProp,
  N.ReplicationProp,
  N.LatencyProp,
  N.BoundProp,
  N.PartitionProp,
  N.ConflictProp,
  N.WorkloadProp,
  N.BoundProp,
  N.BoundProp,
  N.WordProp,
  N.PrimaryProp,
  N.WordProp,
  N.WordProp,
  N.WhenProp,
  N.DegradeProp,
  N.AppliesProp,
];

const moreDots = (p: Descent) => p.at(M.Dot);

/** `a.b.c`: keeps its first and last real tokens. */
export const qualifiedName: Rule<N.QualifiedNameNode> = (p, n) => {
  nameToken(n, p.consume(n, M.Name));
  p.many(n, moreDots, dotName);
};
const dotName: Rule<N.QualifiedNameNode> = (p, n) => {
  nameToken(n, p.consume(n, M.Dot));
  nameToken(n, p.consume(n, M.Name, 2));
};
function nameToken(n: N.QualifiedNameNode, t: Token): void {
  if (!N.real(t)) return;
  n.first ??= t;
  n.last = t;
}

/** A property, read into the node `propertyItem` made for its keyword (the same choice). */
const property: Rule<N.PropertyNode> = (p, n) => {
  switch (M.altOf(propertyChoice, p.la(1))) {
    case 0:
      return word(p, n as N.WordProp, K.topology, M.Name, 0);
    case 1: {
      const t = n as N.TierProp;
      t.keyword = p.consume(n, K.tier);
      p.sub(n, (t.name = new N.QualifiedNameNode()), qualifiedName, 'qualifiedName');
      return;
    }
    case 2: {
      const c = n as N.LevelProp;
      c.keyword = p.consume(n, K.consistency);
      p.sub(n, (c.level = new N.LevelExprNode()), levelExpr, 'levelExpr');
      return;
    }
    case 3:
      return void p.sub(n as N.ReplicationProp, n as N.ReplicationProp, replicationProp, 'replicationProp');
    case 4:
      return void p.sub(n as N.LatencyProp, n as N.LatencyProp, latencyProp, 'latencyProp');
    case 5:
      return bound(p, n as N.BoundProp, K.availability, 0);
    case 6:
      return void p.sub(n as N.PartitionProp, n as N.PartitionProp, partitionProp, 'partitionProp');
    case 7: {
      const c = n as N.ConflictProp;
      c.keyword = p.consume(n, K.conflict);
      c.strategy = p.consume(n, M.Identifier, 2);
      if (p.at(M.Identifier)) c.variant = p.consume(n, M.Identifier, 3);
      return;
    }
    case 8:
      return void p.sub(n as N.WorkloadProp, n as N.WorkloadProp, workloadProp, 'workloadProp');
    case 9:
      return bound(p, n as N.BoundProp, K.budget, 2);
    case 10:
      return bound(p, n as N.BoundProp, K.staleness, 3);
    case 11:
      return word(p, n as N.WordProp, K.category, M.Name, 2);
    case 12: {
      const c = n as N.PrimaryProp;
      c.keyword = p.consume(n, K.primary);
      return p.atLeastOneSep(c, M.Comma, p.at(M.Name), primaryRegion);
    }
    case 13:
      return word(p, n as N.WordProp, K.sessions, M.Identifier, 0);
    case 14: {
      // `money` alone marks the data as money; `money no` says it is not (whatever its name suggests).
      const c = n as N.WordProp;
      c.keyword = p.consume(n, K.money);
      if (p.at(M.Identifier)) c.word = p.consume(n, M.Identifier, 4);
      return;
    }
    case 15:
      return void p.sub(n as N.WhenProp, n as N.WhenProp, whenProp, 'whenProp');
    case 16:
      return void p.sub(n as N.DegradeProp, n as N.DegradeProp, degradeProp, 'degradeProp');
    case 17: {
      const c = n as N.AppliesProp;
      c.keyword = p.consume(n, K.applies);
      p.consume(n, K.when);
      p.sub(n, (c.conditions = new N.ConditionsNode()), conditions, 'conditions');
      return;
    }
    default:
      p.fail('noViableAlt');
  }
};
const primaryRegion: Rule<N.PrimaryProp> = (p, n) => void n.regions.push(p.consume(n, M.Name, 3));

/** `topology NAME`, `category NAME`, `sessions MODE`: a keyword and a word (its `idx`-th type in the rule). */
function word(p: Descent, n: N.WordProp, keyword: M.Tk, type: M.Tk, idx: number): void {
  n.keyword = p.consume(n, keyword);
  n.word = p.consume(n, type, idx);
}

/** `availability >= 99.99%`, `budget <= ₹12 lakh/month`, `staleness <= 5s`: keyword, comparator, quantity. */
function bound(p: Descent, n: N.BoundProp, keyword: M.Tk, idx: number): void {
  n.keyword = p.consume(n, keyword);
  p.sub(n, (n.comparator = new N.ComparatorNode()), comparator, 'comparator', idx);
  p.sub(n, (n.quantity = new N.QuantityNode()), quantity, 'quantity', idx);
}

const replicationProp: Rule<N.ReplicationProp> = (p, n) => {
  n.keyword = p.consume(n, K.replication);
  if (p.at(K.quorum)) {
    n.quorum = p.consume(n, K.quorum);
    if (p.at(K.write)) {
      p.consume(n, K.write);
      n.write = p.consume(n, M.NumberLiteral, 0);
    }
    if (p.at(K.read)) {
      p.consume(n, K.read);
      n.read = p.consume(n, M.NumberLiteral, 2);
    }
    if (p.at(K.random)) n.random = p.consume(n, K.random);
  } else if (p.at(M.Identifier)) n.mode = p.consume(n, M.Identifier, 0);
  else p.fail('noViableAlt');
};

const latencyProp: Rule<N.LatencyProp> = (p, n) => {
  n.keyword = p.consume(n, K.latency);
  if (p.at(K.read)) n.op = p.consume(n, K.read);
  else if (p.at(K.write)) n.op = p.consume(n, K.write);
  else p.fail('noViableAlt');
  if (p.at(M.Percentile)) n.percentile = p.consume(n, M.Percentile);
  else if (p.at(M.Identifier)) n.percentile = p.consume(n, M.Identifier);
  else p.fail('noViableAlt');
  p.sub(n, (n.comparator = new N.ComparatorNode()), comparator, 'comparator');
  p.sub(n, (n.quantity = new N.QuantityNode()), quantity, 'quantity');
};

const partitionProp: Rule<N.PartitionProp> = (p, n) => {
  n.keyword = p.consume(n, K.partition);
  p.consume(n, K.prefer);
  if (p.at(K.consistency)) n.prefer = p.consume(n, K.consistency);
  else if (p.at(K.availability)) n.prefer = p.consume(n, K.availability);
  else p.fail('noViableAlt');
};

const workloadStart = M.anyOf(M.CurrencySign, M.NumberLiteral, K.peak, K.reads);
const moreWorkload = (p: Descent) => p.at(workloadStart);

const workloadProp: Rule<N.WorkloadProp> = (p, n) => {
  n.keyword = p.consume(n, K.workload);
  p.atLeastOne(n, moreWorkload, workloadVolume);
};
/** One part of a workload; when a part is written twice the first counts (the builder reads the first). */
const workloadVolume: Rule<N.WorkloadProp> = (p, n) => {
  const q = new N.QuantityNode();
  if (startsQuantity(p)) {
    n.volume ??= q;
    p.sub(n, q, quantity, 'quantity', 0);
  } else if (p.at(K.peak)) {
    p.consume(n, K.peak);
    n.peak ??= q;
    p.sub(n, q, quantity, 'quantity', 2);
  } else if (p.at(K.reads)) {
    p.consume(n, K.reads);
    n.reads ??= q;
    p.sub(n, q, quantity, 'quantity', 3);
  } else p.fail('noViableAlt');
};

const whenProp: Rule<N.WhenProp> = (p, n) => {
  n.keyword = p.consume(n, K.when);
  p.sub(n, (n.conditions = new N.ConditionsNode()), conditions, 'conditions');
  p.sub(n, (n.block = new N.BlockNode()), block, 'block');
};

const degradeProp: Rule<N.DegradeProp> = (p, n) => {
  n.keyword = p.consume(n, K.degrade);
  p.consume(n, K.to);
  p.sub(n, (n.level = new N.LevelExprNode()), levelExpr, 'levelExpr');
  p.consume(n, K.when);
  p.sub(n, (n.condition = new N.ConditionNode()), condition, 'condition');
};

const moreConditions = (p: Descent) => p.at(K.and);

const conditions: Rule<N.ConditionsNode> = (p, n) => {
  conditionItem(p, n, 0);
  p.many(n, moreConditions, andCondition);
};
const andCondition: Rule<N.ConditionsNode> = (p, n) => {
  p.consume(n, K.and);
  conditionItem(p, n, 2);
};
function conditionItem(p: Descent, n: N.ConditionsNode, idx: number): void {
  const c = new N.ConditionNode();
  n.items.push(c);
  p.sub(n, c, condition, 'condition', idx);
}

const condition: Rule<N.ConditionNode> = (p, n) => {
  n.field = p.consume(n, M.Name, 0);
  p.sub(n, (n.comparator = new N.ComparatorNode()), comparator, 'comparator');
  if (startsQuantity(p)) p.sub(n, (n.quantity = new N.QuantityNode()), quantity, 'quantity');
  else if (p.at(M.Name)) n.symbol = p.consume(n, M.Name, 2);
  else p.fail('noViableAlt');
};
