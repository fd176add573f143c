// Amazon DynamoDB: ConsistentRead, transactions, conditional writes, and global tables (multi-Region
// eventual, MREC, or strong, MRSC), with the limits that decide what a multi-region topology can get.
import type { DriverAdvice, DriverInput } from './input';

export interface DynamoSettings {
  consistentRead: boolean;
  /** TransactWriteItems / TransactGetItems (serializable, up to 100 items, one Region). */
  transactions: boolean;
  /** Read-modify-write as a conditional write on a version attribute (ConditionExpression). */
  conditionalWrites: boolean;
  /** `none`: one Region; `MREC`: global table, multi-Region eventual; `MRSC`: multi-Region strong. */
  globalTable: 'none' | 'MREC' | 'MRSC';
  /** One replica table per region of the topology (DynamoDB keeps its own copies inside each Region). */
  regions: string[];
}

const consistentReadNote = 'ConsistentRead costs twice the read units and is not available on global secondary indexes';

export function dynamodb(i: DriverInput): DriverAdvice<DynamoSettings> {
  const multi = i.regions.length > 1;
  const regions = i.regions.map((r) => r.name);
  const notes: string[] = [...i.assumed];
  const unsupported: string[] = [];
  const lossyConflicts = multi && i.conflict !== undefined && i.conflict !== 'last_writer_wins';
  const settings = (s: Partial<DynamoSettings>): DynamoSettings => ({
    consistentRead: true,
    transactions: false,
    conditionalWrites: false,
    globalTable: multi ? 'MREC' : 'none',
    regions,
    ...s,
  });
  const singleRegionHint =
    `or keep one single-Region table in ${i.primaryRegion} ` + 'and read it with ConsistentRead from every region';
  const result = (s: DynamoSettings, reason: string): DriverAdvice<DynamoSettings> => {
    if (s.consistentRead) notes.push(consistentReadNote);
    if (s.globalTable === 'MREC' && lossyConflicts) {
      unsupported.push(
        `\`conflict ${i.conflict}\` across Regions: global tables ` +
          'resolve concurrent writes to one item by last writer wins',
      );
    }
    if (multi && i.replication)
      notes.push('the declared replica counts do not apply: DynamoDB keeps its own copies in each Region');
    return { settings: s, reason, notes, unsupported };
  };

  if (i.family === 'transactions' || i.family === 'total_order') {
    const txn = i.family === 'transactions';
    if (!multi) {
      if (i.level.name === 'sequential')
        notes.push('stronger than declared: strongly consistent reads are linearizable');
      return result(
        settings({ transactions: txn, conditionalWrites: true }),
        'in one Region, strongly consistent reads see every acknowledged write and conditional ' +
          `writes order read-modify-write${txn ? '; transactions are serializable' : ''}`,
      );
    }
    if (txn)
      unsupported.push(
        `${i.level.display} across Regions: global-table transactions are atomic ` +
          `and isolated only in the Region that runs them (${singleRegionHint})`,
      );
    if (regions.length === 3 && !txn) {
      notes.push(
        'MRSC takes exactly three Regions from one Region set (US, Europe, ' +
          'or Tokyo/Seoul/Osaka); every write waits for a second Region',
      );
      return result(
        settings({ conditionalWrites: true, globalTable: 'MRSC' }),
        'multi-Region strong consistency: a write is acknowledged once a second ' +
          'Region has it, and strongly consistent reads in any Region see it',
      );
    }
    if (!txn)
      unsupported.push(
        `${i.level.display} across ${regions.length} Regions: only MRSC gives strong ` +
          `reads across Regions, and it takes exactly three (${singleRegionHint})`,
      );
    return result(
      settings({ transactions: txn, conditionalWrites: true }),
      'strongly consistent reads see every write acknowledged in ' +
        'the same Region; replication to other Regions is asynchronous',
    );
  }
  if (i.family === 'regional') {
    return result(
      settings({ conditionalWrites: true }),
      multi
        ? 'a global table (MREC) with strongly consistent reads: strong inside ' +
            'each Region for the writes made there, asynchronous across Regions'
        : 'in one Region, strongly consistent reads see every acknowledged write',
    );
  }
  if (i.family === 'eventual') {
    return result(
      settings({ consistentRead: false }),
      `eventually consistent reads${multi ? '; global-table replicas converge by last writer wins' : ''}`,
    );
  }
  // causal, session, bounded, prefix: strongly consistent reads in one Region give each of them.
  const stronger = i.family === 'session' ? '' : 'stronger than declared: ';
  if (!multi) {
    const what =
      i.family === 'bounded'
        ? 'DynamoDB has no bounded-staleness read'
        : i.family === 'prefix'
          ? 'eventually consistent reads give no order across items'
          : "eventually consistent reads may miss a session's own writes";
    if (stronger) notes.push(`${stronger}${what}; strongly consistent reads have staleness 0`);
    return result(settings({}), 'in one Region, strongly consistent reads see every acknowledged write');
  }
  if (i.family === 'session' && !i.session.includes('monotonic_writes') && !i.session.includes('writes_follow_reads')) {
    notes.push(
      "sessions must stay in their Region: strongly consistent reads cover only writes made in the reader's Region",
    );
    return result(
      settings({}),
      "a session writes and reads its own Region's replica with " +
        'strongly consistent reads, so it sees its writes in order',
    );
  }
  const needs =
    i.family === 'bounded'
      ? `${i.level.display}: global tables replicate asynchronously with no bound (typically within a second)`
      : i.family === 'prefix'
        ? `${i.level.display}: global tables replicate item by item, so ` +
          'another Region can see a later write before an earlier one'
        : `${i.level.display}: global tables replicate item by item, so another ` +
          "Region can see a session's later write before its earlier one";
  unsupported.push(
    `${needs}; only strong reads ${i.family === 'bounded' ? 'bound it' : 'give it'}: ` +
      `MRSC (exactly three Regions) ${singleRegionHint}`,
  );
  return result(
    settings({}),
    'strongly consistent reads see every write acknowledged in the ' +
      "reader's Region; other Regions' writes arrive asynchronously",
  );
}
