// The parser's topologies (regions, links, replica work) and scenarios (parser.ts).
import type { Descent, Rule } from './descent';
import * as N from './nodes';
import { distribution, quantity, signedNumber, startsQuantity } from './parser-values';
import * as M from './token-match';
import { K } from './token-match';

const topologyMemberStart = M.anyOf(K.region, K.link, K.replica);
const moreTopologyMember = (p: Descent) => p.at(topologyMemberStart);

export const topologyDecl: Rule<N.TopologyNode> = (p, n) => {
  p.consume(n, K.topology);
  n.name = p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.many(n, moreTopologyMember, topologyMember, M.RBrace);
  p.consume(n, M.RBrace);
};
const topologyMember: Rule<N.TopologyNode> = (p, n) => {
  if (p.at(K.region)) {
    const r = new N.RegionNode();
    n.regions.push(r);
    p.sub(n, r, regionDecl, 'regionDecl');
  } else if (p.at(K.link)) {
    const l = new N.LinkNode();
    n.links.push(l);
    p.sub(n, l, linkDecl, 'linkDecl');
  } else if (p.at(K.replica)) {
    const w = new N.ReplicaWorkNode();
    n.work.push(w);
    p.sub(n, w, replicaWork, 'replicaWork');
  } else p.fail('noViableAlt');
};

const regionPropStart = M.anyOf(K.replicas, K.primary, K.city, K.rtt, K.coordinates);
const moreRegionProp = (p: Descent) => p.at(regionPropStart);

const regionDecl: Rule<N.RegionNode> = (p, n) => {
  p.consume(n, K.region);
  n.name = p.consume(n, M.Name);
  if (!p.at(M.LBrace)) return;
  p.consume(n, M.LBrace);
  p.many(n, moreRegionProp, regionPropItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const regionPropItem: Rule<N.RegionNode> = (p, n) => {
  const prop = new N.RegionPropNode();
  n.props.push(prop);
  p.sub(n, prop, regionProp, 'regionProp');
};

const regionProp: Rule<N.RegionPropNode> = (p, n) => {
  if (p.at(K.replicas)) {
    n.kind = 'replicas';
    p.consume(n, K.replicas);
    n.token = p.consume(n, M.NumberLiteral);
  } else if (p.at(K.primary)) {
    n.kind = 'primary';
    p.consume(n, K.primary);
  } else if (p.at(K.city)) {
    n.kind = 'city';
    p.consume(n, K.city);
    n.token = p.consume(n, M.Name);
  } else if (p.at(K.rtt)) {
    n.kind = 'rtt';
    p.consume(n, K.rtt);
    quantityOrDistribution(p, n, (q) => (n.rtt = q));
  } else if (p.at(K.coordinates)) {
    n.kind = 'coordinates';
    p.consume(n, K.coordinates);
    p.sub(n, (n.lat = new N.SignedNumberNode()), signedNumber, 'signedNumber', 0);
    p.consume(n, M.Comma);
    p.sub(n, (n.lon = new N.SignedNumberNode()), signedNumber, 'signedNumber', 2);
  } else p.fail('noViableAlt');
};

/** `45ms` (kept by `keep`) or `lognormal(…)` (kept in the node's `dist`). */
function quantityOrDistribution(
  p: Descent,
  n: N.Node & { dist: N.DistributionNode | undefined },
  keep: (q: N.QuantityNode) => void,
): void {
  if (startsQuantity(p)) {
    const q = new N.QuantityNode();
    keep(q);
    p.sub(n, q, quantity, 'quantity', 0);
  } else if (p.at(M.Identifier)) p.sub(n, (n.dist = new N.DistributionNode()), distribution, 'distribution', 0);
  else p.fail('noViableAlt');
}

const linkDecl: Rule<N.LinkNode> = (p, n) => {
  p.consume(n, K.link);
  n.a = p.consume(n, M.Name, 0);
  p.consume(n, M.Arrow);
  n.b = p.consume(n, M.Name, 2);
  quantityOrDistribution(p, n, (q) => (n.rtt = q));
  if (p.at(K.jitter)) {
    p.consume(n, K.jitter);
    p.sub(n, (n.jitter = new N.QuantityNode()), quantity, 'quantity', 2);
  }
};

/** `replica write 2ms` or `replica ack exponential(mean 1ms)`: a replica's own work. */
const replicaWork: Rule<N.ReplicaWorkNode> = (p, n) => {
  p.consume(n, K.replica);
  if (p.at(K.write)) n.op = p.consume(n, K.write, 0);
  else if (p.at(K.read)) n.op = p.consume(n, K.read, 0);
  else if (p.at(M.Identifier)) n.op = p.consume(n, M.Identifier, 0);
  else p.fail('noViableAlt');
  quantityOrDistribution(p, n, (q) => (n.fixed = q));
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

export const scenarioDecl: Rule<N.ScenarioNode> = (p, n) => {
  p.consume(n, K.scenario);
  n.name = p.consume(n, M.Name);
  p.consume(n, M.LBrace);
  p.many(n, moreScenarioProp, scenarioPropItem, M.RBrace);
  p.consume(n, M.RBrace);
};
const scenarioPropItem: Rule<N.ScenarioNode> = (p, n) => {
  const prop = new N.ScenarioPropNode();
  n.props.push(prop);
  p.sub(n, prop, scenarioProp, 'scenarioProp');
};

const scenarioProp: Rule<N.ScenarioPropNode> = (p, n) => {
  if (p.at(K.data)) {
    n.keyword = p.consume(n, K.data);
    n.names = [];
    p.atLeastOneSep(n, M.Comma, p.at(M.Name), dataName);
  } else if (p.at(K.duration)) {
    n.keyword = p.consume(n, K.duration);
    p.sub(n, (n.value = new N.QuantityNode()), quantity, 'quantity', 0);
  } else if (p.at(K.load)) {
    n.keyword = p.consume(n, K.load);
    p.sub(n, (n.rate = new N.QuantityNode()), quantity, 'quantity', 2);
    if (p.at(K.reads)) {
      p.consume(n, K.reads);
      p.sub(n, (n.reads = new N.QuantityNode()), quantity, 'quantity', 3);
    }
  } else if (p.at(K.clients)) p.sub(n, n, clientsProp, 'clientsProp');
  else if (p.at(K.fault)) p.sub(n, n, faultProp, 'faultProp');
  else if (p.at(K.seed)) {
    n.keyword = p.consume(n, K.seed);
    n.count = p.consume(n, M.NumberLiteral, 0);
  } else if (p.at(K.keys)) {
    n.keyword = p.consume(n, K.keys);
    n.count = p.consume(n, M.NumberLiteral, 2);
  } else if (p.at(K.timeout)) {
    n.keyword = p.consume(n, K.timeout);
    p.sub(n, (n.value = new N.QuantityNode()), quantity, 'quantity', 4);
  } else if (p.at(K.election)) {
    n.keyword = p.consume(n, K.election);
    p.sub(n, (n.value = new N.QuantityNode()), quantity, 'quantity', 5);
  } else if (p.at(K.visibility)) {
    n.keyword = p.consume(n, K.visibility);
    p.consume(n, K.at);
    n.points = [];
    p.atLeastOneSep(n, M.Comma, startsQuantity(p), visibilityPoint);
  } else p.fail('noViableAlt');
};
const dataName: Rule<N.ScenarioPropNode> = (p, n) => void n.names!.push(p.consume(n, M.Name, 0));
const visibilityPoint: Rule<N.ScenarioPropNode> = (p, n) => {
  const q = new N.QuantityNode();
  n.points!.push(q);
  p.sub(n, q, quantity, 'quantity', 6);
};

/** `clients 2000 in mumbai 60%, delhi 40%` */
const clientsProp: Rule<N.ScenarioPropNode> = (p, n) => {
  n.keyword = p.consume(n, K.clients);
  n.count = p.consume(n, M.NumberLiteral, 0);
  n.shares = [];
  if (!p.at(K.in)) return;
  p.consume(n, K.in);
  p.atLeastOneSep(n, M.Comma, p.at(M.Name), clientShareItem);
};
const clientShareItem: Rule<N.ScenarioPropNode> = (p, n) => {
  const s = new N.ClientShareNode();
  n.shares!.push(s);
  p.sub(n, s, clientShare, 'clientShare');
};

const clientShare: Rule<N.ClientShareNode> = (p, n) => {
  n.region = p.consume(n, M.Name);
  if (startsQuantity(p)) p.sub(n, (n.share = new N.QuantityNode()), quantity, 'quantity', 0);
};

/** `fault partition mumbai | delhi at 10s for 20s`, `fault crash chennai at …`, `fault slow a <-> b 3x at …` */
const faultProp: Rule<N.ScenarioPropNode> = (p, n) => {
  n.keyword = p.consume(n, K.fault);
  n.sides = [];
  if (p.at(K.partition)) {
    n.fault = p.consume(n, K.partition);
    p.atLeastOneSep(n, M.Pipe, p.at(M.Name), partitionSideItem, K.at, 0);
  } else if (p.at(K.crash)) {
    n.fault = p.consume(n, K.crash);
    n.region = p.consume(n, M.Name, 0);
  } else if (p.at(K.slow)) {
    n.fault = p.consume(n, K.slow);
    n.a = p.consume(n, M.Name, 2);
    p.consume(n, M.Arrow);
    n.b = p.consume(n, M.Name, 3);
    p.sub(n, (n.by = new N.QuantityNode()), quantity, 'quantity', 0);
  } else p.fail('noViableAlt');
  p.consume(n, K.at);
  p.sub(n, (n.at = new N.QuantityNode()), quantity, 'quantity', 2);
  p.consume(n, K.for);
  p.sub(n, (n.for = new N.QuantityNode()), quantity, 'quantity', 3);
};
const partitionSideItem: Rule<N.ScenarioPropNode> = (p, n) => {
  const side = new N.SideNode();
  n.sides!.push(side);
  p.sub(n, side, partitionSide, 'partitionSide');
};

const partitionSide: Rule<N.SideNode> = (p, n) => p.atLeastOneSep(n, M.Comma, p.at(M.Name), sideName);
const sideName: Rule<N.SideNode> = (p, n) => void n.names.push(p.consume(n, M.Name));
