// Cassandra / ScyllaDB: read and write consistency levels (and the serial level for lightweight
// transactions) that give a data type's level, from the replicas each region (datacenter) holds.
import { formatDuration } from '../syntax/units';
import { declaredReads, declaredWrites, majority, type DriverAdvice, type DriverInput } from './input';

export type CassandraLevel =
  | 'ONE'
  | 'TWO'
  | 'THREE'
  | 'QUORUM'
  | 'ALL'
  | 'LOCAL_ONE'
  | 'LOCAL_QUORUM'
  | 'EACH_QUORUM'
  | 'SERIAL'
  | 'LOCAL_SERIAL';

export interface CassandraSettings {
  /** For CREATE KEYSPACE … WITH replication = …; one datacenter per region. */
  keyspaceReplication: string;
  writeConsistency: CassandraLevel;
  readConsistency: CassandraLevel;
  /** Serial consistency of lightweight transactions (`IF …`), when they are used. */
  serialConsistency: 'SERIAL' | 'LOCAL_SERIAL' | null;
  /** Writes as lightweight transactions (Paxos): `INSERT … IF NOT EXISTS`, `UPDATE … IF …`. */
  lightweightTransactions: boolean;
  /** Sessions routed to their own region only (DC-aware policy with the local datacenter, no remote failover). */
  pinSessionsToRegion: boolean;
}

/** The consistency level that waits for `count` of `n` replicas: exact when one exists, else the next above. */
export function levelForCount(count: number, n: number): { level: CassandraLevel; exact: boolean } {
  if (count >= n) return { level: n === 1 ? 'ONE' : 'ALL', exact: count === n };
  if (count === majority(n)) return { level: 'QUORUM', exact: true };
  const named: [CassandraLevel, number][] = [
    ['ONE', 1],
    ['TWO', 2],
    ['THREE', 3],
    ['QUORUM', majority(n)],
    ['ALL', n],
  ];
  const fit = named.filter(([, k]) => k >= count).sort((a, b) => a[1] - b[1])[0];
  return { level: fit[0], exact: fit[1] === count };
}

export function cassandra(i: DriverInput): DriverAdvice<CassandraSettings> {
  const multi = i.regions.length > 1;
  const replicasPerRegion = i.regions.map((r) => `'${r.name}': ${r.replicas}`).join(', ');
  const keyspaceReplication = `{'class': 'NetworkTopologyStrategy', ${replicasPerRegion}}`;
  const notes: string[] = [...i.assumed];
  const unsupported: string[] = [];
  type Levels = Pick<CassandraSettings, 'writeConsistency' | 'readConsistency'>;
  const settings = (levels: Levels, extra: Partial<CassandraSettings> = {}): CassandraSettings => ({
    keyspaceReplication,
    ...levels,
    serialConsistency: null,
    lightweightTransactions: false,
    pinSessionsToRegion: false,
    ...extra,
  });
  const w = declaredWrites(i);
  const r = declaredReads(i);
  const overlap = w !== undefined && r !== undefined && w + r > i.n;
  const declaredLevels = () => {
    const wl = levelForCount(w!, i.n);
    const rl = levelForCount(r!, i.n);
    for (const [what, c, l] of [
      ['write', w!, wl],
      ['read', r!, rl],
    ] as const) {
      if (!l.exact)
        notes.push(`no consistency level waits for exactly ${c} of ${i.n} replicas; ${what}s use ${l.level}`);
    }
    return { writeConsistency: wl.level, readConsistency: rl.level };
  };

  if (i.family === 'transactions' || i.family === 'total_order') {
    const commit = w !== undefined && w > majority(i.n) ? levelForCount(w, i.n).level : 'QUORUM';
    if (w !== undefined && w < majority(i.n))
      notes.push(
        `the declared write quorum ${w} is below a majority of ${i.n}; Paxos commits at QUORUM (${majority(i.n)})`,
      );
    if (i.family === 'transactions') {
      unsupported.push(
        `${i.level.display}: lightweight transactions cover one partition; multi-partition ` +
          'transactions are not in a released Cassandra (keep the data written together in one partition)',
      );
    }
    if (i.level.name === 'sequential')
      notes.push(
        'stronger than declared: Cassandra orders conflicting writes only through Paxos, which is linearizable',
      );
    return {
      settings: settings(
        { writeConsistency: commit, readConsistency: 'SERIAL' },
        { serialConsistency: 'SERIAL', lightweightTransactions: true },
      ),
      reason:
        `Paxos over a majority of all ${i.n} replicas orders every write and SERIAL reads see the latest ` +
        'one; plain QUORUM reads and writes are not linearizable (timestamps decide concurrent writes)',
      notes,
      unsupported,
    };
  }
  if (i.family === 'regional') {
    return {
      settings: settings(
        { writeConsistency: 'LOCAL_QUORUM', readConsistency: 'LOCAL_SERIAL' },
        { serialConsistency: 'LOCAL_SERIAL', lightweightTransactions: true, pinSessionsToRegion: multi },
      ),
      reason:
        "Paxos among the replicas of the client's own region orders " +
        'its writes; other regions receive them asynchronously',
      notes: [
        ...notes,
        ...(multi
          ? [
              'clients of one region must not compare-and-set the same partition ' +
                'as clients of another (LOCAL_SERIAL runs Paxos per region)',
            ]
          : []),
      ],
      unsupported,
    };
  }
  if (overlap && i.family !== 'eventual') {
    return {
      settings: settings(declaredLevels()),
      reason:
        `the declared quorums overlap (${w} + ${r} > ${i.n}), so every ` +
        `read sees every completed write: enough for ${i.level.display}`,
      notes: [
        ...notes,
        'concurrent writes to one row are ordered by write timestamp: keep client ' +
          'clocks synchronised (drivers generate monotonic timestamps per client)',
      ],
      unsupported,
    };
  }
  if (i.family === 'eventual') {
    const levels: Levels = w !== undefined ? declaredLevels() : { writeConsistency: 'ONE', readConsistency: 'ONE' };
    const how =
      w !== undefined
        ? 'writes and reads wait for the declared replica counts'
        : 'one replica acknowledges writes and answers reads';
    return {
      settings: settings(levels),
      reason: `${how}; hinted handoff and read repair make replicas converge`,
      notes,
      unsupported,
    };
  }
  if (w !== undefined && !overlap && i.replication?.mode === 'async') {
    notes.push(
      `the declared \`replication async\` cannot give ${i.level.display}: writes wait for more replicas than it says`,
    );
  }
  // Session guarantees when sessions stay in their region; causal, bounded and prefix need every region.
  const everyRegion =
    multi &&
    (i.family !== 'session' || i.session.includes('monotonic_writes') || i.session.includes('writes_follow_reads'));
  const writeConsistency: CassandraLevel = everyRegion ? 'EACH_QUORUM' : 'LOCAL_QUORUM';
  const reason = everyRegion
    ? 'a write completes only once a majority of every region holds it, so a LOCAL_QUORUM ' +
      'read in any region sees every completed write and all writes before it'
    : multi
      ? "LOCAL_QUORUM writes and reads overlap inside the session's region " +
        "(R + W > the region's replicas), so a session sees its own writes in order"
      : `LOCAL_QUORUM writes and reads overlap (R + W > ${i.n}), so every read sees every completed write`;
  if (i.family === 'bounded') {
    const bound =
      i.level.maxStalenessMs !== undefined
        ? formatDuration(i.level.maxStalenessMs)
        : `${i.level.maxStalenessVersions} versions`;
    notes.push(
      'stronger than declared: Cassandra has no staleness bound; these ' +
        `settings read every completed write (staleness 0 ≤ ${bound})`,
    );
  }
  if (i.family === 'prefix')
    notes.push(
      'stronger than declared: reads at ONE can see rows out of write order; these settings read every completed write',
    );
  if (i.family === 'causal')
    notes.push('concurrent writes to one row are ordered by write timestamp: keep client clocks synchronised');
  return {
    settings: settings(
      { writeConsistency, readConsistency: 'LOCAL_QUORUM' },
      { pinSessionsToRegion: multi && !everyRegion },
    ),
    reason,
    notes: [
      ...notes,
      ...(multi && !everyRegion
        ? [
            'sessions must stay in one region: DC-aware load balancing ' +
              'with the local datacenter set and no remote failover',
          ]
        : []),
    ],
    unsupported,
  };
}
