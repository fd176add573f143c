// Azure Cosmos DB: the account's default consistency and the per-request level, bounded staleness K and T
// within the service's limits, and multiple write regions.
import { formatDuration } from '../syntax/units';
import type { DriverAdvice, DriverInput } from './input';

export type CosmosLevel = 'Strong' | 'BoundedStaleness' | 'Session' | 'ConsistentPrefix' | 'Eventual';

export interface CosmosSettings {
  /** The account default must be at least this strong; requests can only relax it. */
  accountConsistency: CosmosLevel;
  requestConsistency: CosmosLevel;
  /** Bounded staleness T (seconds) and K (versions); both are set, the tighter one binds. */
  maxIntervalInSeconds: number | null;
  maxStalenessPrefix: number | null;
  multipleWriteLocations: boolean;
  /** TransactionalBatch / stored procedures: atomic within one logical partition. */
  transactionalBatch: boolean;
}

/** Bounded staleness limits: minimums for single-region and multi-region accounts, and maximums. */
export const cosmosLimits = {
  single: { minSeconds: 5, minVersions: 10 },
  multi: { minSeconds: 300, minVersions: 100_000 },
  maxSeconds: 86_400,
  maxVersions: 1_000_000,
};

export function cosmos(i: DriverInput): DriverAdvice<CosmosSettings> {
  const multi = i.regions.length > 1;
  const multiWrite = i.multiPrimary.length > 0 || (i.family === 'regional' && multi);
  const notes: string[] = [...i.assumed];
  const unsupported: string[] = [];
  const settings = (level: CosmosLevel, extra: Partial<CosmosSettings> = {}): CosmosSettings => ({
    accountConsistency: level,
    requestConsistency: level,
    maxIntervalInSeconds: null,
    maxStalenessPrefix: null,
    multipleWriteLocations: multiWrite,
    transactionalBatch: false,
    ...extra,
  });
  const done = (s: CosmosSettings, reason: string): DriverAdvice<CosmosSettings> => {
    if (s.accountConsistency === 'Strong' && multi)
      notes.push('Strong across regions more than 5,000 miles (8,000 km) apart must be enabled by Azure support');
    notes.push(
      'requests can relax the account default, never strengthen it: ' +
        'set the account to the strongest level any data type on it needs',
    );
    return { settings: s, reason, notes, unsupported };
  };
  const strong = (why: string): DriverAdvice<CosmosSettings> => {
    if (multiWrite) {
      unsupported.push(
        `${i.level.display}: Strong is not available with multiple write regions ` +
          `(${why}); these settings use Bounded Staleness, the strongest level left`,
      );
      const lim = cosmosLimits.multi;
      return done(
        settings('BoundedStaleness', { maxIntervalInSeconds: lim.minSeconds, maxStalenessPrefix: lim.minVersions }),
        'the tightest bounded staleness a multi-region account allows',
      );
    }
    return done(
      settings('Strong', { transactionalBatch: i.family === 'transactions' }),
      'Strong: every read sees the latest committed write (linearizable)',
    );
  };

  switch (i.family) {
    case 'transactions':
      unsupported.push(
        `${i.level.display}: transactions are atomic only within one logical ` +
          'partition (TransactionalBatch); keep data written together in one partition',
      );
      return strong('transactions');
    case 'total_order':
      if (i.level.name === 'sequential') notes.push('stronger than declared: Strong is linearizable');
      return strong('declared primaries');
    case 'regional':
      if (!multi) return strong('one region');
      unsupported.push(`${i.level.display}: Cosmos DB has no level that is strong inside each write region only`);
      return done(
        settings('Session'),
        'multiple write regions with Session: each client sees its own writes; other regions converge asynchronously',
      );
    case 'causal':
    case 'session':
      if (i.family === 'causal')
        notes.push('causal across clients: pass the session token along with the data to every client that reads it');
      notes.push('a session is its session token: share it between app instances that serve one user');
      return done(
        settings('Session'),
        'Session: within a session token, reads see its writes in ' +
          'order, monotonic reads and writes, writes-follow-reads',
      );
    case 'bounded':
      return bounded(i, settings, done, strong, notes, multi);
    case 'prefix':
      return done(settings('ConsistentPrefix'), 'Consistent Prefix: reads never see writes out of order');
    default:
      return done(settings('Eventual'), 'Eventual: replicas converge, reads may be stale');
  }
}

function bounded(
  i: DriverInput,
  settings: (l: CosmosLevel, e?: Partial<CosmosSettings>) => CosmosSettings,
  done: (s: CosmosSettings, reason: string) => DriverAdvice<CosmosSettings>,
  strong: (why: string) => DriverAdvice<CosmosSettings>,
  notes: string[],
  multi: boolean,
): DriverAdvice<CosmosSettings> {
  const lim = multi ? cosmosLimits.multi : cosmosLimits.single;
  const t = i.level.maxStalenessMs;
  const k = i.level.maxStalenessVersions;
  const seconds = t === undefined ? cosmosLimits.maxSeconds : Math.min(Math.floor(t / 1000), cosmosLimits.maxSeconds);
  const versions = k === undefined ? cosmosLimits.maxVersions : Math.min(Math.floor(k), cosmosLimits.maxVersions);
  if (seconds >= lim.minSeconds && versions >= lim.minVersions) {
    if (i.multiPrimary.length > 0)
      notes.push('bounded staleness with multiple write regions bounds each region against its own writes only');
    return done(
      settings('BoundedStaleness', { maxIntervalInSeconds: seconds, maxStalenessPrefix: versions }),
      `Bounded Staleness: reads lag writes by at most ${seconds} s or ${versions} ` +
        'versions, whichever is reached first, and never see writes out of order',
    );
  }
  const below =
    t !== undefined
      ? `${formatDuration(t)} is below the ${lim.minSeconds} s minimum`
      : `${k} versions is below the ${lim.minVersions}-version minimum`;
  notes.push(`stronger than declared: ${below} of a ${multi ? 'multi' : 'single'}-region account`);
  return strong(below);
}
