// driverGaps: every `unsupported` note with the data type's range (or the `when` keyword of a branch),
// ready for a later diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driverGaps } from '../../../server/src/core/stores/index';
import { analyze } from '../../../server/src/core/pipeline';
import { markers } from '../../helpers/check-text';
import { INDIA, ONE_REGION } from './helpers';

const uri = 'file:///gaps.consistency';

function gapsOf(marked: string) {
  const { text, ranges } = markers(marked);
  const data = analyze([{ uri, text }]).model.data.get('upi')!;
  return { gaps: driverGaps(data), ranges };
}

test('bounded(2s) across regions: a DynamoDB gap on the data type’s name', () => {
  const { gaps, ranges } = gapsOf(`${INDIA}\ndata <|upi|> {\n  topology net\n  consistency bounded(2s)\n}\n`);
  assert.deepEqual(gaps, [
    {
      system: 'dynamodb',
      note: 'bounded(2s): global tables replicate asynchronously with no bound (typically within a second); only strong reads bound it: MRSC (exactly three Regions) or keep one single-Region table in mumbai and read it with ConsistentRead from every region',
      data: 'upi',
      uri,
      range: ranges[0],
      branch: undefined,
    },
  ]);
});

test('a `when` branch’s gaps point at its `when` keyword and name its conditions', () => {
  const { gaps, ranges } = gapsOf(
    `${INDIA}\ndata <|upi|> {\n  topology net\n  consistency regional\n  conflict last_writer_wins\n  <|when|> amount >= 1 lakh { conflict abort }\n}\n`,
  );
  const branch = gaps.filter((g) => g.branch !== undefined);
  assert.ok(branch.length > 0);
  for (const g of branch) {
    assert.deepEqual(g.range, ranges[1]);
    assert.equal(g.branch, 'amount >= 1 lakh');
  }
  assert.ok(branch.some((g) => g.system === 'dynamodb' && /`conflict abort` across Regions/.test(g.note)));
  assert.ok(
    gaps
      .filter((g) => g.branch === undefined)
      .every((g) => g.range.start === ranges[0].start && g.range.end === ranges[0].end),
  );
});

test('no gaps when every system gives the level', () => {
  const { gaps } = gapsOf(`${ONE_REGION}\ndata upi {\n  topology net\n  consistency strong\n}\n`);
  assert.deepEqual(gaps, []);
});
