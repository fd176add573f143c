// The store names a `store` declaration accepts: the systems the driver mappings know, plus a few
// obvious aliases, each resolved to its system.
import type { DriverSystem } from '../export/drivers/input';

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
