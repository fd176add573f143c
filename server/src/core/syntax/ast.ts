// The typed syntax tree. Every node carries its range in offsets. Fields are optional wherever error
// recovery may have dropped the text they come from; consumers must cope with `undefined`.
import type { Range } from './range';

export interface Name {
  text: string;
  range: Range;
}

/** What a quantity measures, once its unit is known. Canonical units in brackets. */
export type QuantityKind =
  | 'duration' // [ms]
  | 'percent' // [%]
  | 'money' // [currency units]
  | 'rate' // [operations per second]
  | 'count' // [plain number, e.g. replicas, versions]
  | 'multiplier'; // [x, e.g. 5x load]

export interface Quantity {
  /** Value in the canonical unit of `kind`. */
  value: number;
  kind: QuantityKind;
  /** The text as written, e.g. `12 lakh/month`, kept for messages. */
  text: string;
  /** Currency written before the number, if any. */
  currency?: 'INR' | 'USD';
  /** For money per period, e.g. `/month`: the period in days. */
  perDays?: number;
  /** For counts like `5 versions`: the noun. */
  noun?: string;
  range: Range;
}

export type Comparator = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Condition {
  field: Name;
  op: Comparator;
  opRange: Range;
  value?: Quantity | Name;
  range: Range;
}

export interface LevelExpr {
  name: Name;
  args: (Name | Quantity)[];
  range: Range;
}

interface PropBase {
  range: Range;
  /** The keyword that starts the property. */
  keyword: Range;
}

export type Property =
  | (PropBase & { kind: 'topology'; ref?: Name })
  | (PropBase & { kind: 'tier'; ref?: Name })
  | (PropBase & { kind: 'consistency'; level?: LevelExpr })
  | (PropBase & { kind: 'replication'; mode?: Name; write?: Quantity; read?: Quantity })
  | (PropBase & { kind: 'latency'; op?: 'read' | 'write'; opRange?: Range; percentile?: Name; comparator?: Comparator; comparatorRange?: Range; bound?: Quantity })
  | (PropBase & { kind: 'availability'; comparator?: Comparator; comparatorRange?: Range; target?: Quantity })
  | (PropBase & { kind: 'partition'; prefer?: 'consistency' | 'availability'; preferRange?: Range })
  | (PropBase & { kind: 'conflict'; strategy?: Name; variant?: Name })
  | (PropBase & { kind: 'workload'; volume?: Quantity; peak?: Quantity; reads?: Quantity })
  | (PropBase & { kind: 'budget'; comparator?: Comparator; comparatorRange?: Range; amount?: Quantity })
  | (PropBase & { kind: 'staleness'; comparator?: Comparator; comparatorRange?: Range; bound?: Quantity })
  | (PropBase & { kind: 'category'; value?: Name })
  | (PropBase & { kind: 'primary'; regions: Name[] })
  | (PropBase & { kind: 'when'; conditions: Condition[]; body: Property[] })
  | (PropBase & { kind: 'degrade'; level?: LevelExpr; condition?: Condition })
  | (PropBase & { kind: 'applies'; conditions: Condition[] });

export type PropertyKind = Property['kind'];
export type PropertyOf<K extends PropertyKind> = Extract<Property, { kind: K }>;

export interface Region {
  kind: 'region';
  name?: Name;
  replicas?: Quantity;
  primary?: Range;
  city?: Name;
  coordinates?: { lat: number; lon: number; range: Range };
  range: Range;
}

export interface Link {
  kind: 'link';
  a?: Name;
  b?: Name;
  rtt?: Quantity;
  jitter?: Quantity;
  range: Range;
}

export interface TopologyDecl {
  kind: 'topology';
  name?: Name;
  regions: Region[];
  links: Link[];
  range: Range;
}

export interface TierDecl {
  kind: 'tier';
  name?: Name;
  body: Property[];
  range: Range;
}

export interface DataDecl {
  kind: 'data';
  name?: Name;
  body: Property[];
  range: Range;
}

export interface TransactionDecl {
  kind: 'transaction';
  name?: Name;
  members: Name[];
  range: Range;
}

export interface PolicyDecl {
  kind: 'policy';
  title?: { value: string; range: Range };
  range: Range;
}

export interface CurrencyDecl {
  kind: 'currency';
  value?: Name;
  range: Range;
}

export interface ProfileDecl {
  kind: 'profile';
  value?: Name;
  range: Range;
}

/** `store dynamodb, postgres`: the systems the policy is meant to run on. */
export interface StoreDecl {
  kind: 'store';
  names: Name[];
  range: Range;
}

export type Declaration =
  | PolicyDecl
  | CurrencyDecl
  | ProfileDecl
  | StoreDecl
  | TopologyDecl
  | TierDecl
  | DataDecl
  | TransactionDecl;

export interface PolicyFile {
  kind: 'file';
  uri: string;
  declarations: Declaration[];
  range: Range;
}
