// CodeLens: the one-line estimate and ▶ Simulate above each data type, ▶ Simulate above each scenario (with the
// last run's summary once there is one), and "Export TypeScript" once per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/service/code-lens';
import { commands } from '../../server/src/service/commands';
import { fixture, URI } from './helpers';

test('per data type its estimate (monthly cost, write p99) and ▶ Simulate, then the export lens', () => {
  const f = fixture(`<||>topology paytm {
  region mumbai    { replicas 3 primary }
  region delhi     { replicas 2 }
  region bangalore { replicas 2 }
  link mumbai <-> delhi     45ms
  link mumbai <-> bangalore 35ms
}
data <|wallet_balance|> {
  topology paytm
  consistency strong
  workload 2B/month reads 90%
}
data <|cache|> {
  consistency eventual
}
data cache {
  consistency strong
}
`);
  assert.deepEqual(codeLenses(f.s, f.uri), [
    {
      range: f.range(1),
      command: {
        title: '≈ ₹42.84 lakh/month · write p99 170 ms',
        command: commands.showEstimate,
        arguments: [f.uri, 'wallet_balance'],
      },
    },
    {
      range: f.range(1),
      command: { title: '▶ Simulate', command: commands.simulate, arguments: [f.uri, 'data', 'wallet_balance'] },
    },
    {
      range: f.range(2),
      command: {
        title: '≈ ₹1.49 lakh/month · write p99 69 ms',
        command: commands.showEstimate,
        arguments: [f.uri, 'cache'],
      },
    },
    {
      range: f.range(2),
      command: { title: '▶ Simulate', command: commands.simulate, arguments: [f.uri, 'data', 'cache'] },
    },
    {
      range: f.range(0),
      command: { title: 'Export TypeScript', command: commands.exportTypeScript, arguments: [f.uri] },
    },
  ]);
});

test('the export lens sits on the first declaration, after comments, once per file, even without data types', () => {
  const f = fixture(`// the shared topology
  <||>topology net { region mumbai { replicas 3 } }
tier team.core { consistency strong }
`);
  assert.deepEqual(codeLenses(f.s, f.uri), [
    {
      range: f.range(0),
      command: { title: 'Export TypeScript', command: commands.exportTypeScript, arguments: [f.uri] },
    },
  ]);
});

test('▶ Simulate above each scenario; after a run, the title carries its summary', () => {
  const f = fixture(`<||>topology net { region mumbai { replicas 3 primary } }
data <|ledger|> { topology net consistency strong }
scenario <|outage|> {
  data ledger
  fault crash mumbai at 1s for 1s
}
`);
  const last = new Map([[`${f.uri}#scenario:outage`, 'write p99 4.2 ms, 0 anomalies, 50% available (seed 1)']]);
  assert.deepEqual(
    codeLenses(f.s, f.uri, last).map((l) => [l.range, l.command]),
    [
      [
        f.range(1),
        { title: '≈ ₹1.83 lakh/month · write p99 92 ms', command: commands.showEstimate, arguments: [f.uri, 'ledger'] },
      ],
      [f.range(1), { title: '▶ Simulate', command: commands.simulate, arguments: [f.uri, 'data', 'ledger'] }],
      [
        f.range(2),
        {
          title: '▶ Simulate · last run: write p99 4.2 ms, 0 anomalies, 50% available (seed 1)',
          command: commands.simulate,
          arguments: [f.uri, 'scenario', 'outage'],
        },
      ],
      [f.range(0), { title: 'Export TypeScript', command: commands.exportTypeScript, arguments: [f.uri] }],
    ],
  );
});

test('no lenses for an empty file or a built-in document', () => {
  assert.deepEqual(codeLenses(fixture('// nothing yet\n').s, URI), []);
  const builtin = fixture('data x { consistency strong }\n');
  const uri = [...builtin.s.analysis.documents.keys()].find((u) => u.startsWith('builtin:'));
  assert.ok(uri, 'the prelude is analysed');
  assert.deepEqual(codeLenses(builtin.s, uri), []);
});
