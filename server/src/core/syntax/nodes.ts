// What the parser (parser.ts) reads into: one small typed node per rule it runs, holding the tokens and nodes
// the builder (ast-builder.ts) turns into the AST, and the node's place (the offsets of its first and last
// token). Recovery may leave any field unset, or set a token it supposed inserted (an empty image and NaN
// offsets; `real` tells them apart). Each class has fixed fields, so the builder's reads stay monomorphic;
// a node is the only allocation a rule makes (Chevrotain's CST made four or five: node, children, location,
// an array per key).
import type { IToken } from 'chevrotain';
import type { Range } from '../util/range';

export class Node {
  /** The first and last offsets of its tokens (the last inclusive); -1 until a real token is read. */
  start = -1;
  end = -1;
}

/** The node's range (empty at 0 when it holds no real token). */
export function rangeOf(n: Node): Range {
  return n.start < 0 ? { start: 0, end: 0 } : { start: n.start, end: n.end + 1 };
}

/** The token unless recovery supposed it inserted (NaN offsets). */
export function real(t: IToken | undefined): IToken | undefined {
  return t !== undefined && t.startOffset >= 0 ? t : undefined;
}

export class FileNode extends Node {
  declarations: DeclarationNode[] = [];
}

/** The grammar's `declaration` rule: one of the declarations, when one started. */
export class DeclarationNode extends Node {
  decl: Decl | undefined = undefined;
}

export type Decl =
  | StringDecl
  | WordDecl
  | ProfileNode
  | StoreNode
  | TopologyNode
  | TierNode
  | DataNode
  | TransactionNode
  | ScenarioNode;

/** `import "…"` and `policy "…"`. */
export class StringDecl extends Node {
  constructor(readonly kind: 'import' | 'policy') {
    super();
  }
  string: IToken | undefined = undefined;
}

/** `currency INR`. */
export class WordDecl extends Node {
  readonly kind = 'currency';
  word: IToken | undefined = undefined;
}

export class ProfileNode extends Node {
  readonly kind = 'profile';
  name: IToken | undefined = undefined;
  base: IToken | undefined = undefined;
  /** Set when the declaration has a block (`{`), even one recovery supposed. */
  lbrace: IToken | undefined = undefined;
  entries: ProfileEntryNode[] = [];
}

export class ProfileEntryNode extends Node {
  /** `currency` as a key, or a qualified key. */
  key: IToken | undefined = undefined;
  keyName: QualifiedNameNode | undefined = undefined;
  text: IToken | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  word: IToken | undefined = undefined;
  source: IToken | undefined = undefined;
}

export class StoreNode extends Node {
  readonly kind = 'store';
  names: IToken[] = [];
}

export class TopologyNode extends Node {
  readonly kind = 'topology';
  name: IToken | undefined = undefined;
  regions: RegionNode[] = [];
  links: LinkNode[] = [];
  work: ReplicaWorkNode[] = [];
}

export class RegionNode extends Node {
  name: IToken | undefined = undefined;
  props: RegionPropNode[] = [];
}

export class RegionPropNode extends Node {
  kind: 'replicas' | 'primary' | 'city' | 'rtt' | 'coordinates' | undefined = undefined;
  /** The number of `replicas`, the name of `city`. */
  token: IToken | undefined = undefined;
  rtt: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  lat: SignedNumberNode | undefined = undefined;
  lon: SignedNumberNode | undefined = undefined;
}

export class SignedNumberNode extends Node {
  minus: IToken | undefined = undefined;
  number: IToken | undefined = undefined;
}

export class LinkNode extends Node {
  a: IToken | undefined = undefined;
  b: IToken | undefined = undefined;
  rtt: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  jitter: QuantityNode | undefined = undefined;
}

export class ReplicaWorkNode extends Node {
  op: IToken | undefined = undefined;
  fixed: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
}

export class TierNode extends Node {
  readonly kind = 'tier';
  name: QualifiedNameNode | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class DataNode extends Node {
  readonly kind = 'data';
  name: IToken | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class TransactionNode extends Node {
  readonly kind = 'transaction';
  name: IToken | undefined = undefined;
  members: IToken[] = [];
}

/** `a.b.c`: its first and last real tokens (the name is the text between them). */
export class QualifiedNameNode extends Node {
  first: IToken | undefined = undefined;
  last: IToken | undefined = undefined;
}

export class BlockNode extends Node {
  properties: PropertyNode[] = [];
}

/** One property of a block. The grammar's `replicationProp`, `latencyProp` … are rules of their own (for
 *  recovery and error messages) that read into their property's node: it spans the same tokens. */
export class PropertyNode extends Node {
  /** The keyword that starts it (always real: it chose the property). */
  keyword: IToken | undefined = undefined;
  /** `topology NAME`, `category NAME`, `sessions MODE`, `money no`, replication's mode. */
  word: IToken | undefined = undefined;
  name: QualifiedNameNode | undefined = undefined;
  level: LevelExprNode | undefined = undefined;
  /** `quorum` (replication), `read`/`write` (latency), `consistency`/`availability` (partition). */
  choice: IToken | undefined = undefined;
  write: IToken | undefined = undefined;
  read: IToken | undefined = undefined;
  random: IToken | undefined = undefined;
  /** The percentile of a latency bound, `conflict`'s strategy. */
  label: IToken | undefined = undefined;
  variant: IToken | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
  volume: QuantityNode | undefined = undefined;
  peak: QuantityNode | undefined = undefined;
  reads: QuantityNode | undefined = undefined;
  regions: IToken[] | undefined = undefined;
  conditions: ConditionsNode | undefined = undefined;
  condition: ConditionNode | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class ConditionsNode extends Node {
  items: ConditionNode[] = [];
}

export class ConditionNode extends Node {
  field: IToken | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
  symbol: IToken | undefined = undefined;
}

export class ComparatorNode extends Node {
  token: IToken | undefined = undefined;
}

export class LevelExprNode extends Node {
  name: IToken | undefined = undefined;
  /** Names and quantities, in the order read. */
  args: (IToken | QuantityNode)[] = [];
}

/** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`. */
export class QuantityNode extends Node {
  sign: IToken | undefined = undefined;
  number: IToken | undefined = undefined;
  percent: IToken | undefined = undefined;
  unit: IToken | undefined = undefined;
  per: IToken | undefined = undefined;
}

export class DistributionNode extends Node {
  name: IToken | undefined = undefined;
  args: DistArgNode[] = [];
}

export class DistArgNode extends Node {
  label: IToken | undefined = undefined;
  weight: IToken | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
}

export class ScenarioNode extends Node {
  readonly kind = 'scenario';
  name: IToken | undefined = undefined;
  props: ScenarioPropNode[] = [];
}

/** One scenario property; `clientsProp` and `faultProp` read into it as the property rules do. */
export class ScenarioPropNode extends Node {
  keyword: IToken | undefined = undefined;
  names: IToken[] | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  rate: QuantityNode | undefined = undefined;
  reads: QuantityNode | undefined = undefined;
  count: IToken | undefined = undefined;
  points: QuantityNode[] | undefined = undefined;
  shares: ClientShareNode[] | undefined = undefined;
  /** Which fault: `partition`, `crash` or `slow` (set even when recovery supposed it). */
  fault: IToken | undefined = undefined;
  sides: SideNode[] | undefined = undefined;
  region: IToken | undefined = undefined;
  a: IToken | undefined = undefined;
  b: IToken | undefined = undefined;
  by: QuantityNode | undefined = undefined;
  at: QuantityNode | undefined = undefined;
  for: QuantityNode | undefined = undefined;
}

export class ClientShareNode extends Node {
  region: IToken | undefined = undefined;
  share: QuantityNode | undefined = undefined;
}

export class SideNode extends Node {
  names: IToken[] = [];
}
