// What the parser (parser.ts) reads into: one small typed node per rule it runs, holding the tokens and nodes
// the builder (ast-builder.ts) turns into the AST, and the node's place (the offsets of its first and last
// token). Recovery may leave any field unset, or set a token it supposed inserted (an empty image and NaN
// offsets; `real` tells them apart). Each class has fixed fields, so the builder's reads stay monomorphic;
// a node is the only allocation a rule makes (Chevrotain's CST made four or five: node, children, location,
// an array per key). No class extends another: every class sets its own fields, so each store V8 makes while
// building a node sees one shape (a base class's field initialiser, run for every kind of node, was a third of
// the parse).
import type { Token } from './token';
import type { Range } from '../util/range';
import type { PropertyNode } from './property-nodes';

export * from './property-nodes';

export interface Node {
  /** The first and last offsets of its tokens (the last inclusive); -1 until a real token is read. Every class
   *  below declares them first: `start = -1; end = -1;`. */
  start: number;
  end: number;
}

/** The node's range (empty at 0 when it holds no real token). */
export function rangeOf(n: Node): Range {
  return n.start < 0 ? { start: 0, end: 0 } : { start: n.start, end: n.end + 1 };
}

/** The token unless recovery supposed it inserted (NaN offsets). */
export function real(t: Token | undefined): Token | undefined {
  return t !== undefined && t.startOffset >= 0 ? t : undefined;
}

export class FileNode implements Node {
  start = -1;
  end = -1;
  declarations: DeclarationNode[] = [];
}

/** The grammar's `declaration` rule: one of the declarations, when one started. */
export class DeclarationNode implements Node {
  start = -1;
  end = -1;
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
export class StringDecl implements Node {
  start = -1;
  end = -1;
  constructor(readonly kind: 'import' | 'policy') {}
  string: Token | undefined = undefined;
}

/** `currency INR`. */
export class WordDecl implements Node {
  start = -1;
  end = -1;
  readonly kind = 'currency';
  word: Token | undefined = undefined;
}

export class ProfileNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'profile';
  name: Token | undefined = undefined;
  base: Token | undefined = undefined;
  /** Set when the declaration has a block (`{`), even one recovery supposed. */
  lbrace: Token | undefined = undefined;
  entries: ProfileEntryNode[] = [];
}

export class ProfileEntryNode implements Node {
  start = -1;
  end = -1;
  /** `currency` as a key, or a qualified key. */
  key: Token | undefined = undefined;
  keyName: QualifiedNameNode | undefined = undefined;
  text: Token | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  word: Token | undefined = undefined;
  source: Token | undefined = undefined;
}

export class StoreNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'store';
  names: Token[] = [];
}

export class TopologyNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'topology';
  name: Token | undefined = undefined;
  regions: RegionNode[] = [];
  links: LinkNode[] = [];
  work: ReplicaWorkNode[] = [];
}

export class RegionNode implements Node {
  start = -1;
  end = -1;
  name: Token | undefined = undefined;
  props: RegionPropNode[] = [];
}

export class RegionPropNode implements Node {
  start = -1;
  end = -1;
  kind: 'replicas' | 'primary' | 'city' | 'rtt' | 'coordinates' | undefined = undefined;
  /** The number of `replicas`, the name of `city`. */
  token: Token | undefined = undefined;
  rtt: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  lat: SignedNumberNode | undefined = undefined;
  lon: SignedNumberNode | undefined = undefined;
}

export class SignedNumberNode implements Node {
  start = -1;
  end = -1;
  minus: Token | undefined = undefined;
  number: Token | undefined = undefined;
}

export class LinkNode implements Node {
  start = -1;
  end = -1;
  a: Token | undefined = undefined;
  b: Token | undefined = undefined;
  rtt: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
  jitter: QuantityNode | undefined = undefined;
}

export class ReplicaWorkNode implements Node {
  start = -1;
  end = -1;
  op: Token | undefined = undefined;
  fixed: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
}

export class TierNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'tier';
  name: QualifiedNameNode | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class DataNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'data';
  name: Token | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class TransactionNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'transaction';
  name: Token | undefined = undefined;
  members: Token[] = [];
}

/** `a.b.c`: its first and last real tokens (the name is the text between them). */
export class QualifiedNameNode implements Node {
  start = -1;
  end = -1;
  first: Token | undefined = undefined;
  last: Token | undefined = undefined;
}

export class BlockNode implements Node {
  start = -1;
  end = -1;
  properties: PropertyNode[] = [];
}

export class ConditionsNode implements Node {
  start = -1;
  end = -1;
  items: ConditionNode[] = [];
}

export class ConditionNode implements Node {
  start = -1;
  end = -1;
  field: Token | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
  symbol: Token | undefined = undefined;
}

export class ComparatorNode implements Node {
  start = -1;
  end = -1;
  token: Token | undefined = undefined;
}

export class LevelExprNode implements Node {
  start = -1;
  end = -1;
  name: Token | undefined = undefined;
  /** Names and quantities, in the order read. */
  args: (Token | QuantityNode)[] = [];
}

/** A number with its unit as written: `45ms`, `99.99%`, `₹12 lakh/month`. */
export class QuantityNode implements Node {
  start = -1;
  end = -1;
  sign: Token | undefined = undefined;
  number: Token | undefined = undefined;
  percent: Token | undefined = undefined;
  unit: Token | undefined = undefined;
  per: Token | undefined = undefined;
}

export class DistributionNode implements Node {
  start = -1;
  end = -1;
  name: Token | undefined = undefined;
  args: DistArgNode[] = [];
}

export class DistArgNode implements Node {
  start = -1;
  end = -1;
  label: Token | undefined = undefined;
  weight: Token | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  dist: DistributionNode | undefined = undefined;
}

export class ScenarioNode implements Node {
  start = -1;
  end = -1;
  readonly kind = 'scenario';
  name: Token | undefined = undefined;
  props: ScenarioPropNode[] = [];
}

/** One scenario property; `clientsProp` and `faultProp` read into it as the property rules do. */
export class ScenarioPropNode implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  names: Token[] | undefined = undefined;
  value: QuantityNode | undefined = undefined;
  rate: QuantityNode | undefined = undefined;
  reads: QuantityNode | undefined = undefined;
  count: Token | undefined = undefined;
  points: QuantityNode[] | undefined = undefined;
  shares: ClientShareNode[] | undefined = undefined;
  /** Which fault: `partition`, `crash` or `slow` (set even when recovery supposed it). */
  fault: Token | undefined = undefined;
  sides: SideNode[] | undefined = undefined;
  region: Token | undefined = undefined;
  a: Token | undefined = undefined;
  b: Token | undefined = undefined;
  by: QuantityNode | undefined = undefined;
  at: QuantityNode | undefined = undefined;
  for: QuantityNode | undefined = undefined;
}

export class ClientShareNode implements Node {
  start = -1;
  end = -1;
  region: Token | undefined = undefined;
  share: QuantityNode | undefined = undefined;
}

export class SideNode implements Node {
  start = -1;
  end = -1;
  names: Token[] = [];
}
