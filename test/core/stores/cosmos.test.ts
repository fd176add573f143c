// Cosmos DB settings: account and request consistency, bounded staleness K and T within the limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDIA, ONE_REGION, settings } from './helpers';

test('strong: Strong on the account and the request', () => {
  const c = settings(ONE_REGION, 'consistency strong').cosmos;
  assert.deepEqual(c.settings, {
    accountConsistency: 'Strong',
    requestConsistency: 'Strong',
    maxIntervalInSeconds: null,
    maxStalenessPrefix: null,
    multipleWriteLocations: false,
    transactionalBatch: false,
  });
  assert.deepEqual(c.unsupported, []);
});

test('strong with several write regions is unsupported: the tightest Bounded Staleness instead', () => {
  const c = settings(INDIA, 'consistency strong primary mumbai, delhi').cosmos;
  assert.equal(c.settings.accountConsistency, 'BoundedStaleness');
  assert.deepEqual(
    [c.settings.maxIntervalInSeconds, c.settings.maxStalenessPrefix, c.settings.multipleWriteLocations],
    [300, 100_000, true],
  );
  assert.match(c.unsupported[0], /Strong is not available with multiple write regions/);
});

test('bounded(T) above the minimum: T as maxIntervalInSeconds, K at its maximum', () => {
  const one = settings(ONE_REGION, 'consistency bounded(10s)').cosmos.settings;
  assert.deepEqual(
    [one.accountConsistency, one.maxIntervalInSeconds, one.maxStalenessPrefix],
    ['BoundedStaleness', 10, 1_000_000],
  );
  const multi = settings(INDIA, 'consistency bounded(10min)').cosmos.settings;
  assert.deepEqual([multi.accountConsistency, multi.maxIntervalInSeconds], ['BoundedStaleness', 600]);
});

test('bounded below the account minimum: Strong, stronger than declared', () => {
  const two = settings(ONE_REGION, 'consistency bounded(2s)').cosmos;
  assert.equal(two.settings.accountConsistency, 'Strong');
  assert.ok(two.notes.some((n) => /2 s is below the 5 s minimum of a single-region account/.test(n)));
  assert.equal(settings(INDIA, 'consistency bounded(2s)').cosmos.settings.accountConsistency, 'Strong');
  assert.equal(settings(ONE_REGION, 'consistency bounded(5 versions)').cosmos.settings.accountConsistency, 'Strong');
  const k = settings(ONE_REGION, 'consistency bounded(50 versions)').cosmos.settings;
  assert.deepEqual([k.maxStalenessPrefix, k.maxIntervalInSeconds], [50, 86_400]);
});

test('session, causal, prefix and eventual map to their Cosmos DB levels', () => {
  assert.equal(settings(INDIA, 'consistency session').cosmos.settings.requestConsistency, 'Session');
  const causal = settings(INDIA, 'consistency causal').cosmos;
  assert.equal(causal.settings.accountConsistency, 'Session');
  assert.ok(causal.notes.some((n) => /session token/.test(n)));
  assert.equal(settings(INDIA, 'consistency consistent_prefix').cosmos.settings.accountConsistency, 'ConsistentPrefix');
  assert.equal(settings(INDIA, 'consistency eventual').cosmos.settings.accountConsistency, 'Eventual');
});

test('regional across regions and cross-partition transactions are unsupported', () => {
  assert.match(settings(INDIA, 'consistency regional').cosmos.unsupported[0], /strong inside each write region/);
  const t = settings(ONE_REGION, 'consistency strict_serializable').cosmos;
  assert.equal(t.settings.transactionalBatch, true);
  assert.match(t.unsupported[0], /one logical partition/);
});
