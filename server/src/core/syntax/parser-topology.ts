// The parser's topologies (regions, links, replica work) and scenarios (parser.ts).
import type { Descent, Rule } from './descent';
import { distribution, quantity, signedNumber, startsQuantity } from './parser-values';
import * as M from './token-match';
import { K } from './token-match';

const topologyMemberStart = M.anyOf(K.region, K.link, K.replica);
const moreTopologyMember = (p: Descent) => p.at(topologyMemberStart);

export const topologyDecl: Rule = (p, n) => {
  p.consume(n, K.topology);
  p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.many(n, moreTopologyMember, topologyMember, M.RBrace);
  p.consume(n, M.RBrace);
};
const topologyMember: Rule = (p, n) => {
  if (p.at(K.region)) p.sub(n, regionDecl, 'regionDecl');
  else if (p.at(K.link)) p.sub(n, linkDecl, 'linkDecl');
  else if (p.at(K.replica)) p.sub(n, replicaWork, 'replicaWork');
  else p.fail('noViableAlt');
};

const regionPropStart = M.anyOf(K.replicas, K.primary, K.city, K.rtt, K.coordinates);
const moreRegionProp = (p: Descent) => p.at(regionPropStart);

const regionDecl: Rule = (p, n) => {
  p.consume(n, K.region);
  p.consume(n, M.Name);
  if (!p.at(M.LBrace)) return;
  p.consume(n, M.LBrace);
  p.many(n, moreRegionProp, regionPropItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const regionPropItem: Rule = (p, n) => void p.sub(n, regionProp, 'regionProp');

const regionProp: Rule = (p, n) => {
  if (p.at(K.replicas)) {
    p.consume(n, K.replicas);
    p.consume(n, M.NumberLiteral);
  } else if (p.at(K.primary)) {
    p.consume(n, K.primary);
  } else if (p.at(K.city)) {
    p.consume(n, K.city);
    p.consume(n, M.Name);
  } else if (p.at(K.rtt)) {
    p.consume(n, K.rtt);
    quantityOrDistribution(p, n, 'rtt', 'dist');
  } else if (p.at(K.coordinates)) {
    p.consume(n, K.coordinates);
    p.sub(n, signedNumber, 'signedNumber', 0, 'lat');
    p.consume(n, M.Comma);
    p.sub(n, signedNumber, 'signedNumber', 2, 'lon');
  } else p.fail('noViableAlt');
};

/** `45ms` or `lognormal(…)`, under the keys the rule gives them. */
function quantityOrDistribution(p: Descent, n: Parameters<Rule>[1], quantityKey: string, distKey: string): void {
  if (startsQuantity(p)) p.sub(n, quantity, 'quantity', 0, quantityKey);
  else if (p.at(M.Identifier)) p.sub(n, distribution, 'distribution', 0, distKey);
  else p.fail('noViableAlt');
}

const linkDecl: Rule = (p, n) => {
  p.consume(n, K.link);
  p.consume(n, M.Name, 0, 'a');
  p.consume(n, M.Arrow);
  p.consume(n, M.Name, 2, 'b');
  quantityOrDistribution(p, n, 'rtt', 'dist');
  if (p.at(K.jitter)) {
    p.consume(n, K.jitter);
    p.sub(n, quantity, 'quantity', 2, 'jitter');
  }
};

/** `replica write 2ms` or `replica ack exponential(mean 1ms)`: a replica's own work. */
const replicaWork: Rule = (p, n) => {
  p.consume(n, K.replica);
  if (p.at(K.write)) p.consume(n, K.write, 0, 'op');
  else if (p.at(K.read)) p.consume(n, K.read, 0, 'op');
  else if (p.at(M.Identifier)) p.consume(n, M.Identifier, 0, 'op');
  else p.fail('noViableAlt');
  quantityOrDistribution(p, n, 'fixed', 'dist');
};

// ---- scenarios ----
const scenarioPropStart = M.anyOf(
  K.data,
  K.duration,
  K.load,
  K.clients,
  K.fault,
  K.seed,
  K.keys,
  K.timeout,
  K.election,
  K.visibility,
);
const moreScenarioProp = (p: Descent) => p.at(scenarioPropStart);

export const scenarioDecl: Rule = (p, n) => {
  p.consume(n, K.scenario);
  p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.many(n, moreScenarioProp, scenarioPropItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const scenarioPropItem: Rule = (p, n) => void p.sub(n, scenarioProp, 'scenarioProp');

const scenarioProp: Rule = (p, n) => {
  if (p.at(K.data)) {
    p.consume(n, K.data);
    p.atLeastOneSep(n, M.Comma, p.at(M.Name), dataName);
  } else if (p.at(K.duration)) {
    p.consume(n, K.duration);
    p.sub(n, quantity, 'quantity', 0, 'value');
  } else if (p.at(K.load)) {
    p.consume(n, K.load);
    p.sub(n, quantity, 'quantity', 2, 'rate');
    if (p.at(K.reads)) {
      p.consume(n, K.reads);
      p.sub(n, quantity, 'quantity', 3, 'reads');
    }
  } else if (p.at(K.clients)) p.sub(n, clientsProp, 'clientsProp');
  else if (p.at(K.fault)) p.sub(n, faultProp, 'faultProp');
  else if (p.at(K.seed)) {
    p.consume(n, K.seed);
    p.consume(n, M.NumberLiteral, 0, 'count');
  } else if (p.at(K.keys)) {
    p.consume(n, K.keys);
    p.consume(n, M.NumberLiteral, 2, 'count');
  } else if (p.at(K.timeout)) {
    p.consume(n, K.timeout);
    p.sub(n, quantity, 'quantity', 4, 'value');
  } else if (p.at(K.election)) {
    p.consume(n, K.election);
    p.sub(n, quantity, 'quantity', 5, 'value');
  } else if (p.at(K.visibility)) {
    p.consume(n, K.visibility);
    p.consume(n, K.at);
    p.atLeastOneSep(n, M.Comma, startsQuantity(p), visibilityPoint);
  } else p.fail('noViableAlt');
};
const dataName: Rule = (p, n) => void p.consume(n, M.Name, 0, 'dataName');
const visibilityPoint: Rule = (p, n) => void p.sub(n, quantity, 'quantity', 6, 'points');

/** `clients 2000 in mumbai 60%, delhi 40%` */
const clientsProp: Rule = (p, n) => {
  p.consume(n, K.clients);
  p.consume(n, M.NumberLiteral, 0, 'count');
  if (!p.at(K.in)) return;
  p.consume(n, K.in);
  p.atLeastOneSep(n, M.Comma, p.at(M.Name), clientShareItem);
};
const clientShareItem: Rule = (p, n) => void p.sub(n, clientShare, 'clientShare');

const clientShare: Rule = (p, n) => {
  p.consume(n, M.Name);
  if (startsQuantity(p)) p.sub(n, quantity, 'quantity', 0, 'share');
};

/** `fault partition mumbai | delhi at 10s for 20s`, `fault crash chennai at …`, `fault slow a <-> b 3x at …` */
const faultProp: Rule = (p, n) => {
  p.consume(n, K.fault);
  if (p.at(K.partition)) {
    p.consume(n, K.partition);
    p.atLeastOneSep(n, M.Pipe, p.at(M.Name), partitionSideItem, K.at, 0);
  } else if (p.at(K.crash)) {
    p.consume(n, K.crash);
    p.consume(n, M.Name, 0, 'region');
  } else if (p.at(K.slow)) {
    p.consume(n, K.slow);
    p.consume(n, M.Name, 2, 'a');
    p.consume(n, M.Arrow);
    p.consume(n, M.Name, 3, 'b');
    p.sub(n, quantity, 'quantity', 0, 'by');
  } else p.fail('noViableAlt');
  p.consume(n, K.at);
  p.sub(n, quantity, 'quantity', 2, 'at');
  p.consume(n, K.for);
  p.sub(n, quantity, 'quantity', 3, 'for');
};
const partitionSideItem: Rule = (p, n) => void p.sub(n, partitionSide, 'partitionSide');

const partitionSide: Rule = (p, n) => p.atLeastOneSep(n, M.Comma, p.at(M.Name), sideName);
const sideName: Rule = (p, n) => void p.consume(n, M.Name);
