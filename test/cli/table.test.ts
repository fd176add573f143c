// The explain table and the terminal tables: within the width (wrapped, then stacked), the level and
// replication under each data type, assumptions grouped per file and data type once each, a summary line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupAssumptions } from '../../server/src/cli/output/assumptions';
import { outputWidth, renderTable, visible } from '../../server/src/cli/output/columns';
import { formatExplain, type ExplainRow } from '../../server/src/cli/output/table';
import { fakeEstimate } from './estimate-fixture';
import { CWD, uriOf } from './report';

test('renderTable pads columns, right-aligns where asked and rules the header', () => {
  assert.deepEqual(
    renderTable(
      ['name', 'n'],
      [
        ['a', '1'],
        ['longer', '100'],
      ],
      { align: ['left', 'right'] },
    ),
    ['name      n', '------  ---', 'a         1', 'longer  100'],
  );
});

test('renderTable wraps the wrappable columns to fit, then stacks rows when they still do not fit', () => {
  const rows = [['ledger', 'reads are served by a local replica', '12 ms']];
  const wrapped = renderTable(['name', 'why', 'p99'], rows, { wrap: [1], width: 30, align: ['left', 'left', 'right'] });
  assert.ok(
    wrapped.every((l) => visible(l) <= 30),
    wrapped.join('\n'),
  );
  assert.deepEqual(wrapped.slice(2), [
    'ledger  reads are        12 ms',
    '        served by a',
    '        local replica',
  ]);
  const stacked = renderTable(['name', 'why', 'p99'], rows, { width: 20 });
  assert.deepEqual(stacked, [
    'ledger',
    '  why: reads are',
    '       served by a',
    '       local replica',
    '  p99: 12 ms',
  ]);
});

test("the width is COLUMNS, else the terminal's, else 100", () => {
  assert.equal(outputWidth({ COLUMNS: '72' }, 200), 72);
  assert.equal(outputWidth({}, 150), 150);
  assert.equal(outputWidth({}), 100);
  assert.equal(outputWidth({ COLUMNS: 'wide' }), 100);
});

test('assumptions: per file, by the data types that share them, each once; shared ones named by scope', () => {
  const groups = groupAssumptions([
    { file: 'a.consistency', name: 'x', assumptions: ['profile p', 'jitter', 'x only'] },
    { file: 'a.consistency', name: 'y', assumptions: ['profile p', 'jitter'] },
    { file: 'b.consistency', name: 'z', assumptions: ['jitter', 'z only'] },
  ]);
  assert.deepEqual(groups, [
    { file: 'a.consistency', scope: 'every data type', assumptions: ['profile p'] },
    { file: 'a.consistency', scope: 'x', assumptions: ['x only'] },
    { file: 'b.consistency', scope: 'every data type', assumptions: ['z only'] },
    { scope: 'every data type', assumptions: ['jitter'] },
  ]);
});

const row = (name: string, extra: Partial<ExplainRow>): ExplainRow => ({
  name,
  uri: uriOf('a.consistency'),
  profile: 'india-2024',
  ...extra,
});

test('explain: a heading per file, numbers per data type with its level and replication under them, a summary', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency')],
    cwd: CWD,
    rows: [
      row('ledger', {
        level: 'strong (linearizable)',
        replication: 'sync',
        estimate: fakeEstimate('ledger', ['replicas in mumbai', 'jitter adds']),
      }),
      row('cart', {
        level: 'eventual',
        replication: 'async (assumed)',
        estimate: fakeEstimate('cart', ['jitter adds'], {
          costPerOperation: undefined,
          availabilityPct: 99.95,
          monthlyCost: 59000,
        }),
      }),
    ],
  });
  assert.equal(
    text,
    `a.consistency — profile india-2024, INR

data type  read p50/p99  write p50/p99      lag  availability  per month   per op
---------  ------------  -------------  -------  ------------  ---------  -------
ledger      3 / 12.3 ms    45 / 120 ms  22.5 ms        99.99%    ₹1 lakh  ₹0.0084
  strong (linearizable) · sync
cart        3 / 12.3 ms    45 / 120 ms  22.5 ms        99.95%    ₹59,000        —
  eventual · async (assumed)

Assumptions
  every data type:
    - jitter adds
  ledger:
    - replicas in mumbai

Estimated 2 data types in 1 file (profile india-2024).
`,
  );
});

test('explain: a data type without an estimate gets dashes and its reason; the summary counts it', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency'), uriOf('b.consistency')],
    cwd: CWD,
    rows: [
      row('ledger', {
        profile: 'cloud-generic-2024',
        estimate: fakeEstimate('ledger', [], { profile: 'cloud-generic-2024' }),
      }),
      row('broken', { error: 'estimates are not implemented yet (broken)' }),
    ],
  });
  assert.match(text, /\nbroken +— +— +— +— +— +—\n/);
  assert.match(
    text,
    /\nCould not estimate:\n {2}a\.consistency: broken: estimates are not implemented yet \(broken\)\n/,
  );
  assert.doesNotMatch(text, /Assumptions/);
  assert.match(
    text,
    /\nEstimated 1 of 2 data types in 2 files \(profiles cloud-generic-2024, india-2024\); 1 not estimated\.\n$/,
  );
});

test('explain: no data types; a file that declares nothing is a warning', () => {
  assert.equal(formatExplain({ files: [uriOf('a.consistency')], cwd: CWD, rows: [] }), 'No data types in 1 file.\n');
  const empty = formatExplain({ files: [uriOf('a.consistency')], cwd: CWD, rows: [], empty: [uriOf('a.consistency')] });
  assert.equal(
    empty,
    'a.consistency: warning: declares nothing (an empty file)\nNo data types in 1 file; 1 file declaring nothing.\n',
  );
});

test('explain: transactions with their members, two-phase write p99 and cost per transaction', () => {
  const text = formatExplain({
    files: [uriOf('a.consistency')],
    cwd: CWD,
    rows: [
      row('ledger', {
        level: 'strong (linearizable)',
        replication: 'sync',
        estimate: fakeEstimate('ledger', ['replicas in mumbai']),
      }),
    ],
    transactions: [
      {
        name: 'transfer',
        members: ['ledger', 'balance'],
        currency: 'INR',
        costPerTransaction: 0.0168,
        writeP99: 240,
        assumptions: ['two phases'],
      },
      {
        name: 'audit',
        members: ['ledger'],
        writeP99: 120,
        assumptions: ['no cost per transaction: ledger declares no workload'],
      },
    ],
  });
  const lines = text.split('\n');
  const at = lines.indexOf(lines.find((l) => l.startsWith('transaction'))!);
  assert.deepEqual(lines.slice(at, at + 4), [
    'transaction  members          write p99  per transaction',
    '-----------  ---------------  ---------  ---------------',
    'transfer     ledger, balance     240 ms           ₹0.017',
    'audit        ledger              120 ms                —',
  ]);
  assert.match(
    text,
    /\n {2}transaction transfer:\n {4}- two phases\n {2}transaction audit:\n {4}- no cost per transaction/,
  );
});

test('explain narrower than its table: two tables at 60 columns, stacked rows at 40; every line fits', () => {
  const level = 'session(read_your_writes, monotonic_reads)';
  const rows = ['ledger', 'cart'].map((n) =>
    row(n, {
      level,
      replication: 'quorum write 2 read 2',
      estimate: fakeEstimate(n, ['a long assumption '.repeat(8).trim()]),
    }),
  );
  const at = (width: number) => formatExplain({ files: [uriOf('a.consistency')], cwd: CWD, rows }, { width });
  for (const width of [60, 40])
    for (const l of at(width).split('\n')) assert.ok(visible(l) <= width, `${visible(l)}: ${l}`);
  assert.match(
    at(60),
    /\ndata type {2}read p50\/p99 {2}write p50\/p99 {6}lag\n[\s\S]*\ndata type {2}availability {2}per month {3}per op\n/,
  );
  const stacked =
    /\nledger\n {2}session\(read_your_writes,\n {2}monotonic_reads\) · quorum write 2 read\n {2}2\n {2}read p50\/p99: +3 \/ 12\.3 ms\n/;
  assert.match(at(40), stacked);
});

test('a wide table with nothing to wrap splits into two tables, each with the first column again', () => {
  const header = ['operation', 'offered', 'ok', 'p50', 'p99', 'max'];
  const lines = renderTable(header, [['read', '22,667', '22,664', '13.7 ms', '72.4 ms', '986.9 ms']], { width: 40 });
  assert.deepEqual(lines, [
    'operation  offered  ok',
    '---------  -------  ------',
    'read       22,667   22,664',
    '',
    'operation  p50      p99      max',
    '---------  -------  -------  --------',
    'read       13.7 ms  72.4 ms  986.9 ms',
  ]);
});
