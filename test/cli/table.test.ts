import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatExplain, renderTable, type ExplainRow } from '../../server/src/cli/output/table';
import { fakeEstimate } from './estimate-fixture';
import { CWD, uriOf } from './report';

test('renderTable pads columns, right-aligns where asked and rules the header', () => {
  assert.deepEqual(renderTable(['name', 'n'], [['a', '1'], ['longer', '100']], ['left', 'right']), ['name      n', '------  ---', 'a         1', 'longer  100']);
});

const row = (name: string, extra: Partial<ExplainRow>): ExplainRow => ({ name, uri: uriOf('a.consistency'), profile: 'india-2024', ...extra });

test('explain table: one row per data type, assumptions deduplicated and numbered, the profile', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency')],
    cwd: CWD,
    rows: [
      row('ledger', { level: 'strong (linearizable)', replication: 'sync', estimate: fakeEstimate('ledger', ['replicas in mumbai', 'jitter adds']) }),
      row('cart', { level: 'eventual', replication: 'async (assumed)', estimate: fakeEstimate('cart', ['jitter adds'], { costPerOperation: undefined, availabilityPct: 99.95, monthlyCost: 59000 }) }),
    ],
  });
  assert.equal(
    text,
    `data type  level                  replication      read p50/p99  write p50/p99      lag  availability  monthly cost  cost per op
---------  ---------------------  ---------------  ------------  -------------  -------  ------------  ------------  -----------
ledger     strong (linearizable)  sync              3 / 12.3 ms    45 / 120 ms  22.5 ms        99.99%       ₹1 lakh      ₹0.0084
cart       eventual               async (assumed)   3 / 12.3 ms    45 / 120 ms  22.5 ms        99.95%       ₹59,000            —

Assumptions:
  1. replicas in mumbai
  2. jitter adds

Profile: india-2024
`,
  );
});

test('explain table: a data type without an estimate gets dashes and its reason; several profiles are listed', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency'), uriOf('b.consistency')],
    cwd: CWD,
    rows: [
      row('ledger', { profile: 'cloud-generic-2024', estimate: fakeEstimate('ledger', [], { profile: 'cloud-generic-2024' }) }),
      row('broken', { error: 'estimates are not implemented yet (broken)' }),
    ],
  });
  assert.match(text, /\nbroken +— +— +— +— +— +— +— +—\n/);
  assert.match(text, /\nCould not estimate:\n  broken: estimates are not implemented yet \(broken\)\n/);
  assert.doesNotMatch(text, /Assumptions/);
  assert.match(text, /\nProfiles: cloud-generic-2024, india-2024\n$/);
});

test('explain table: no data types', () => {
  assert.equal(formatExplain({ files: [uriOf('a.consistency')], cwd: CWD, rows: [] }), 'No data types in this file.\n');
});

test('explain table: transactions with their members, two-phase write p99 and cost per transaction', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency')],
    cwd: CWD,
    rows: [row('ledger', { level: 'strong (linearizable)', replication: 'sync', estimate: fakeEstimate('ledger', ['replicas in mumbai']) })],
    transactions: [
      { name: 'transfer', members: ['ledger', 'balance'], currency: 'INR', costPerTransaction: 0.0168, writeP99: 240, assumptions: ['two phases'] },
      { name: 'audit', members: ['ledger'], writeP99: 120, assumptions: ['no cost per transaction: ledger declares no workload'] },
    ],
  });
  const lines = text.split('\n');
  const at = lines.indexOf(lines.find((l) => l.startsWith('transaction'))!);
  assert.deepEqual(lines.slice(at, at + 4), [
    'transaction  members          write p99  cost per transaction',
    '-----------  ---------------  ---------  --------------------',
    'transfer     ledger, balance     240 ms                ₹0.017',
    'audit        ledger              120 ms                     —',
  ]);
  assert.match(text, /\n {2}2\. two phases\n {2}3\. no cost per transaction: ledger declares no workload\n/);
});
