// DynamoDB settings: ConsistentRead, transactions, global tables (MREC / MRSC) and their limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOUR, INDIA, ONE_REGION, settings } from './helpers';

test('strong in one Region: strongly consistent reads and conditional writes', () => {
  const d = settings(ONE_REGION, 'consistency strong').dynamodb;
  assert.deepEqual(d.settings, {
    consistentRead: true,
    transactions: false,
    conditionalWrites: true,
    globalTable: 'none',
    regions: ['mumbai'],
  });
  assert.deepEqual(d.unsupported, []);
  assert.ok(d.notes.some((n) => /twice the read units/.test(n)));
});

test('strong across exactly three Regions: MRSC', () => {
  const d = settings(INDIA, 'consistency strong').dynamodb;
  assert.equal(d.settings.globalTable, 'MRSC');
  assert.deepEqual(d.unsupported, []);
});

test('strong across four Regions cannot be had: MRSC takes exactly three', () => {
  const d = settings(FOUR, 'consistency strong').dynamodb;
  assert.equal(d.settings.globalTable, 'MREC');
  assert.match(d.unsupported[0], /across 4 Regions: only MRSC .* exactly three/);
});

test('transactions across Regions are unsupported; in one Region they are serializable', () => {
  assert.match(
    settings(INDIA, 'consistency strict_serializable').dynamodb.unsupported[0],
    /only in the Region that runs them/,
  );
  const one = settings(ONE_REGION, 'consistency strict_serializable').dynamodb;
  assert.equal(one.settings.transactions, true);
  assert.deepEqual(one.unsupported, []);
});

test('bounded(2s) on a multi-region topology cannot be had exactly', () => {
  const d = settings(INDIA, 'consistency bounded(2s)').dynamodb;
  assert.deepEqual(d.unsupported, [
    'bounded(2s): global tables replicate asynchronously with no bound (typically within a second); only strong reads bound it: MRSC (exactly three Regions) or keep one single-Region table in mumbai and read it with ConsistentRead from every region',
  ]);
});

test('bounded(2s) in one Region: strongly consistent reads, stronger than declared', () => {
  const d = settings(ONE_REGION, 'consistency bounded(2s)').dynamodb;
  assert.deepEqual(d.unsupported, []);
  assert.equal(d.settings.consistentRead, true);
  assert.ok(d.notes.some((n) => /stronger than declared/.test(n)));
});

test('regional: a global table read strongly in each Region; non-LWW conflicts are unsupported', () => {
  const d = settings(INDIA, 'consistency regional').dynamodb;
  assert.deepEqual([d.settings.globalTable, d.settings.consistentRead, d.unsupported.length], ['MREC', true, 0]);
  const abort = settings(INDIA, 'consistency regional conflict abort').dynamodb;
  assert.match(abort.unsupported[0], /`conflict abort` across Regions: .* last writer wins/);
  assert.deepEqual(settings(INDIA, 'consistency regional conflict last_writer_wins').dynamodb.unsupported, []);
});

test('read-your-writes across Regions: sessions pinned to their Region; monotonic writes are not', () => {
  const ryw = settings(INDIA, 'consistency session(read_your_writes, monotonic_reads)').dynamodb;
  assert.deepEqual(ryw.unsupported, []);
  assert.ok(ryw.notes.some((n) => /sessions must stay in their Region/.test(n)));
  assert.match(settings(INDIA, 'consistency session').dynamodb.unsupported[0], /item by item/);
});

test('eventual: eventually consistent reads', () => {
  assert.equal(settings(INDIA, 'consistency eventual').dynamodb.settings.consistentRead, false);
});
