// The resolved semantic model: declarations of every file of a workspace (plus the built-in prelude),
// names bound to what they refer to, and the effective settings of each data type. Checks, estimates,
// the simulator and the exporter all read this, never the raw syntax.
import type { DriverSystem, StoreSystem } from './stores';
import type { ProfileModel } from './profiles';
import type * as A from '../syntax/ast';
import type { Memoising } from '../util/memo';
import type { Range } from '../util/range';
import type { Distribution } from './delay';
import type { Level } from './levels';

/** Where a model element was written. */
export interface Origin {
  uri: string;
  range: Range;
}

/** Memoising: results derived from it are kept with it (util/memo.ts). */
export interface RegionModel extends Memoising {
  name: string;
  origin: Origin;
  decl: A.Region;
  replicas: number;
  primary: boolean;
  /** `rtt …`: the round trip between two machines of the region (default: the profile's). */
  rtt?: Distribution;
}

export interface LinkModel {
  a: string;
  b: string;
  /** The round trip the estimates use: as written, or a declared distribution's median. */
  rttMs: number;
  /** As written, or a declared distribution's spread read as a normal's sd: (p99 − median) / 2.326. */
  jitterMs: number;
  /** The round-trip distribution the simulator samples, when the link declares one. */
  dist?: Distribution;
  origin: Origin;
  decl: A.Link;
}

/** Memoising: results derived from it are kept with it (util/memo.ts). */
export interface TopologyModel extends Memoising {
  name: string;
  origin: Origin;
  decl: A.TopologyDecl;
  regions: Map<string, RegionModel>;
  links: LinkModel[];
  /** Round trip between two regions: the direct link, else the fastest path over links; undefined if unreachable. */
  rtt(a: string, b: string): number | undefined;
  /** Jitter along the path `rtt` uses (sum of link jitters). */
  jitter(a: string, b: string): number;
  /** The links the fastest path between two regions uses, for messages. */
  path(a: string, b: string): LinkModel[];
  totalReplicas: number;
  /** The regions flagged \`primary\`, in order: where a data type that names no primaries writes (shared, unchanged). */
  primaries: string[];
  /** `replica <op> <delay>`: a replica's own work, by op (the simulator's PBS W, A, R, S and service time). */
  work: Partial<Record<Exclude<ReplicaOp, 'capacity'>, Distribution>>;
  /** `replica capacity 1200/s`: operations per second one replica serves (default: the profile's). */
  capacityPerSec?: number;
}

export type ReplicaOp = 'write' | 'ack' | 'read' | 'response' | 'service' | 'capacity';

/** Properties of a block, by kind; single-valued kinds keep the last one written. */
export interface PropertySet {
  topology?: A.PropertyOf<'topology'>;
  tiers: A.PropertyOf<'tier'>[];
  consistency?: A.PropertyOf<'consistency'>;
  replication?: A.PropertyOf<'replication'>;
  latency: A.PropertyOf<'latency'>[];
  availability?: A.PropertyOf<'availability'>;
  partition?: A.PropertyOf<'partition'>;
  conflict?: A.PropertyOf<'conflict'>;
  workload?: A.PropertyOf<'workload'>;
  budget?: A.PropertyOf<'budget'>;
  staleness?: A.PropertyOf<'staleness'>;
  category?: A.PropertyOf<'category'>;
  primary?: A.PropertyOf<'primary'>;
  sessions?: A.PropertyOf<'sessions'>;
  money?: A.PropertyOf<'money'>;
  whens: A.PropertyOf<'when'>[];
  degrades: A.PropertyOf<'degrade'>[];
  applies?: A.PropertyOf<'applies'>;
}

export interface TierModel {
  name: string;
  origin: Origin;
  decl: A.TierDecl;
  props: PropertySet;
  builtin: boolean;
  level?: Level;
}

/** A value together with where it was written (its own block, or a tier it inherited from). */
export interface Sourced<T> {
  value: T;
  origin: Origin;
  /** Set when the value came from a tier. */
  tier?: string;
}

export type ReplicationMode = 'sync' | 'async' | 'quorum';

export interface Replication {
  mode: ReplicationMode;
  /** Write and read quorum sizes; for sync W = N, for async W = 1. */
  w: number;
  r: number;
  /** True when the policy did not say and the model chose from the level. */
  assumed: boolean;
  /** `quorum … random`: PBS's non-expanding quorums (a write reaches W random replicas, a read asks R random ones). */
  random?: boolean;
}

export interface LatencyBound {
  op: 'read' | 'write';
  /** 50, 95, 99, 99.9; `avg` is read as the mean. */
  percentile: number | 'avg';
  percentileText: string;
  boundMs: number;
  boundText: string;
}

export interface Workload {
  /** Average operations per second. */
  avgPerSec?: number;
  /** Declared peak operations per second. */
  peakPerSec?: number;
  /** Share of reads, 0..100. */
  readsPct: number;
  readsAssumed: boolean;
}

/** Whether data holds money, why, and whether the policy says so (declared) or the checker infers it from a name. */
export interface Money {
  value: boolean;
  declared: boolean;
  /** e.g. "category wallet", "`money no`", "inferred from its name `wallet_balance` (…)". */
  reason: string;
}

/**
 * How sessions reach replicas. `sticky` (the default): a session stays with replicas that hold what it saw and
 * wrote, or carries a token a replica must have caught up with (ZooKeeper's zxid, Cosmos DB's session token).
 * `roaming`: any replica answers with what it has (a load balancer without affinity or tokens).
 */
export type SessionRouting = 'sticky' | 'roaming';

/** The settings a data type (or one `when` branch of it) ends up with, after its tiers. */
export interface Effective {
  level?: Sourced<Level>;
  /** The strongest level any of its tiers demands, and which tier. */
  tierFloor?: Sourced<Level>;
  replication?: Sourced<Replication>;
  latency: Sourced<LatencyBound>[];
  availabilityPct?: Sourced<number>;
  partition?: Sourced<'consistency' | 'availability'>;
  conflict?: Sourced<string>;
  workload?: Sourced<Workload>;
  budget?: Sourced<{ amount: number; perMonth: number; text: string }>;
  stalenessMs?: Sourced<number>;
  category?: Sourced<string>;
  /** Regions that accept writes; more than one means multi-primary. */
  primaries: string[];
  /** Money (`moneyBasis.value`): `money`, a money category, an RBI tier, amounts, or inferred from the name. */
  money: boolean;
  moneyBasis: Money;
  /** Undefined: the default, sticky. */
  sessions?: Sourced<SessionRouting>;
  /** For `conflict last_writer_wins`: the clock it compares (`physical` wall clocks by default, or `logical`). */
  lwwClock?: 'physical' | 'logical';
}

export interface WhenModel {
  decl: A.PropertyOf<'when'>;
  props: PropertySet;
  tiers: TierModel[];
  effective: Effective;
}

/** Memoising: results derived from it are kept with it (util/memo.ts). */
export interface DataModel extends Memoising {
  name: string;
  origin: Origin;
  decl: A.DataDecl;
  props: PropertySet;
  tiers: TierModel[];
  topology?: TopologyModel;
  /** True when the topology was not named and the only one in the workspace was used. */
  topologyAssumed: boolean;
  effective: Effective;
  whens: WhenModel[];
}

export interface TransactionModel {
  name: string;
  origin: Origin;
  decl: A.TransactionDecl;
  members: { name: A.Name; data?: DataModel }[];
}

/** A fault a scenario injects; times in ms from the start of the load. */
export type ScenarioFaultModel =
  | { kind: 'partition'; sides: string[][]; atMs: number; forMs: number; range: Range }
  | { kind: 'crash'; region: string; atMs: number; forMs: number; range: Range }
  | { kind: 'slow'; a: string; b: string; atMs: number; forMs: number; factor?: number; addMs?: number; range: Range };

/** A `scenario` block, resolved: what it sets, with the documented defaults left to the simulator. */
export interface ScenarioModel {
  name: string;
  origin: Origin;
  decl: A.ScenarioDecl;
  /** Data types exercised, in order; those that did not resolve are left out (unknown-reference reports them). */
  data: DataModel[];
  durationMs?: number;
  load?: { perSec: number; readsPct?: number };
  clients?: { count: number; regions?: { region: string; share: number }[] };
  faults: ScenarioFaultModel[];
  seed?: number;
  keys?: number;
  timeoutMs?: number;
  /** `election 1500ms`: a single-leader group's election timeout (and leader lease). */
  electionMs?: number;
  /** `visibility at 0ms, 10ms, …`: where the t-visibility curve is reported. */
  visibilityAtMs?: number[];
}

export type SymbolKind = 'topology' | 'tier' | 'data' | 'transaction' | 'region' | 'scenario';

/** A name used somewhere, and what it resolved to (for unknown-reference, definition, references, rename). */
export interface Reference {
  kind: SymbolKind;
  name: string;
  uri: string;
  range: Range;
  /** Where the referenced declaration's name is; undefined when unresolved. */
  target?: Origin;
  /** For regions: the topology they were looked up in. */
  scope?: string;
}

export interface Declared {
  kind: SymbolKind;
  name: string;
  origin: Origin;
  /** Range of the whole declaration. */
  full: Range;
  builtin: boolean;
  container?: string;
}

export interface FileSettings {
  uri: string;
  title?: string;
  currency?: { value: 'INR' | 'USD'; origin: Origin };
  profile?: { value: string; origin: Origin };
  /** The systems named by `store` declarations (aliases resolved), in order, without repeats. */
  stores?: { name: DriverSystem; origin: Origin }[];
  /** The first system a `store` declaration names (Spanner included): the store model of the estimates. */
  system?: { name: StoreSystem; origin: Origin };
}

/** Memoising: results derived from it are kept with it (util/memo.ts). */
export interface PolicyModel extends Memoising {
  files: FileSettings[];
  topologies: Map<string, TopologyModel>;
  tiers: Map<string, TierModel>;
  data: Map<string, DataModel>;
  transactions: Map<string, TransactionModel>;
  scenarios: Map<string, ScenarioModel>;
  /** `profile NAME … { … }` declarations (the built-in ones from the prelude too), by name. */
  profiles: Map<string, ProfileModel>;
  declarations: Declared[];
  references: Reference[];
}
