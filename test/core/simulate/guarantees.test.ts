// Levels that are strong enough show none of what they promise; levels too weak for the load show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { india, modelOf, run } from './helpers';

const strong = modelOf(`${india}
data sync_acct   { topology india consistency strong replication sync conflict abort }
data quorum_acct { topology india consistency strong replication quorum write 4 read 4 conflict abort }
data consistent  { topology india consistency strong partition prefer consistency }
data available   { topology india consistency strong partition prefer availability }
`);

test('sync and quorum strong without faults: zero stale reads and no promise broken', () => {
  const { by } = run(strong, { data: ['sync_acct', 'quorum_acct'], keys: 10, load: { perSec: 2000, readsPct: 50 } });
  for (const name of ['sync_acct', 'quorum_acct']) {
    const d = by(name);
    assert.ok(d.anomalies.reads > 800, `${name}: ${d.anomalies.reads} reads`);
    assert.equal(d.staleness.staleReads, 0, name);
    assert.deepEqual(d.anomalies.violated, [], name);
    assert.deepEqual(d.anomalies.counts, { staleReads: 0, readYourWrites: 0, monotonicReads: 0, monotonicWrites: 0, writesFollowReads: 0, lostUpdates: 0 });
    assert.equal(d.availabilityPct, 100);
    assert.equal(d.visibility.every((v) => v.probability === 1), true);
  }
  // Sync waits for the farthest replica (delhi↔chennai is not on the leader's path, mumbai↔delhi 45 ms is).
  assert.ok(by('sync_acct').write.latencyMs.p50 > 45, JSON.stringify(by('sync_acct').write.latencyMs));
});

const partition = { kind: 'partition' as const, sides: [['delhi'], ['mumbai', 'chennai']], atMs: 1000, forMs: 1000 };

test('a partition under prefer consistency: the minority side fails rather than read stale', () => {
  const { by } = run(strong, { data: ['consistent'], durationMs: 3000, keys: 10, load: { perSec: 2000, readsPct: 60 }, faults: [partition] });
  const d = by('consistent');
  const [f] = d.faults;
  assert.equal(f.fault, 'partition delhi | mumbai, chennai at 1s for 1s');
  const delhi = f.regions.find((r) => r.region === 'delhi')!;
  const mumbai = f.regions.find((r) => r.region === 'mumbai')!;
  assert.ok(delhi.ops >= 30, JSON.stringify(delhi)); // each delhi client waits out its timeout, one operation at a time
  assert.equal(delhi.ok, 0, JSON.stringify(delhi));
  assert.equal(delhi.availabilityPct, 0);
  assert.equal(mumbai.availabilityPct, 100);
  assert.equal(d.staleness.staleReads, 0);
  assert.ok((d.read.errors.timeout ?? 0) > 0);
  assert.equal(d.read.degraded + d.write.degraded, 0);
});

test('the same partition under prefer availability: the minority is served, degraded, and reads stale', () => {
  const { by } = run(strong, { data: ['available'], durationMs: 3000, keys: 10, load: { perSec: 2000, readsPct: 60 }, faults: [partition] });
  const d = by('available');
  const delhi = d.faults[0].regions.find((r) => r.region === 'delhi')!;
  assert.ok(delhi.availabilityPct > 95, JSON.stringify(delhi));
  assert.ok(d.read.degraded > 0 && d.write.degraded > 0);
  assert.ok(d.staleness.staleReads > 0);
  assert.ok(d.anomalies.violated.includes('staleReads'));
});

const levels = modelOf(`${india}
data sess { topology india consistency session }
data ev   { topology india consistency eventual }
`);

test('session shows zero read-your-writes and monotonic violations; eventual under the same load shows some', () => {
  const sc = { durationMs: 3000, keys: 4, clients: { count: 30 }, load: { perSec: 3000, readsPct: 60 } };
  const sess = run(levels, { ...sc, data: ['sess'] }).by('sess');
  const ev = run(levels, { ...sc, data: ['ev'] }).by('ev');
  assert.ok(sess.anomalies.reads > 3000 && ev.anomalies.reads > 3000);
  const c = sess.anomalies.counts;
  assert.deepEqual([c.readYourWrites, c.monotonicReads, c.monotonicWrites, c.writesFollowReads], [0, 0, 0, 0], JSON.stringify(c));
  assert.deepEqual(sess.anomalies.violated, []);
  assert.ok(ev.anomalies.counts.readYourWrites > 0, JSON.stringify(ev.anomalies.counts));
  assert.ok(ev.anomalies.counts.monotonicReads > 0, JSON.stringify(ev.anomalies.counts));
  assert.ok(ev.staleness.staleReads > 0);
  assert.deepEqual(ev.anomalies.violated, [], 'eventual promises none of these');
});

const twoPrimaries = `topology two {
  region mumbai { replicas 2 primary }
  region delhi  { replicas 2 primary }
  link mumbai <-> delhi 45ms
}
`;
const conflicts = modelOf(`${twoPrimaries}
data lww { topology two consistency eventual replication async conflict last_writer_wins }
data sum { topology two consistency eventual replication async conflict merge sum }
`);

test('concurrent increments at two primaries: last-writer-wins loses some, merge sum loses none', () => {
  const sc = { durationMs: 2000, keys: 3, load: { perSec: 1000, readsPct: 10 } };
  const lww = run(conflicts, { ...sc, data: ['lww'] }).by('lww');
  const sum = run(conflicts, { ...sc, data: ['sum'] }).by('sum');
  assert.ok(lww.write.ok > 1000 && sum.write.ok > 1000);
  assert.ok(lww.anomalies.counts.lostUpdates > 0, JSON.stringify(lww.anomalies.counts));
  assert.ok(lww.conflictsResolved > 0);
  assert.equal(sum.anomalies.counts.lostUpdates, 0);
  assert.equal(sum.duplicates, 0);
  assert.equal(sum.anomalies.promised.lostUpdates, true);
  assert.equal(lww.anomalies.promised.lostUpdates, false);
});

const bounded = modelOf(`${india}
data b  { topology india consistency bounded(20ms) }
data ev { topology india consistency eventual }
`);

test('bounded(20ms): no read is 20 ms or more behind; eventual under the same load is', () => {
  const sc = { durationMs: 3000, keys: 4, clients: { count: 60 }, load: { perSec: 2000, readsPct: 60 } };
  const b = run(bounded, { ...sc, data: ['b'] }).by('b');
  const ev = run(bounded, { ...sc, data: ['ev'] }).by('ev');
  assert.ok(b.staleness.reads > 2000);
  assert.ok(b.staleness.msBehind.max < 20, JSON.stringify(b.staleness.msBehind));
  assert.ok(ev.staleness.msBehind.max > 20, JSON.stringify(ev.staleness.msBehind));
  assert.ok(b.read.latencyMs.p99 > ev.read.latencyMs.p99, 'redirects to the leader cost latency');
});

test("a crashed region: the leader's region stops strong writes; another region is caught up after it recovers", () => {
  const crash = (region: string) => ({ kind: 'crash' as const, region, atMs: 1000, forMs: 1000 });
  const sc = { durationMs: 3000, keys: 10, load: { perSec: 1000, readsPct: 50 } };
  const leader = run(strong, { ...sc, data: ['consistent'], faults: [crash('mumbai')] }).by('consistent');
  // Writes need the leader; majority-quorum reads (4 of 7) are still served by delhi and chennai.
  assert.ok(leader.write.fail > 50 && leader.write.errors.timeout === leader.write.fail + leader.write.info, JSON.stringify(leader.write));
  assert.equal(leader.read.fail, 0);
  assert.ok(leader.faults[0].availabilityPct < 70, JSON.stringify(leader.faults[0]));
  const other = run(strong, { ...sc, data: ['consistent'], faults: [crash('delhi')] }).by('consistent');
  const chennai = other.faults[0].regions.find((r) => r.region === 'chennai')!;
  assert.equal(chennai.availabilityPct, 100);
  assert.equal(other.staleness.staleReads, 0);
  assert.equal(other.anomalies.counts.lostUpdates, 0);
  assert.equal(other.duplicates, 0);
});
