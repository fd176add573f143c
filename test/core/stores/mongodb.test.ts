// MongoDB settings: read/write concerns, read preference with maxStalenessSeconds, causal sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOUR, INDIA, settings } from './helpers';

test('strong: linearizable reads on the primary, majority journaled writes', () => {
  const m = settings(INDIA, 'consistency strong').mongodb;
  assert.deepEqual(m.settings, {
    readConcern: 'linearizable',
    writeConcern: { w: 'majority', j: true },
    readPreference: 'primary',
    maxStalenessSeconds: null,
    causalConsistency: false,
    transactions: false,
  });
  assert.deepEqual(m.unsupported, []);
});

test('a declared write quorum below a majority is raised for strong levels, kept for weak ones', () => {
  const strong = settings(INDIA, 'consistency strong replication quorum write 2 read 2').mongodb;
  assert.deepEqual(strong.settings.writeConcern, { w: 'majority', j: true });
  assert.ok(strong.notes.some((n) => /below a majority of 7/.test(n)));
  assert.deepEqual(
    settings(INDIA, 'consistency eventual replication quorum write 2 read 1').mongodb.settings.writeConcern,
    { w: 2, j: true },
  );
  assert.deepEqual(settings(INDIA, 'consistency eventual').mongodb.settings.writeConcern, { w: 1, j: false });
});

test('strict serializable: snapshot transactions, and the write-skew gap', () => {
  const m = settings(INDIA, 'consistency strict_serializable').mongodb;
  assert.equal(m.settings.readConcern, 'snapshot');
  assert.equal(m.settings.transactions, true);
  assert.match(m.unsupported[0], /snapshot isolation, not serializability/);
});

test('session and causal: causally consistent sessions with majority concerns, reading the nearest member', () => {
  for (const level of ['session', 'read_your_writes', 'causal']) {
    const s = settings(INDIA, `consistency ${level}`).mongodb.settings;
    assert.equal(s.causalConsistency, true, level);
    assert.equal(s.readConcern, 'majority');
    assert.deepEqual(s.writeConcern, { w: 'majority', j: true });
    assert.equal(s.readPreference, 'nearest');
  }
  assert.ok(settings(INDIA, 'consistency causal').mongodb.notes.some((n) => /advanceClusterTime/.test(n)));
});

test('bounded(T) within maxStalenessSeconds: secondaries up to T minus one heartbeat', () => {
  const m = settings(INDIA, 'consistency bounded(10min)').mongodb;
  assert.equal(m.settings.maxStalenessSeconds, 590);
  assert.equal(m.settings.readPreference, 'nearest');
  assert.deepEqual(m.unsupported, []);
});

test('bounded(2s) is below the 90 s minimum: the primary, stronger than declared', () => {
  const m = settings(INDIA, 'consistency bounded(2s)').mongodb;
  assert.equal(m.settings.readPreference, 'primary');
  assert.equal(m.settings.maxStalenessSeconds, null);
  assert.ok(m.notes.some((n) => /cannot go below 90 s/.test(n)));
  assert.deepEqual(m.unsupported, []);
});

test('one primary per replica set: several declared primaries are unsupported', () => {
  assert.match(settings(INDIA, 'consistency strong primary mumbai, delhi').mongodb.unsupported[0], /one primary/);
});

test('more than 7 replicas: majority counts voters', () => {
  assert.ok(settings(FOUR, 'consistency strong').mongodb.notes.some((n) => /at most 7 voting members/.test(n)));
});
