// MongoDB replica sets: readConcern, writeConcern, readPreference (with maxStalenessSeconds) and causally
// consistent sessions that give a data type's level.
import { formatDuration } from '../syntax/units';
import { declaredWrites, majority, type DriverAdvice, type DriverInput } from './input';

export interface MongoSettings {
  readConcern: 'local' | 'majority' | 'linearizable' | 'snapshot';
  writeConcern: { w: number | 'majority'; j: boolean };
  readPreference: 'primary' | 'secondaryPreferred' | 'nearest';
  maxStalenessSeconds: number | null;
  causalConsistency: boolean;
  /** Multi-document transactions (session.withTransaction). */
  transactions: boolean;
}

/** The driver refuses smaller values (MongoDB's smallest maxStalenessSeconds). */
export const smallestMaxStalenessSeconds = 90;
/** Staleness is estimated from heartbeats; an estimate can be this far behind (default heartbeatFrequencyMS 10 s). */
export const heartbeatSeconds = 10;

export function mongodb(i: DriverInput): DriverAdvice<MongoSettings> {
  const notes: string[] = [...i.assumed];
  const unsupported: string[] = [];
  const w = declaredWrites(i);
  const maj = majority(i.n);
  /** The write concern the declared replication asks for, raised to a majority when the level needs one. */
  const writeConcern = (needMajority: boolean): MongoSettings['writeConcern'] => {
    if (w === undefined) return needMajority ? { w: 'majority', j: true } : { w: 1, j: false };
    if (needMajority && w < maj) {
      notes.push(`the declared write quorum ${w} is below a majority of ${i.n}: writes use w: "majority"`);
      return { w: 'majority', j: true };
    }
    return { w: w === maj ? 'majority' : w, j: needMajority || w > 1 };
  };
  if (i.n > 7)
    notes.push(`a replica set has at most 7 voting members: "majority" counts voters, not all ${i.n} replicas`);
  if (i.multiPrimary.length > 0) {
    unsupported.push(
      `a replica set has one primary: the declared primaries ${i.multiPrimary.join(', ')} cannot ` +
        'all take writes (per-region primaries need a sharded cluster with a zone per region)',
    );
  }
  const settings = (
    core: Pick<MongoSettings, 'readConcern' | 'writeConcern' | 'readPreference'>,
    extra: Partial<MongoSettings> = {},
  ): MongoSettings => ({
    ...core,
    maxStalenessSeconds: null,
    causalConsistency: false,
    transactions: false,
    ...extra,
  });

  if (i.family === 'transactions' || i.family === 'total_order' || i.family === 'regional') {
    if (i.family === 'transactions') {
      unsupported.push(
        `${i.level.display}: multi-document transactions give snapshot isolation, not ` +
          'serializability (write skew); make every transaction write a document it reads',
      );
    }
    if (i.family === 'regional' && i.regions.length > 1) {
      unsupported.push(
        `${i.level.display} wants a primary in every region: one replica set has one (use a sharded ` +
          `cluster with a zone per region); these settings read and write at ${i.primaryRegion}`,
      );
    }
    if (i.level.name === 'sequential') notes.push('stronger than declared: linearizable reads');
    if (i.family !== 'transactions')
      notes.push('readConcern "linearizable" applies to reads of one document; give such reads a maxTimeMS');
    return {
      settings: settings(
        {
          readConcern: i.family === 'transactions' ? 'snapshot' : 'linearizable',
          writeConcern: writeConcern(true),
          readPreference: 'primary',
        },
        { transactions: i.family === 'transactions' },
      ),
      reason:
        'writes acknowledged by a majority survive any failover and ' +
        (i.family === 'transactions'
          ? 'transactions read a majority-committed snapshot'
          : 'linearizable reads on the primary confirm it is still primary before answering'),
      notes,
      unsupported,
    };
  }
  if (i.family === 'causal' || i.family === 'session') {
    if (i.family === 'causal')
      notes.push(
        'causal across clients: pass operationTime and clusterTime ' +
          'between sessions (advanceOperationTime / advanceClusterTime)',
      );
    return {
      settings: settings(
        { readConcern: 'majority', writeConcern: writeConcern(true), readPreference: 'nearest' },
        { causalConsistency: true },
      ),
      reason:
        'a causally consistent session with majority read and write concern gives read-your-writes, monotonic ' +
        'reads and writes, and writes-follow-reads, even when it reads secondaries and across failovers',
      notes,
      unsupported,
    };
  }
  if (i.family === 'bounded') {
    const t = i.level.maxStalenessMs;
    const seconds = t === undefined ? undefined : Math.floor(t / 1000) - heartbeatSeconds;
    if (seconds !== undefined && seconds >= smallestMaxStalenessSeconds) {
      return {
        settings: settings(
          { readConcern: 'majority', writeConcern: writeConcern(false), readPreference: 'nearest' },
          { maxStalenessSeconds: seconds },
        ),
        reason:
          `reads skip secondaries estimated more than ${seconds} s behind the primary; estimates lag by ` +
          `up to one heartbeat (${heartbeatSeconds} s), so staleness stays within ${formatDuration(t!)}`,
        notes,
        unsupported,
      };
    }
    const why =
      t === undefined
        ? 'MongoDB bounds staleness in seconds, not versions'
        : `maxStalenessSeconds cannot go below ${smallestMaxStalenessSeconds} s (plus ` +
          `a ${heartbeatSeconds} s heartbeat margin), above ${formatDuration(t)}`;
    notes.push(`stronger than declared: ${why}; reads go to the primary`);
    return {
      settings: settings({ readConcern: 'majority', writeConcern: writeConcern(false), readPreference: 'primary' }),
      reason: 'reads on the primary see every majority-committed write',
      notes,
      unsupported,
    };
  }
  if (i.family === 'prefix') {
    return {
      settings: settings({ readConcern: 'majority', writeConcern: writeConcern(false), readPreference: 'nearest' }),
      reason:
        'secondaries apply the oplog in order and majority reads never see a write ' +
        'that is later rolled back, so every read is a prefix of the write order',
      notes,
      unsupported,
    };
  }
  return {
    settings: settings({ readConcern: 'local', writeConcern: writeConcern(false), readPreference: 'nearest' }),
    reason: 'reads go to the nearest member; secondaries converge by replaying the oplog',
    notes,
    unsupported,
  };
}
