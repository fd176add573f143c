// The store names a `store` declaration accepts: the systems the driver mappings know, plus a few
// obvious aliases, each resolved to its system.
/** The real systems a policy can name; stores/ knows what each can be configured to give. */
export type DriverSystem = 'cassandra' | 'postgres' | 'mongodb' | 'dynamodb' | 'cosmos';
export const driverSystems: DriverSystem[] = ['cassandra', 'postgres', 'mongodb', 'dynamodb', 'cosmos'];

export const storeAliases: Record<string, DriverSystem> = {
  cassandra: 'cassandra',
  scylladb: 'cassandra',
  postgres: 'postgres',
  postgresql: 'postgres',
  mongodb: 'mongodb',
  dynamodb: 'dynamodb',
  cosmos: 'cosmos',
  cosmosdb: 'cosmos',
};

/** Every system a `store` declaration may name: the driver systems, and Spanner, which has estimates only
 *  (a store model, no driver settings). */
export type StoreSystem = DriverSystem | 'spanner';

/** Names of systems that have a store model but no driver mapping. */
export const estimateOnlyAliases: Record<string, StoreSystem> = { spanner: 'spanner', 'cloud-spanner': 'spanner' };
