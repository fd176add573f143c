// PostgreSQL settings: synchronous_commit / synchronous_standby_names from the replication, reads on the
// primary for strong levels, LSN waiting on standbys for session levels, replay-lag checks for bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDIA, ONE_REGION, settings } from './helpers';

const standbys = ['mumbai_2', 'mumbai_3', 'delhi_1', 'delhi_2', 'chennai_1', 'chennai_2'];

test('strong: every read on the primary; commits wait for a majority of copies', () => {
  const p = settings(INDIA, 'consistency strong').postgres;
  assert.deepEqual(p.settings, {
    synchronousCommit: 'on',
    synchronousStandbyNames: 'ANY 3 ("mumbai_2", "mumbai_3", "delhi_1", "delhi_2", "chennai_1", "chennai_2")',
    primary: 'mumbai_1',
    standbys,
    readFrom: 'primary',
    defaultTransactionIsolation: 'read committed',
    lsnToken: null,
    maxReplayLagMs: null,
    replayLagCheck: null,
  });
  assert.match(p.reason, /3 standbys have flushed them \(4 of 7 copies\)/);
  assert.deepEqual(p.unsupported, []);
});

test('declared replication sets the synchronous standbys: sync → all, quorum → W − 1, async → none', () => {
  assert.match(
    settings(INDIA, 'consistency strong replication sync').postgres.settings.synchronousStandbyNames,
    /^ANY 6 /,
  );
  assert.match(
    settings(INDIA, 'consistency strong replication quorum write 3 read 5').postgres.settings.synchronousStandbyNames,
    /^ANY 2 /,
  );
  const async = settings(INDIA, 'consistency strong replication async').postgres;
  assert.equal(async.settings.synchronousCommit, 'local');
  assert.equal(async.settings.synchronousStandbyNames, '');
  assert.ok(async.notes.some((n) => /can be lost/.test(n)));
});

test('strict serializable: serializable isolation on the primary', () => {
  assert.equal(
    settings(ONE_REGION, 'consistency strict_serializable').postgres.settings.defaultTransactionIsolation,
    'serializable',
  );
});

test('read-your-writes: standby reads after waiting for the session’s commit LSN', () => {
  const p = settings(INDIA, 'consistency read_your_writes').postgres;
  assert.equal(p.settings.readFrom, 'standby');
  assert.equal(p.settings.synchronousCommit, 'local');
  assert.deepEqual(p.settings.lsnToken, {
    afterWrite: 'SELECT pg_current_wal_lsn()',
    afterRead: null,
    waitOnStandby: 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn',
  });
  assert.match(p.reason, /waits until it has replayed the session's token/);
});

test('session: the token also rises with every read (monotonic reads)', () => {
  assert.equal(
    settings(INDIA, 'consistency session').postgres.settings.lsnToken?.afterRead,
    'SELECT pg_last_wal_replay_lsn()',
  );
});

test('monotonic writes alone need no token: one primary orders the writes', () => {
  const p = settings(INDIA, 'consistency monotonic_writes').postgres;
  assert.equal(p.settings.lsnToken, null);
  assert.equal(p.settings.readFrom, 'standby');
});

test('bounded(T): a standby only while its replay lag is under T', () => {
  const p = settings(INDIA, 'consistency bounded(2s)').postgres;
  assert.equal(p.settings.maxReplayLagMs, 2000);
  assert.equal(
    p.settings.replayLagCheck,
    "SELECT COALESCE(now() - pg_last_xact_replay_timestamp() <= interval '2000 milliseconds', false)",
  );
  const versions = settings(INDIA, 'consistency bounded(5 versions)').postgres;
  assert.equal(versions.settings.readFrom, 'primary');
  assert.deepEqual(versions.unsupported, []);
});

test('eventual and consistent prefix read any standby', () => {
  for (const level of ['eventual', 'consistent_prefix']) {
    const p = settings(INDIA, `consistency ${level}`).postgres;
    assert.equal(p.settings.readFrom, 'standby');
    assert.equal(p.settings.synchronousStandbyNames, '');
  }
});

test('unsupported: several writable primaries, and regional leaders across regions', () => {
  const multi = settings(INDIA, 'consistency strong primary mumbai, delhi').postgres;
  assert.deepEqual(multi.unsupported, [
    'streaming replication has one writable primary: the declared primaries mumbai, delhi cannot all take writes; writes go to mumbai',
  ]);
  assert.equal(settings(INDIA, 'consistency regional').postgres.unsupported.length, 1);
  assert.deepEqual(settings(ONE_REGION, 'consistency regional').postgres.unsupported, []);
});

test('no topology: one assumed region of three replicas, said in the notes', () => {
  const p = settings('', 'consistency strong').postgres;
  assert.equal(p.settings.primary, 'local_1');
  assert.deepEqual(p.settings.standbys, ['local_2', 'local_3']);
  assert.ok(p.notes.some((n) => /no topology/.test(n)));
});
