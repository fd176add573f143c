// Driver settings for every supported system, per data type and per `when` branch, and `driverGaps`:
// what a data type declares that a system cannot give exactly, with ranges for a later diagnostic.
import type { DataModel, Effective, TopologyModel } from '../model/model';
import type { Range } from '../util/range';
import { cassandra, type CassandraSettings } from './cassandra';
import { cosmos, type CosmosSettings } from './cosmos';
import { dynamodb, type DynamoSettings } from './dynamodb';
import { driverSystems, type DriverSystem } from '../model/stores';
import { driverInput, type DriverAdvice } from './input';
import { mongodb, type MongoSettings } from './mongodb';
import { postgres, type PostgresSettings } from './postgres';

export type { DriverAdvice } from './input';
export { driverSystems, type DriverSystem } from '../model/stores';

export interface DriverSettings {
  cassandra: DriverAdvice<CassandraSettings>;
  postgres: DriverAdvice<PostgresSettings>;
  mongodb: DriverAdvice<MongoSettings>;
  dynamodb: DriverAdvice<DynamoSettings>;
  cosmos: DriverAdvice<CosmosSettings>;
}

/** Display names, for messages. */
export const systemNames: Record<DriverSystem, string> = {
  cassandra: 'Cassandra/ScyllaDB',
  postgres: 'PostgreSQL',
  mongodb: 'MongoDB',
  dynamodb: 'DynamoDB',
  cosmos: 'Cosmos DB',
};

/** The settings of every system for a data type's effective settings (or a `when` branch's). */
export function driverSettings(effective: Effective, topology: TopologyModel | undefined): DriverSettings {
  const i = driverInput(effective, topology);
  return {
    cassandra: cassandra(i),
    postgres: postgres(i),
    mongodb: mongodb(i),
    dynamodb: dynamodb(i),
    cosmos: cosmos(i),
  };
}

export interface DriverGap {
  system: DriverSystem;
  /** e.g. `bounded(2s): global tables replicate asynchronously with no bound …`. */
  note: string;
  /** The data type. */
  data: string;
  uri: string;
  /** The data type's name for its own settings; the `when` keyword for a branch's. */
  range: Range;
  /** The branch's conditions as written, for a `when` branch. */
  branch?: string;
}

/** Every `unsupported` note of every system, for the data type and each of its `when` branches. */
export function driverGaps(data: DataModel): DriverGap[] {
  const out: DriverGap[] = [];
  const add = (effective: Effective, range: Range, branch?: string) => {
    const all = driverSettings(effective, data.topology);
    for (const system of driverSystems) {
      for (const note of all[system].unsupported)
        out.push({ system, note, data: data.name, uri: data.origin.uri, range, branch });
    }
  };
  add(data.effective, data.origin.range);
  for (const w of data.whens) add(w.effective, w.decl.keyword, conditionsText(w.decl.conditions));
  return out;
}

/** `amount >= 1 lakh and channel == upi`, as written (normalised spacing). */
export function conditionsText(conditions: DataModel['whens'][number]['decl']['conditions']): string {
  return conditions.map((c) => `${c.field.text} ${c.op} ${c.value ? c.value.text : '?'}`).join(' and ');
}
