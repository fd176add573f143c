// The nodes of a block's properties (nodes.ts has the rest, and the conventions): a class per kind, with only
// the fields that kind reads.
import type { IToken } from 'chevrotain';
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
  keyword: IToken | undefined = undefined;
  word: IToken | undefined = undefined;
}

export class TierProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  name: QualifiedNameNode | undefined = undefined;
}

export class LevelProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  level: LevelExprNode | undefined = undefined;
}

export class ReplicationProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  /** `quorum`, or the mode's word. */
  quorum: IToken | undefined = undefined;
  mode: IToken | undefined = undefined;
  write: IToken | undefined = undefined;
  read: IToken | undefined = undefined;
  random: IToken | undefined = undefined;
}

export class LatencyProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  op: IToken | undefined = undefined;
  percentile: IToken | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
}

/** `availability >= 99.99%`, `budget <= ₹12 lakh/month`, `staleness <= 5s`. */
export class BoundProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  comparator: ComparatorNode | undefined = undefined;
  quantity: QuantityNode | undefined = undefined;
}

export class PartitionProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  prefer: IToken | undefined = undefined;
}

export class ConflictProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  strategy: IToken | undefined = undefined;
  variant: IToken | undefined = undefined;
}

/** A workload's parts; when a part is written twice the first counts. */
export class WorkloadProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  volume: QuantityNode | undefined = undefined;
  peak: QuantityNode | undefined = undefined;
  reads: QuantityNode | undefined = undefined;
}

export class PrimaryProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  regions: IToken[] = [];
}

export class WhenProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  conditions: ConditionsNode | undefined = undefined;
  block: BlockNode | undefined = undefined;
}

export class DegradeProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  level: LevelExprNode | undefined = undefined;
  condition: ConditionNode | undefined = undefined;
}

export class AppliesProp implements Node {
  start = -1;
  end = -1;
  keyword: IToken | undefined = undefined;
  conditions: ConditionsNode | undefined = undefined;
}
