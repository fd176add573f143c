// The generated declarations of driver settings: TypeScript text mirroring the interfaces of
// cassandra.ts, postgres.ts, mongodb.ts, dynamodb.ts and cosmos.ts (the compile tests keep them in step).
import type { DriverSystem } from '../model/stores';

export const driverDeclarations =
  `export interface DriverAdvice<S> {
  readonly settings: S;
  /** Why the settings give the declared level. */
  readonly reason: string;
  readonly notes: readonly string[];
  /** What the system cannot give exactly on this deployment; empty when it can. */
  readonly unsupported: readonly string[];
}

` +
  `export type CassandraLevel = "ONE" | "TWO" | "THREE" | "QUORUM" | "ALL" | "LOCAL_ONE" | "LOCAL_QUORUM" | ` +
  `"EACH_QUORUM" | "SERIAL" | "LOCAL_SERIAL";

export interface CassandraSettings {
  readonly keyspaceReplication: string;
  readonly writeConsistency: CassandraLevel;
  readonly readConsistency: CassandraLevel;
  readonly serialConsistency: "SERIAL" | "LOCAL_SERIAL" | null;
  readonly lightweightTransactions: boolean;
  readonly pinSessionsToRegion: boolean;
}

export interface PostgresLsnToken {
  readonly afterWrite: string;
  readonly afterRead: string | null;
  readonly waitOnStandby: string;
}

export interface PostgresSettings {
  readonly synchronousCommit: "local" | "on";
  readonly synchronousStandbyNames: string;
  readonly primary: string;
  readonly standbys: readonly string[];
  readonly readFrom: "primary" | "standby";
  readonly defaultTransactionIsolation: "read committed" | "serializable";
  readonly lsnToken: PostgresLsnToken | null;
  readonly maxReplayLagMs: number | null;
  readonly replayLagCheck: string | null;
}

export interface MongoSettings {
  readonly readConcern: "local" | "majority" | "linearizable" | "snapshot";
  readonly writeConcern: { readonly w: number | "majority"; readonly j: boolean };
  readonly readPreference: "primary" | "secondaryPreferred" | "nearest";
  readonly maxStalenessSeconds: number | null;
  readonly causalConsistency: boolean;
  readonly transactions: boolean;
}

export interface DynamoSettings {
  readonly consistentRead: boolean;
  readonly transactions: boolean;
  readonly conditionalWrites: boolean;
  readonly globalTable: "none" | "MREC" | "MRSC";
  readonly regions: readonly string[];
}

export type CosmosLevel = "Strong" | "BoundedStaleness" | "Session" | "ConsistentPrefix" | "Eventual";

export interface CosmosSettings {
  readonly accountConsistency: CosmosLevel;
  readonly requestConsistency: CosmosLevel;
  readonly maxIntervalInSeconds: number | null;
  readonly maxStalenessPrefix: number | null;
  readonly multipleWriteLocations: boolean;
  readonly transactionalBatch: boolean;
}`;

/** The `Drivers` interface: one member per system the policy targets (its `store` declaration, else all). */
export function driversInterface(systems: readonly DriverSystem[]): string {
  const members = systems.map((s) => `  readonly ${s}: DriverAdvice<${settingsTypes[s]}>;`).join('\n');
  return `export interface Drivers {\n${members}\n}`;
}

const settingsTypes: Record<DriverSystem, string> = {
  cassandra: 'CassandraSettings',
  postgres: 'PostgresSettings',
  mongodb: 'MongoSettings',
  dynamodb: 'DynamoSettings',
  cosmos: 'CosmosSettings',
};
