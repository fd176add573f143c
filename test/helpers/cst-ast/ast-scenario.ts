// AST of what simulations read: `scenario` blocks, `replica <op> <delay>` in a topology, and delay
// distributions such as `lognormal(median 45ms, p99 80ms)`. Meaning (names, units per parameter) is the model's.
import type { CstNode, IToken } from 'chevrotain';
import type * as A from '../../../server/src/core/syntax/ast';
import type { AstBuilder } from './ast-builder';
import { isNode, name, nodeRange, realToken, sub, tok, tokenRange, type Children } from './cst';
import type { CstKey } from './cst.generated';

const names = (c: Children, key: CstKey): A.Name[] =>
  (c[key] ?? [])
    .map(realToken)
    .filter((t): t is IToken => !!t)
    .map((t) => name(t)!);

/** A distribution call; its numbers are read as durations or plain numbers (the model checks each parameter). */
export function distribution(b: AstBuilder, n: CstNode | undefined): A.DistExpr | undefined {
  if (!n) return undefined;
  const c = n.children as Children;
  const id = name(tok(c, 'Identifier'));
  if (!id) return undefined;
  const args = (c.distArg ?? []).filter(isNode).map((a): A.DistArg => {
    const ac = a.children as Children;
    const weight = tok(ac, 'weight');
    return {
      label: name(tok(ac, 'label')),
      value: weight ? b.countToken(weight) : b.quantityNode(sub(ac, 'value'), ['duration', 'count']),
      dist: distribution(b, sub(ac, 'dist')),
      range: nodeRange(a),
    };
  });
  return { name: id, args, range: nodeRange(n) };
}

export function replicaWork(b: AstBuilder, n: CstNode): A.ReplicaWork {
  const c = n.children as Children;
  return {
    kind: 'replica',
    op: name(tok(c, 'op')),
    fixed: b.quantityNode(sub(c, 'fixed'), ['duration', 'rate']),
    dist: distribution(b, sub(c, 'dist')),
    range: nodeRange(n),
  };
}

export function scenario(b: AstBuilder, n: CstNode): A.ScenarioDecl {
  const c = n.children as Children;
  const body = (c.scenarioProp ?? [])
    .filter(isNode)
    .map((p) => scenarioProp(b, p))
    .filter((p): p is A.ScenarioProp => !!p);
  return { kind: 'scenario', name: name(tok(c, 'Name')), body, range: nodeRange(n) };
}

function scenarioProp(b: AstBuilder, n: CstNode): A.ScenarioProp | undefined {
  let c = n.children as Children;
  let range = nodeRange(n);
  const inner = sub(c, 'clientsProp') ?? sub(c, 'faultProp');
  if (inner) {
    c = inner.children as Children;
    range = nodeRange(inner);
  }
  const kw = (Object.keys(c) as CstKey[]).find((k) => k.startsWith('Kw_') && tok(c, k));
  if (!kw) return undefined;
  const keyword = tokenRange(tok(c, kw)!);
  const q = (key: CstKey, kinds: A.QuantityKind[]) => b.quantityNode(sub(c, key), kinds);
  switch (kw.slice(3)) {
    case 'data':
      return { kind: 'data', range, keyword, names: names(c, 'dataName') };
    case 'duration':
      return { kind: 'duration', range, keyword, value: q('value', ['duration']) };
    case 'load':
      return { kind: 'load', range, keyword, rate: q('rate', ['rate']), reads: q('reads', ['percent']) };
    case 'seed':
      return { kind: 'seed', range, keyword, value: b.countToken(tok(c, 'count')) };
    case 'keys':
      return { kind: 'keys', range, keyword, value: b.countToken(tok(c, 'count')) };
    case 'timeout':
      return { kind: 'timeout', range, keyword, value: q('value', ['duration']) };
    case 'election':
      return { kind: 'election', range, keyword, value: q('value', ['duration']) };
    case 'visibility': {
      const points = (c.points ?? [])
        .filter(isNode)
        .map((p) => b.quantityNode(p, ['duration']))
        .filter((x): x is A.Quantity => !!x);
      return { kind: 'visibility', range, keyword, points };
    }
    case 'clients': {
      const regions = (c.clientShare ?? []).filter(isNode).flatMap((s) => {
        const sc = s.children as Children;
        const region = name(tok(sc, 'Name'));
        return region
          ? [{ name: region, share: b.quantityNode(sub(sc, 'share'), ['percent']), range: nodeRange(s) }]
          : [];
      });
      return { kind: 'clients', range, keyword, count: b.countToken(tok(c, 'count')), regions };
    }
    case 'fault':
      return { kind: 'fault', range, keyword, at: q('at', ['duration']), for: q('for', ['duration']), ...fault(b, c) };
    default:
      return undefined;
  }
}

function fault(b: AstBuilder, c: Children): A.ScenarioFault {
  if (c.Kw_crash) return { fault: 'crash', region: name(tok(c, 'region')) };
  if (c.Kw_slow)
    return {
      fault: 'slow',
      a: name(tok(c, 'a')),
      b: name(tok(c, 'b')),
      by: b.quantityNode(sub(c, 'by'), ['multiplier', 'duration']),
    };
  const sides = (c.partitionSide ?? [])
    .filter(isNode)
    .map((s) => names(s.children as Children, 'Name'))
    .filter((s) => s.length > 0);
  return { fault: 'partition', sides };
}
