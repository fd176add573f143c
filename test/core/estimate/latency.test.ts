import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceAt, zAt } from '../../../server/src/core/estimate/percentile';
import { estimateOf, india, near } from './helpers';

const Z95 = 1.6448536;
const Z99 = 2.3263479;

test('z at the usual percentiles follows the normal distribution', () => {
  near(zAt(50), 0);
  near(zAt('avg'), 0);
  near(zAt(95), Z95, 1e-6);
  near(zAt(99), Z99, 1e-6);
  near(zAt(99.9), 3.0902323, 1e-6);
});

test('service time passes through the profile figures and keeps rising past p99', () => {
  const s = { p50: 22.5, p95: 45, p99: 90 };
  near(serviceAt(s, 50), 22.5);
  near(serviceAt(s, 95), 45);
  near(serviceAt(s, 99), 90);
  assert.ok(serviceAt(s, 99.9) > 90);
});

test('strong writes wait for the leader and the 4th of 7 acks (majority assumed), per client region', () => {
  const e = estimateOf(`${india}data a { consistency strong }`, 'a');
  // Leader mumbai; acks from mumbai: 0, 1, 1, 35, 35, 45, 45 → 4th = 35 ms (chennai).
  // Round trips: mumbai 1 + 35 = 36; delhi 45 + 35 = 80 (jitter 5); chennai 35 + 35 = 70.
  assert.deepEqual(
    e.writePlan!.trips.map((t) => [t.client, t.rttMs, t.jitterMs]),
    [
      ['mumbai', 36, 0],
      ['delhi', 80, 5],
      ['chennai', 70, 0],
    ],
  );
  near(e.write.p50, (36 + 80 + 70) / 3 + 22.5); // mean of the regions' medians + strong p50 service
  near(e.write.p95, 80 + Z95 * 5 + 45, 1e-4); // worst region (delhi)
  near(e.write.p99, 80 + Z99 * 5 + 90, 1e-4);
  assert.equal(e.writePlan!.needs, 'need a majority quorum (4 of 7) led from mumbai');
  assert.ok(e.assumptions.some((a) => a.startsWith('replication assumed: majority quorum')));
});

test('strong reads use the read quorum from the client: the 4th fastest reply', () => {
  const e = estimateOf(`${india}data a { consistency strong }`, 'a');
  // mumbai: 1,1,1,35 → 35; delhi: 1,1,45,45 → 45 (jitter 5); chennai: 1,1,35,35 → 35.
  assert.deepEqual(
    e.readPlan!.trips.map((t) => t.rttMs),
    [35, 45, 35],
  );
  near(e.read.p50, (35 + 45 + 35) / 3 + 22.5);
  near(e.read.p99, 45 + Z99 * 5 + 90, 1e-4);
});

test('sync replication waits for all replicas; linearizable reads without a read quorum go to the leader', () => {
  const e = estimateOf(`${india}data a { consistency linearizable replication sync }`, 'a');
  // The 7th ack from mumbai is delhi's (45 ms): mumbai 46, delhi 90, chennai 80.
  assert.deepEqual(
    e.writePlan!.trips.map((t) => t.rttMs),
    [46, 90, 80],
  );
  assert.deepEqual(
    e.readPlan!.trips.map((t) => t.rttMs),
    [1, 45, 35],
  );
  assert.equal(e.replicationLagMs, 0);
});

test('eventual: writes go to the leader, reads are local; lag is the one-way delay to the farthest replica + apply', () => {
  const e = estimateOf(`${india}data a { consistency eventual }`, 'a');
  assert.deepEqual(
    e.writePlan!.trips.map((t) => t.rttMs),
    [1, 45, 35],
  );
  near(e.read.p50, 1 + 6);
  near(e.read.p99, 1 + 24);
  // Farthest from mumbai at p99: delhi, (45 + 2.326 × 5) / 2 ≈ 28.3 ms, + 24 ms apply.
  near(e.replicationLagMs, (45 + Z99 * 5) / 2 + 24, 1e-4);
  assert.equal(e.lag!.to, 'delhi');
});

test('without a primary the leader is the region with the lowest mean write round trip', () => {
  const e = estimateOf(india.replace(' primary', '') + 'data a { consistency strong }', 'a');
  // Means: mumbai (36+80+70)/3 = 62; delhi (90+46+110)/3 = 82; chennai (70+100+36)/3 ≈ 68.7.
  assert.deepEqual(e.leaders, ['mumbai']);
  assert.ok(e.assumptions.some((a) => a.includes('lowest mean write round trip')));
});

test('a declared primary moves the leader', () => {
  const e = estimateOf(`${india}data a { consistency strong primary chennai }`, 'a');
  assert.deepEqual(e.leaders, ['chennai']);
  // Acks from chennai: 0, 1, 35, 35, 35, 65, 65 → 4th = 35. Delhi: 65 + 35.
  assert.equal(e.writePlan!.trips.find((t) => t.client === 'delhi')!.rttMs, 100);
});

test('no topology: one region with the calculator default replicas, said so', () => {
  const e = estimateOf('data a { consistency strong }', 'a');
  // 3 replicas, majority 2: leader + one intra-region ack (1 ms); the client is in the region (1 ms).
  assert.deepEqual(
    e.writePlan!.trips.map((t) => t.rttMs),
    [2],
  );
  near(e.write.p50, 2 + 22.5);
  assert.ok(e.assumptions.some((a) => a.startsWith('no topology: one region holding 3 replicas')));
});

test('multi-primary: each client writes to the nearest primary', () => {
  const e = estimateOf(`${india}data a { consistency eventual primary mumbai, delhi }`, 'a');
  assert.deepEqual(e.leaders, ['mumbai', 'delhi']);
  // async: mumbai → mumbai 1, delhi → delhi 1, chennai → mumbai 35 (nearer than delhi's 65).
  assert.deepEqual(
    e.writePlan!.trips.map((t) => t.rttMs),
    [1, 1, 35],
  );
});

test('regional: writes stay inside the client region; lag is the farthest pair of regions', () => {
  const e = estimateOf(`${india}data a { consistency regional }`, 'a');
  // Majority inside each region: mumbai 2 of 3, delhi 2 of 2, chennai 2 of 2 → one intra-region ack each.
  assert.deepEqual(
    e.writePlan!.trips.map((t) => t.rttMs),
    [2, 2, 2],
  );
  // Farthest pair at p99: chennai↔delhi 65 ms / 2 = 32.5 ms (beats mumbai↔delhi (45 + 11.6) / 2), + 24 ms.
  near(e.replicationLagMs, 32.5 + 24);
});
