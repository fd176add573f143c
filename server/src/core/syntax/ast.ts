// The typed syntax tree. Every node carries its range in offsets. Fields are optional wherever error
// recovery may have dropped the text they come from; consumers must cope with `undefined`.
import type { Range } from '../util/range';

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
  | (PropBase & { kind: 'replication'; mode?: Name; write?: Quantity; read?: Quantity; random?: Range })
  | (PropBase & {
      kind: 'latency';
      op?: 'read' | 'write';
      opRange?: Range;
      percentile?: Name;
      comparator?: Comparator;
      comparatorRange?: Range;
      bound?: Quantity;
    })
  | (PropBase & { kind: 'availability'; comparator?: Comparator; comparatorRange?: Range; target?: Quantity })
  | (PropBase & { kind: 'partition'; prefer?: 'consistency' | 'availability'; preferRange?: Range })
  | (PropBase & { kind: 'conflict'; strategy?: Name; variant?: Name })
  | (PropBase & { kind: 'workload'; volume?: Quantity; peak?: Quantity; reads?: Quantity })
  | (PropBase & { kind: 'budget'; comparator?: Comparator; comparatorRange?: Range; amount?: Quantity })
  | (PropBase & { kind: 'staleness'; comparator?: Comparator; comparatorRange?: Range; bound?: Quantity })
  | (PropBase & { kind: 'category'; value?: Name })
  | (PropBase & { kind: 'primary'; regions: Name[] })
  /** `sessions sticky` | `sessions roaming`: whether a session stays with replicas that hold what it saw. */
  | (PropBase & { kind: 'sessions'; mode?: Name })
  /** `money` (the data holds money) or `money no` (it does not, whatever its name or category suggest). */
  | (PropBase & { kind: 'money'; value?: Name })
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
  /** `rtt 0.5ms` or `rtt lognormal(…)`: the round trip between two machines of the region. */
  rtt?: Quantity;
  rttDist?: DistExpr;
  rttRange?: Range;
  range: Range;
}

/** A delay distribution as written, e.g. `lognormal(median 45ms, p99 80ms)` or `mix(0.38 pareto(1.05ms, 1.51), …)`. */
export interface DistExpr {
  /** fixed, uniform, normal, lognormal, exponential, pareto or mix (checked by the model, not the parser). */
  name: Name;
  args: DistArg[];
  range: Range;
}

/** One argument: `45ms`, `median 45ms`, `1.51`, or a mixture part `0.38 pareto(…)`. */
export interface DistArg {
  label?: Name;
  value?: Quantity;
  dist?: DistExpr;
  range: Range;
}

export interface Link {
  kind: 'link';
  a?: Name;
  b?: Name;
  /** A fixed round trip, `45ms` … */
  rtt?: Quantity;
  /** … or a distribution of round trips. */
  dist?: DistExpr;
  jitter?: Quantity;
  range: Range;
}

/** `replica write <delay>` in a topology: a replica's own work (write apply, ack, read, response, service). */
export interface ReplicaWork {
  kind: 'replica';
  /** write, ack, read, response or service (checked by the model). */
  op?: Name;
  fixed?: Quantity;
  dist?: DistExpr;
  range: Range;
}

export interface TopologyDecl {
  kind: 'topology';
  name?: Name;
  regions: Region[];
  links: Link[];
  work: ReplicaWork[];
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

/** `import "path.consistency"`: the importing file sees the declarations of that file (and of what it imports). */
export interface ImportDecl {
  kind: 'import';
  /** The path as written (escapes resolved), relative to the importing file. */
  path?: { value: string; range: Range };
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

/** `profile NAME` selects a profile; with a body (`profile NAME extends BASE { … }`) it declares one. */
export interface ProfileDecl {
  kind: 'profile';
  value?: Name;
  /** Set for a declaration: the profile it extends (`extends BASE`), when written. */
  base?: Name;
  /** Set (possibly empty) when the declaration has a body. */
  entries?: ProfileEntry[];
  range: Range;
}

/** One figure of a profile block: `cosmos.ru-hour $0.008 source "…"`. */
export interface ProfileEntry {
  key: Name;
  value?: Quantity;
  dist?: DistExpr;
  text?: { value: string; range: Range };
  word?: Name;
  source?: { value: string; range: Range };
  range: Range;
}

/** `store dynamodb, postgres`: the systems the policy is meant to run on. */
export interface StoreDecl {
  kind: 'store';
  names: Name[];
  range: Range;
}

/** A side of a partition: `mumbai, chennai`. */
export type PartitionSide = Name[];

export type ScenarioFault =
  | { fault: 'partition'; sides: PartitionSide[] }
  | { fault: 'crash'; region?: Name }
  | { fault: 'slow'; a?: Name; b?: Name; by?: Quantity };

interface ScenarioPropBase {
  range: Range;
  keyword: Range;
}

export type ScenarioProp =
  | (ScenarioPropBase & { kind: 'data'; names: Name[] })
  | (ScenarioPropBase & { kind: 'duration'; value?: Quantity })
  | (ScenarioPropBase & { kind: 'load'; rate?: Quantity; reads?: Quantity })
  | (ScenarioPropBase & {
      kind: 'clients';
      count?: Quantity;
      regions: { name: Name; share?: Quantity; range: Range }[];
    })
  | (ScenarioPropBase & { kind: 'fault'; at?: Quantity; for?: Quantity } & ScenarioFault)
  | (ScenarioPropBase & { kind: 'seed'; value?: Quantity })
  | (ScenarioPropBase & { kind: 'keys'; value?: Quantity })
  | (ScenarioPropBase & { kind: 'timeout'; value?: Quantity })
  | (ScenarioPropBase & { kind: 'election'; value?: Quantity })
  | (ScenarioPropBase & { kind: 'visibility'; points: Quantity[] });

/** `scenario name { data …  duration …  load …  clients …  fault …  seed … }`: what a simulation runs. */
export interface ScenarioDecl {
  kind: 'scenario';
  name?: Name;
  body: ScenarioProp[];
  range: Range;
}

export type Declaration =
  | ImportDecl
  | PolicyDecl
  | CurrencyDecl
  | ProfileDecl
  | StoreDecl
  | TopologyDecl
  | TierDecl
  | DataDecl
  | TransactionDecl
  | ScenarioDecl;

export interface PolicyFile {
  kind: 'file';
  uri: string;
  declarations: Declaration[];
  range: Range;
}
