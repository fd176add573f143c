import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quorumProbability } from '../../../server/src/core/estimate/availability';
import { estimateOf, india, near } from './helpers';

/** Brute force: every region up/down and every replica up/down, summing the probability of states with ≥ w up. */
function bruteForce(groups: number[], w: number, regionUp: number, replicaUp: number): number {
  const n = groups.reduce((a, b) => a + b, 0);
  let total = 0;
  for (let regions = 0; regions < 1 << groups.length; regions++) {
    for (let replicas = 0; replicas < 1 << n; replicas++) {
      let p = 1;
      let up = 0;
      let bit = 0;
      groups.forEach((g, i) => {
        const regionIsUp = (regions >> i) & 1;
        p *= regionIsUp ? regionUp : 1 - regionUp;
        for (let j = 0; j < g; j++, bit++) {
          const replicaIsUp = (replicas >> bit) & 1;
          p *= replicaIsUp ? replicaUp : 1 - replicaUp;
          if (regionIsUp && replicaIsUp) up++;
        }
      });
      if (up >= w) total += p;
    }
  }
  return total;
}

test('the DP over regions equals brute-force enumeration', () => {
  const cases: [number[], number, number, number][] = [
    [[3, 2, 2], 4, 0.9995, 0.999],
    [[3, 2, 2], 7, 0.9995, 0.999],
    [[3, 2, 2], 1, 0.9995, 0.999],
    [[1, 1, 1], 2, 0.99, 0.9],
    [[2, 2], 3, 0.95, 0.8],
    [[5], 3, 0.9, 0.7],
    [[1, 2, 3, 1], 5, 0.97, 0.85],
  ];
  for (const [groups, w, ru, pu] of cases)
    near(quorumProbability(groups, w, ru, pu), bruteForce(groups, w, ru, pu), 1e-12);
});

test('sync needs every region and every replica: 0.9995³ × 0.999⁷', () => {
  near(quorumProbability([3, 2, 2], 7, 0.9995, 0.999), 0.9995 ** 3 * 0.999 ** 7, 1e-12);
  const e = estimateOf(`${india}data a { consistency strong replication sync }`, 'a');
  near(e.availabilityPct, 100 * 0.9995 ** 3 * 0.999 ** 7, 1e-9);
  assert.equal(
    e.availability!.explanation,
    'sync replication needs all 7 replicas: 0.9995³ regions × 0.999⁷ replicas ≈ 99.15%',
  );
});

test('a majority quorum survives a whole region going down', () => {
  const e = estimateOf(`${india}data a { consistency strong }`, 'a');
  near(e.availabilityPct, 100 * bruteForce([3, 2, 2], 4, 0.9995, 0.999), 1e-9);
  assert.ok(e.availabilityPct > 99.999);
  assert.match(
    e.availability!.explanation,
    /^a majority quorum needs 4 of 7 replicas \(mumbai 3, delhi 2, chennai 2\); with each region up 99\.95% and each replica 99\.9%, P\(≥ 4 up\) ≈ 99\.999\d+%$/,
  );
});

test('the cloud profile uses its own uptime figures', () => {
  const e = estimateOf(`profile cloud-generic-2024\n${india}data a { consistency strong replication sync }`, 'a');
  near(e.availabilityPct, 100 * 0.9999 ** 3 * 0.995 ** 7, 1e-9);
});

test('a single replica has no redundancy', () => {
  const e = estimateOf('topology one { region mumbai { replicas 1 } }\ndata a { consistency strong }', 'a');
  near(e.availabilityPct, 100 * 0.9995 * 0.999, 1e-9);
  assert.equal(
    e.availability!.explanation,
    'a single replica, no redundancy: 0.9995 (its region) × 0.999 (the replica) ≈ 99.85%',
  );
});
