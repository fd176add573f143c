// PostgreSQL with streaming replicas: synchronous_commit, synchronous_standby_names, where reads go, and
// how a session waits for its own writes on a standby (LSN tracking) to get read-your-writes.
import { formatDuration } from '../syntax/units';
import { declaredWrites, majority, type DriverAdvice, type DriverInput } from './input';

export interface PostgresLsnToken {
  /** On the primary, right after COMMIT: the session's token (a pg_lsn). */
  afterWrite: string;
  /** On a standby, after each read, when reads must be monotonic: raise the token to this. */
  afterRead: string | null;
  /** On a standby, before reading: poll until true (then read), or read the primary after a timeout. */
  waitOnStandby: string;
}

export interface PostgresSettings {
  synchronousCommit: 'local' | 'on';
  /** Standbys are named `<region>_<n>` (their application_name); the primary is `<primary region>_1`. */
  synchronousStandbyNames: string;
  primary: string;
  standbys: string[];
  readFrom: 'primary' | 'standby';
  defaultTransactionIsolation: 'read committed' | 'serializable';
  lsnToken: PostgresLsnToken | null;
  /** Bounded staleness: read a standby only while its replay lag is below this. */
  maxReplayLagMs: number | null;
  replayLagCheck: string | null;
}

export function postgres(i: DriverInput): DriverAdvice<PostgresSettings> {
  const primary = `${i.primaryRegion}_1`;
  const standbys = i.regions
    .flatMap((r) => Array.from({ length: r.replicas }, (_, k) => `${r.name}_${k + 1}`))
    .filter((s) => s !== primary);
  const notes: string[] = [...i.assumed];
  const unsupported: string[] = [];
  const strongish = i.family === 'transactions' || i.family === 'total_order' || i.family === 'regional';
  const w = declaredWrites(i) ?? (strongish ? majority(i.n) : 1);
  const k = Math.min(Math.max(0, w - 1), standbys.length);
  const base: PostgresSettings = {
    synchronousCommit: k > 0 ? 'on' : 'local',
    synchronousStandbyNames: k > 0 ? `ANY ${k} (${standbys.map((s) => `"${s}"`).join(', ')})` : '',
    primary,
    standbys,
    readFrom: 'standby',
    defaultTransactionIsolation: i.family === 'transactions' ? 'serializable' : 'read committed',
    lsnToken: null,
    maxReplayLagMs: null,
    replayLagCheck: null,
  };
  const durability =
    k > 0
      ? `commits wait until ${k} standby${k > 1 ? 's have' : ' has'} flushed them (${k + 1} of ${i.n} copies)`
      : 'commits do not wait for standbys';
  if (i.multiPrimary.length > 0) {
    unsupported.push(
      'streaming replication has one writable primary: the declared primaries ' +
        `${i.multiPrimary.join(', ')} cannot all take writes; writes go to ${i.primaryRegion}`,
    );
  }

  if (strongish) {
    if (i.family === 'regional' && i.regions.length > 1) {
      unsupported.push(
        `${i.level.display} wants a leader in every region; streaming replication ` +
          'has one primary (use one cluster per region, data partitioned by home ' +
          `region): these settings send every read and write to ${i.primaryRegion}`,
      );
    }
    if (i.level.name === 'sequential') notes.push('stronger than declared: reading the primary is linearizable');
    if (k === 0 && i.n > 1)
      notes.push(
        'the declared replication does not wait for standbys: commits acknowledged just before a failover can be lost',
      );
    return {
      settings: { ...base, readFrom: 'primary' },
      reason:
        'one primary orders every write and reads on it see every committed ' +
        `write${i.family === 'transactions' ? ' (serializable snapshot isolation on one server)' : ''}; ` +
        `${durability}, so a promoted standby keeps them`,
      notes,
      unsupported,
    };
  }
  if (i.family === 'causal' || i.family === 'session') {
    const ryw = i.session.includes('read_your_writes') || i.family === 'causal';
    const mr = i.session.includes('monotonic_reads') || i.family === 'causal';
    const lsnToken: PostgresLsnToken | null =
      ryw || mr
        ? {
            afterWrite: 'SELECT pg_current_wal_lsn()',
            afterRead: mr ? 'SELECT pg_last_wal_replay_lsn()' : null,
            waitOnStandby: 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn',
          }
        : null;
    notes.push(
      'alternative: synchronous_commit = remote_apply with every standby in synchronous_standby_names makes ' +
        'standby reads see each commit without waiting, but every commit then waits for the slowest standby',
    );
    if (i.family === 'causal')
      notes.push(
        'causal across clients: send the token with every message between ' +
          'clients; a reader waits for the largest token it has seen',
      );
    return {
      settings: { ...base, lsnToken },
      reason: lsnToken
        ? 'writes go to the one primary (so writes stay in session order); before ' +
          "reading a standby the session waits until it has replayed the session's " +
          `token (the WAL position of its last write${mr ? ' or read' : ''})`
        : 'writes go to the one primary, so they are ordered as each ' +
          'session made them; standbys replay them in that order',
      notes,
      unsupported,
    };
  }
  if (i.family === 'bounded') {
    if (i.level.maxStalenessMs === undefined) {
      notes.push(
        `stronger than declared: PostgreSQL measures lag in time or WAL bytes, not versions; reads go to the primary`,
      );
      return {
        settings: { ...base, readFrom: 'primary' },
        reason: 'reads on the primary see every committed write (staleness 0)',
        notes,
        unsupported,
      };
    }
    const t = Math.floor(i.level.maxStalenessMs);
    notes.push(
      'conservative: on an idle primary the check fails and reads ' +
        'go to the primary; primary and standby clocks must agree',
    );
    return {
      settings: {
        ...base,
        maxReplayLagMs: t,
        replayLagCheck:
          'SELECT COALESCE(now() - pg_last_xact_replay_timestamp() <= interval ' + `'${t} milliseconds', false)`,
      },
      reason:
        `a standby is read only while the last transaction it replayed committed less than ${formatDuration(t)} ` +
        'ago, else the read goes to the primary; standbys replay in commit order (consistent prefix)',
      notes,
      unsupported,
    };
  }
  return {
    settings: base,
    reason:
      "standbys replay the primary's WAL in commit order, so any standby gives " +
      `${i.family === 'prefix' ? 'a consistent prefix' : 'an eventually consistent (prefix) view'}; ${durability}`,
    notes,
    unsupported,
  };
}
