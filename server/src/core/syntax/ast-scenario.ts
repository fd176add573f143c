// AST of what simulations read: `scenario` blocks, `replica <op> <delay>` in a topology, and delay
// distributions such as `lognormal(median 45ms, p99 80ms)`. Meaning (names, units per parameter) is the model's.
import type * as A from './ast';
import { kinds, name, names, tokenRange, type AstBuilder } from './ast-builder';
import * as N from './nodes';
import type { Range } from '../util/range';

const durationOrCount: A.QuantityKind[] = ['duration', 'count'];
const durationOrRate: A.QuantityKind[] = ['duration', 'rate'];
const multiplierOrDuration: A.QuantityKind[] = ['multiplier', 'duration'];

/** A distribution call; its numbers are read as durations or plain numbers (the model checks each parameter). */
export function distribution(b: AstBuilder, n: N.DistributionNode | undefined): A.DistExpr | undefined {
  const id = name(n?.name);
  if (!n || !id) return undefined;
  const args = n.args.map(
    (a): A.DistArg => ({
      label: name(a.label),
      value: N.real(a.weight) ? b.countToken(a.weight) : b.quantityNode(a.value, durationOrCount),
      dist: distribution(b, a.dist),
      range: N.rangeOf(a),
    }),
  );
  return { name: id, args, range: N.rangeOf(n) };
}

export function replicaWork(b: AstBuilder, n: N.ReplicaWorkNode): A.ReplicaWork {
  return {
    kind: 'replica',
    op: name(n.op),
    fixed: b.quantityNode(n.fixed, durationOrRate),
    dist: distribution(b, n.dist),
    range: N.rangeOf(n),
  };
}

export function scenario(b: AstBuilder, n: N.ScenarioNode): A.ScenarioDecl {
  const body: A.ScenarioProp[] = [];
  for (const p of n.props) {
    const prop = scenarioProp(b, p);
    if (prop) body.push(prop);
  }
  return { kind: 'scenario', name: name(n.name), body, range: N.rangeOf(n) };
}

function scenarioProp(b: AstBuilder, n: N.ScenarioPropNode): A.ScenarioProp | undefined {
  if (!n.keyword) return undefined;
  const range = N.rangeOf(n);
  const keyword = tokenRange(n.keyword);
  switch (n.keyword.image) {
    case 'data':
      return { kind: 'data', range, keyword, names: names(n.names) };
    case 'duration':
      return { kind: 'duration', range, keyword, value: b.quantityNode(n.value, kinds.duration) };
    case 'load': {
      const rate = b.quantityNode(n.rate, kinds.rate);
      return { kind: 'load', range, keyword, rate, reads: b.quantityNode(n.reads, kinds.percent) };
    }
    case 'seed':
      return { kind: 'seed', range, keyword, value: b.countToken(n.count) };
    case 'keys':
      return { kind: 'keys', range, keyword, value: b.countToken(n.count) };
    case 'timeout':
      return { kind: 'timeout', range, keyword, value: b.quantityNode(n.value, kinds.duration) };
    case 'election':
      return { kind: 'election', range, keyword, value: b.quantityNode(n.value, kinds.duration) };
    case 'visibility': {
      const points: A.Quantity[] = [];
      for (const p of n.points ?? []) {
        const q = b.quantityNode(p, kinds.duration);
        if (q) points.push(q);
      }
      return { kind: 'visibility', range, keyword, points };
    }
    case 'clients': {
      const regions: { name: A.Name; share?: A.Quantity; range: Range }[] = [];
      for (const s of n.shares ?? []) {
        const region = name(s.region);
        if (region) regions.push({ name: region, share: b.quantityNode(s.share, kinds.percent), range: N.rangeOf(s) });
      }
      return { kind: 'clients', range, keyword, count: b.countToken(n.count), regions };
    }
    case 'fault': {
      const at = b.quantityNode(n.at, kinds.duration);
      return { kind: 'fault', range, keyword, at, for: b.quantityNode(n.for, kinds.duration), ...fault(b, n) };
    }
    default:
      return undefined;
  }
}

function fault(b: AstBuilder, n: N.ScenarioPropNode): A.ScenarioFault {
  if (n.fault?.image === 'crash') return { fault: 'crash', region: name(n.region) };
  if (n.fault?.image === 'slow')
    return { fault: 'slow', a: name(n.a), b: name(n.b), by: b.quantityNode(n.by, multiplierOrDuration) };
  const sides: A.PartitionSide[] = [];
  for (const s of n.sides ?? []) {
    const side = names(s.names);
    if (side.length > 0) sides.push(side);
  }
  return { fault: 'partition', sides };
}
