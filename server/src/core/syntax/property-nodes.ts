// The nodes of a block's properties (nodes.ts has the rest, and the conventions): a class per kind, with only
// the fields that kind reads.
import type { Token } from './token';
import type {
  BlockNode,
  ComparatorNode,
  ConditionNode,
  ConditionsNode,
  LevelExprNode,
  Node,
  QualifiedNameNode,
  QuantityNode,
} from './nodes';

/** One property of a block, a class per kind (only the fields it reads). The grammar's `replicationProp`,
 *  `latencyProp` … are rules of their own (for recovery and error messages) that read into their property's
 *  node: it spans the same tokens. `keyword`, the keyword that starts it, is always real (it chose the kind). */
export type PropertyNode =
  | WordProp
  | TierProp
  | LevelProp
  | ReplicationProp
  | LatencyProp
  | BoundProp
  | PartitionProp
  | ConflictProp
  | WorkloadProp
  | PrimaryProp
  | WhenProp
  | DegradeProp
  | AppliesProp;

/** `topology NAME`, `category NAME`, `sessions MODE`, `money` or `money no`. */
export class WordProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  word: Token | undefined = undefined;
}

export class TierProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  name: QualifiedNameNode | undefined = undefined;
}

export class LevelProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  level: LevelExprNode | undefined = undefined;
}

export class ReplicationProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  /** `quorum`, or the mode's word. */
  quorum: Token | undefined = undefined;
  mode: Token | undefined = undefined;
  write: Token | undefined = undefined;
  read: Token | undefined = undefined;
  random: Token | undefined = undefined;
}

export class LatencyProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  op: Token | undefined = undefined;
  percentile: Token | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
}

/** `availability >= 99.99%`, `budget <= ₹12 lakh/month`, `staleness <= 5s`. */
export class BoundProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
}

export class PartitionProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  prefer: Token | undefined = undefined;
}

export class ConflictProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  strategy: Token | undefined = undefined;
  variant: Token | undefined = undefined;
}

/** A workload's parts; when a part is written twice the first counts. */
export class WorkloadProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  volume: QuantityNode | undefined = undefined;
  peak: QuantityNode | undefined = undefined;
  reads: QuantityNode | undefined = undefined;
}

export class PrimaryProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  regions: Token[] = [];
}

export class WhenProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  conditions: ConditionsNode | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class DegradeProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  level: LevelExprNode | undefined = undefined;
  condition: ConditionNode | undefined = undefined;
}

export class AppliesProp implements Node {
  start = -1;
  end = -1;
  keyword: Token | undefined = undefined;
  conditions: ConditionsNode | undefined = undefined;
}
