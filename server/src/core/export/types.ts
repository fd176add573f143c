// The type declarations every generated module starts with: the shape of a data type's constant and of
// the driver settings. Kept in step with data-value.ts and stores/*.ts by the compile tests.
import { levelDefs } from '../model/levels';
import { driverDeclarations, driversInterface } from './driver-declarations';
import type { DriverSystem } from '../model/stores';
import { stringLiteral } from './escape';

const union = (xs: string[]) => xs.map(stringLiteral).join(' | ');

/** Type names the module declares; a policy's own type name must not collide with them. */
export const declaredTypeNames = [
  'Currency',
  'LevelName',
  'Guarantee',
  'Level',
  'LatencySla',
  'Money',
  'Slas',
  'TierRef',
  'Region',
  'Link',
  'Topology',
  'Replication',
  'Workload',
  'Condition',
  'Override',
  'Degrade',
  'Percentiles',
  'CostLine',
  'Estimate',
  'DriverAdvice',
  'CassandraLevel',
  'CassandraSettings',
  'PostgresLsnToken',
  'PostgresSettings',
  'MongoSettings',
  'DynamoSettings',
  'CosmosLevel',
  'CosmosSettings',
  'Drivers',
  'DataType',
  'Transaction',
];

/** `systems`: the driver systems the module's `Drivers` has (the policy's `store` declaration, else all). */
export function typeDeclarations(systems: readonly DriverSystem[]): string {
  const levels = union(Object.keys(levelDefs));
  const guarantees = union([...levelDefs.strict_serializable.guarantees]);
  return `export type Currency = "INR" | "USD";
export type LevelName = ${levels};
export type Guarantee = ${guarantees};

export interface Level {
  readonly name: LevelName;
  /** As written in the policy, e.g. \`bounded(2s)\` or \`strong (linearizable)\`. */
  readonly display: string;
  readonly guarantees: readonly Guarantee[];
  /** Upper bound on how stale a read may be: 0 for linearizable and stronger, null when unbounded. */
  readonly maxStalenessMs: number | null;
  readonly maxStalenessVersions: number | null;
  /** The tier the level comes from, when the data type does not declare its own. */
  readonly fromTier: string | null;
}

export interface LatencySla {
  readonly op: "read" | "write";
  readonly percentile: number | "avg";
  readonly boundMs: number;
  readonly text: string;
}

export interface Money {
  /** In \`currency\`, per the period written; \`perMonth\` converts to 30 days. */
  readonly amount: number;
  readonly perMonth: number;
  readonly currency: Currency;
  readonly text: string;
}

export interface Slas {
  readonly latency: readonly LatencySla[];
  readonly availabilityPct: number | null;
  readonly stalenessMs: number | null;
  readonly budget: Money | null;
}

export interface TierRef {
  readonly name: string;
  readonly builtin: boolean;
  readonly level: string | null;
}

export interface Region {
  readonly name: string;
  readonly replicas: number;
  readonly primary: boolean;
}

export interface Link {
  readonly a: string;
  readonly b: string;
  readonly rttMs: number;
  readonly jitterMs: number;
}

export interface Topology {
  readonly name: string;
  /** True when the data type names no topology and the only one in the policy was used. */
  readonly assumed: boolean;
  readonly totalReplicas: number;
  readonly regions: readonly Region[];
  readonly links: readonly Link[];
}

export interface Replication {
  readonly mode: "sync" | "async" | "quorum";
  readonly writeQuorum: number;
  readonly readQuorum: number;
  readonly replicas: number;
  /** True when the policy does not say and the level decided. */
  readonly assumed: boolean;
}

export interface Workload {
  readonly avgPerSec: number | null;
  readonly peakPerSec: number | null;
  readonly readsPct: number;
  readonly readsAssumed: boolean;
}

export interface Condition {
  readonly field: string;
  readonly op: "<" | "<=" | ">" | ">=" | "==" | "!=";
  readonly value: number | string | null;
  readonly text: string;
}

export interface Override {
  readonly when: readonly Condition[];
  readonly level: Level | null;
  readonly tiers: readonly string[];
  readonly replication: Replication | null;
  readonly drivers: Drivers;
}

export interface Degrade {
  readonly to: Level | null;
  readonly when: Condition | null;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface CostLine {
  readonly label: string;
  readonly amount: number;
  readonly detail: string | null;
}

export interface Estimate {
  readonly profile: string;
  readonly currency: Currency;
  readonly readMs: Percentiles;
  readonly writeMs: Percentiles;
  readonly replicationLagMs: number;
  readonly availabilityPct: number;
  readonly monthlyCost: number;
  readonly costPerOperation: number | null;
  readonly capacityPerSec: number;
  readonly replication: string | null;
  readonly leaders: readonly string[];
  readonly costLines: readonly CostLine[];
  readonly assumptions: readonly string[];
}

${driverDeclarations}

${driversInterface(systems)}

export interface DataType {
  /** The name in the policy. */
  readonly name: string;
  /** The comments written directly above the declaration. */
  readonly description: string | null;
  readonly level: Level | null;
  readonly tiers: readonly TierRef[];
  readonly slas: Slas;
  readonly topology: Topology | null;
  readonly replication: Replication | null;
  /** Regions that accept writes. */
  readonly primaries: readonly string[];
  readonly partition: "consistency" | "availability" | null;
  readonly conflict: string | null;
  readonly category: string | null;
  /** Money: a financial category, an RBI tier, or conditions on \`amount\`. */
  readonly money: boolean;
  readonly workload: Workload | null;
  /** \`when\` branches: settings that replace the data type's own when their conditions hold. */
  readonly overrides: readonly Override[];
  readonly degrade: readonly Degrade[];
  /** Estimated by the policy's profile; null when it could not be estimated. */
  readonly estimate: Estimate | null;
  readonly drivers: Drivers;
}

export interface Transaction {
  readonly name: string;
  /** Data types written together atomically. */
  readonly members: readonly string[];
}`;
}
