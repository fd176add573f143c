// Levels that are strong enough show none of what they promise; levels too weak for the load show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, india, modelOf, run } from './helpers';

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
    assert.ok(d.staleness.reads > 800, `${name}: ${d.staleness.reads} reads`);
    assert.equal(d.staleness.staleReads, 0, name);
    assert.deepEqual(d.violated, [], name);
    assert.deepEqual(
      d.checks.filter((c) => c.violations + c.fallbackViolations > 0),
      [],
      name,
    );
    assert.equal(d.availabilityPct, 100);
    assert.equal(
      d.visibility.every((v) => v.probability === 1),
      true,
    );
  }
  // Sync waits for the farthest replica (delhi↔chennai is not on the leader's path, mumbai↔delhi 45 ms is).
  assert.ok(by('sync_acct').write.latencyMs.p50 > 45, JSON.stringify(by('sync_acct').write.latencyMs));
});

const partition = { kind: 'partition' as const, sides: [['delhi'], ['mumbai', 'chennai']], atMs: 1000, forMs: 1000 };

test('a partition under prefer consistency: the minority side fails rather than read stale', () => {
  const { by } = run(strong, {
    data: ['consistent'],
    durationMs: 3000,
    keys: 10,
    load: { perSec: 2000, readsPct: 60 },
    faults: [partition],
  });
  const d = by('consistent');
  const [f] = d.faults;
  assert.equal(f.fault, 'partition delhi | mumbai, chennai at 1s for 1s');
  const delhi = f.regions.find((r) => r.region === 'delhi')!;
  const mumbai = f.regions.find((r) => r.region === 'mumbai')!;
  // Operations arriving in the window fail, but for a few that wait for a busy client until the partition heals.
  assert.ok(delhi.ops >= 30 && delhi.availabilityPct < 15, JSON.stringify(delhi));
  assert.equal(mumbai.availabilityPct, 100);
  assert.equal(d.staleness.staleReads, 0);
  assert.ok((d.read.errors.timeout ?? 0) > 0);
  assert.equal(d.read.degraded + d.write.degraded, 0);
});

test('the same partition under prefer availability: minority reads fall back and are stale; writes need the leader', () => {
  const { by } = run(strong, {
    data: ['available'],
    durationMs: 3000,
    keys: 10,
    load: { perSec: 2000, readsPct: 60 },
    faults: [partition],
  });
  const d = by('available');
  const delhi = d.faults[0].regions.find((r) => r.region === 'delhi')!;
  // Reads (60%) are answered by the fallback; a single leader's writes cannot be taken elsewhere.
  assert.ok(delhi.availabilityPct > 50 && delhi.availabilityPct < 70, JSON.stringify(delhi));
  assert.ok(d.read.degraded > 0 && d.write.degraded === 0, `${d.read.degraded} ${d.write.degraded}`);
  const stale = check(d, 'stale-reads');
  assert.ok(stale.fallbackViolations > 0 && stale.violations === 0, JSON.stringify(stale));
  assert.deepEqual(d.violated, [], 'what the fallback trades is judged apart from the promise');
});

const levels = modelOf(`${india}
data sess { topology india consistency session }
data ev   { topology india consistency eventual }
`);

test('session shows zero read-your-writes and monotonic violations; eventual under the same load shows some', () => {
  const sc = { durationMs: 3000, keys: 4, clients: { count: 30 }, load: { perSec: 3000, readsPct: 60 } };
  const sess = run(levels, { ...sc, data: ['sess'] }).by('sess');
  const ev = run(levels, { ...sc, data: ['ev'] }).by('ev');
  assert.ok(sess.staleness.reads > 3000 && ev.staleness.reads > 3000);
  const session = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads'];
  assert.deepEqual(
    session.map((c) => check(sess, c).violations),
    [0, 0, 0, 0],
  );
  assert.deepEqual(
    session.map((c) => check(sess, c).promised),
    [true, true, true, true],
  );
  assert.deepEqual(sess.violated, []);
  assert.ok(check(ev, 'read-your-writes').violations > 0, JSON.stringify(check(ev, 'read-your-writes')));
  assert.ok(check(ev, 'monotonic-reads').violations > 0);
  assert.match(
    check(ev, 'read-your-writes').witnesses[0].explanation,
    /which does not include the session's own write of \d+ to ev\/\d/,
  );
  assert.ok(ev.staleness.staleReads > 0);
  assert.deepEqual(ev.violated, [], 'eventual promises none of these');
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

test('concurrent writes at two primaries: last-writer-wins keeps one of them, merge sum counts every add', () => {
  const sc = { durationMs: 2000, keys: 3, load: { perSec: 1000, readsPct: 10 } };
  const lww = run(conflicts, { ...sc, data: ['lww'] }).by('lww');
  const sum = run(conflicts, { ...sc, data: ['sum'] }).by('sum');
  assert.ok(lww.write.ok > 1000 && sum.write.ok > 1000);
  assert.ok(lww.conflictsResolved > 0);
  assert.equal(
    lww.checks.some((c) => c.check === 'lost-updates'),
    false,
    'a register keeps one winner by design',
  );
  assert.equal(check(sum, 'lost-updates').violations, 0);
  assert.equal(check(sum, 'lost-updates').promised, true);
  assert.equal(sum.duplicates, 0);
  // Two primaries order writes independently: reads can see concurrent writes in different orders.
  assert.ok(check(lww, 'consistent-prefix').violations > 0);
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
  assert.equal(check(b, 'bounded').violations, 0);
  assert.equal(check(b, 'bounded').label, 'bounded(20ms)');
  assert.ok(ev.staleness.msBehind.max > 20, JSON.stringify(ev.staleness.msBehind));
  assert.ok(b.read.latencyMs.p99 > ev.read.latencyMs.p99, 'redirects to the leader cost latency');
});

test("a crash shorter than the election timeout: the leader's writes stop, no failover; another region catches up", () => {
  const crash = (region: string) => ({ kind: 'crash' as const, region, atMs: 1000, forMs: 1000 });
  const sc = { durationMs: 3000, keys: 10, load: { perSec: 1000, readsPct: 50 } };
  const leader = run(strong, { ...sc, data: ['consistent'], faults: [crash('mumbai')] }).by('consistent');
  // Writes need the leader; majority-quorum reads (4 of 7) are still served by delhi and chennai.
  assert.ok(
    leader.write.fail > 50 && leader.write.errors.timeout === leader.write.fail + leader.write.info,
    JSON.stringify(leader.write),
  );
  assert.equal(leader.read.fail, 0);
  assert.ok(leader.faults[0].availabilityPct < 70, JSON.stringify(leader.faults[0]));
  const other = run(strong, { ...sc, data: ['consistent'], faults: [crash('delhi')] }).by('consistent');
  const chennai = other.faults[0].regions.find((r) => r.region === 'chennai')!;
  assert.equal(chennai.availabilityPct, 100);
  assert.equal(other.staleness.staleReads, 0);
  assert.deepEqual(leader.elections, []);
  assert.equal(other.duplicates, 0);
});
