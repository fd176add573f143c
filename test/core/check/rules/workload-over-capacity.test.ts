import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectDiagnostic, expectNo } from '../../../helpers/check-text';

test('fires on a declared peak above what the level sustains', () => {
  const [d] = expectDiagnostic('data a { consistency strong <|workload peak 5000/s|> }', 'workload-over-capacity');
  assert.equal(
    d.message,
    'declared peak 5,000/s for `a` is above what strong sustains here: 1,200 ops/s per replica (Flipkart cart benchmark, strong, source L1900, see docs/sources.md#l1796); each read busies a read quorum of 2 of 3 replicas (1,800/s), writes go through the leader (1,200/s); at 50% reads ≈ 1,440 ops/s',
  );
});

test('fires on an average whose peak (× the profile factor) is above capacity', () => {
  const [d] = expectDiagnostic('data a { consistency strong <|workload 100M/day|> }', 'workload-over-capacity');
  assert.match(d.message, /^peak ≈ 2,315\/s \(average 1,157\/s × peak factor 2 of profile india-2024\) for `a`/);
});

test('stays quiet within capacity or without a workload', () => {
  expectNo('data a { consistency strong workload peak 1000/s }', 'workload-over-capacity');
  expectNo('data a { consistency eventual workload peak 5000/s }', 'workload-over-capacity');
  expectNo('data a { consistency strong }', 'workload-over-capacity');
});
