import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateOf, india, near } from './helpers';

test('eventual reads scale with replicas, writes do not: harmonic mix by read share', () => {
  const e = estimateOf(`${india}data a { consistency eventual workload 1M/day reads 80% }`, 'a');
  // 8,500/s per replica (Flipkart, L1901): reads 7 × 8,500 = 59,500/s; writes 8,500/s.
  near(e.capacity!.readPerSec, 59_500);
  near(e.capacity!.writePerSec, 8_500);
  near(e.capacityPerSec, 1 / (0.8 / 59_500 + 0.2 / 8_500));
});

test('consensus through the leader does not scale with replicas', () => {
  const e = estimateOf(`${india}data a { consistency linearizable replication sync workload 1M/day }`, 'a');
  near(e.capacityPerSec, 1_200);
});

test('the peak is the average × the profile factor unless declared', () => {
  const avg = estimateOf(`${india}data a { consistency eventual workload 864k/day }`, 'a');
  near(avg.workload!.avgPerSec, 10);
  near(avg.workload!.peakPerSec, 20);
  assert.equal(avg.workload!.peakDeclared, false);
  const declared = estimateOf(`${india}data a { consistency eventual workload peak 900/s }`, 'a');
  near(declared.workload!.peakPerSec, 900);
  near(declared.workload!.avgPerSec, 450);
});
