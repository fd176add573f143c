// Cassandra / ScyllaDB settings: consistency levels from replicas per region, LWT for linearizability.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelForCount } from '../../../server/src/core/stores/cassandra';
import { INDIA, ONE_REGION, settings } from './helpers';

test('counts map to the consistency level that waits for them', () => {
  assert.deepEqual(levelForCount(4, 7), { level: 'QUORUM', exact: true });
  assert.deepEqual(levelForCount(2, 3), { level: 'QUORUM', exact: true });
  assert.deepEqual(levelForCount(7, 7), { level: 'ALL', exact: true });
  assert.deepEqual(levelForCount(1, 1), { level: 'ONE', exact: true });
  assert.deepEqual(levelForCount(2, 7), { level: 'TWO', exact: true });
  assert.deepEqual(levelForCount(5, 7), { level: 'ALL', exact: false });
});

test('strong: lightweight transactions at SERIAL over all regions, commit at QUORUM', () => {
  const c = settings(INDIA, 'consistency strong').cassandra;
  assert.deepEqual(c.settings, {
    keyspaceReplication: "{'class': 'NetworkTopologyStrategy', 'mumbai': 3, 'delhi': 2, 'chennai': 2}",
    writeConsistency: 'QUORUM',
    readConsistency: 'SERIAL',
    serialConsistency: 'SERIAL',
    lightweightTransactions: true,
    pinSessionsToRegion: false,
  });
  assert.match(c.reason, /Paxos over a majority of all 7 replicas/);
  assert.deepEqual(c.unsupported, []);
});

test('strong with synchronous replication commits at ALL', () => {
  assert.equal(settings(INDIA, 'consistency strong replication sync').cassandra.settings.writeConsistency, 'ALL');
});

test('regional: LOCAL_QUORUM writes, LOCAL_SERIAL reads and compare-and-set, sessions pinned', () => {
  const s = settings(INDIA, 'consistency regional').cassandra.settings;
  assert.equal(s.writeConsistency, 'LOCAL_QUORUM');
  assert.equal(s.readConsistency, 'LOCAL_SERIAL');
  assert.equal(s.serialConsistency, 'LOCAL_SERIAL');
  assert.equal(s.pinSessionsToRegion, true);
});

test('read-your-writes and monotonic reads: LOCAL_QUORUM both ways in the session’s region', () => {
  const c = settings(INDIA, 'consistency session(read_your_writes, monotonic_reads)').cassandra;
  assert.equal(c.settings.writeConsistency, 'LOCAL_QUORUM');
  assert.equal(c.settings.readConsistency, 'LOCAL_QUORUM');
  assert.equal(c.settings.pinSessionsToRegion, true);
  assert.ok(c.notes.some((n) => /sessions must stay in one region/.test(n)));
});

test('monotonic writes across regions need EACH_QUORUM writes', () => {
  for (const level of ['session', 'causal']) {
    const s = settings(INDIA, `consistency ${level}`).cassandra.settings;
    assert.equal(s.writeConsistency, 'EACH_QUORUM', level);
    assert.equal(s.readConsistency, 'LOCAL_QUORUM', level);
    assert.equal(s.pinSessionsToRegion, false);
  }
});

test('one region: LOCAL_QUORUM both ways gives causal', () => {
  const c = settings(ONE_REGION, 'consistency causal').cassandra;
  assert.equal(c.settings.writeConsistency, 'LOCAL_QUORUM');
  assert.equal(c.settings.pinSessionsToRegion, false);
  assert.match(c.reason, /R \+ W > 3/);
});

test('declared overlapping quorums are used as written', () => {
  const c = settings(INDIA, 'consistency session replication quorum write 4 read 4').cassandra;
  assert.equal(c.settings.writeConsistency, 'QUORUM');
  assert.equal(c.settings.readConsistency, 'QUORUM');
  assert.match(c.reason, /4 \+ 4 > 7/);
});

test('eventual: ONE, or the declared counts', () => {
  assert.equal(settings(INDIA, 'consistency eventual').cassandra.settings.writeConsistency, 'ONE');
  const s = settings(INDIA, 'consistency eventual replication quorum write 2 read 1').cassandra.settings;
  assert.deepEqual([s.writeConsistency, s.readConsistency], ['TWO', 'ONE']);
});

test('bounded staleness is over-provisioned (a note), multi-partition transactions are unsupported', () => {
  const b = settings(INDIA, 'consistency bounded(2s)').cassandra;
  assert.deepEqual(b.unsupported, []);
  assert.ok(b.notes.some((n) => /no staleness bound/.test(n) && /2 s/.test(n)));
  const t = settings(INDIA, 'consistency strict_serializable').cassandra;
  assert.equal(t.unsupported.length, 1);
  assert.match(t.unsupported[0], /one partition/);
});
