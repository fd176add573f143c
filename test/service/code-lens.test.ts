// CodeLens: the one-line estimate above each data type, and "Export TypeScript" once per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/service/code-lens';
import { commands } from '../../server/src/service/commands';
import { fixture, URI } from './helpers';

test('one lens per data type with its monthly cost and write p99, then the export lens', () => {
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
    { range: f.range(1), command: { title: '≈ ₹42.84 lakh/month · write p99 170 ms', command: commands.showEstimate, arguments: [f.uri, 'wallet_balance'] } },
    { range: f.range(2), command: { title: '≈ ₹1.49 lakh/month · write p99 69 ms', command: commands.showEstimate, arguments: [f.uri, 'cache'] } },
    { range: f.range(0), command: { title: 'Export TypeScript', command: commands.exportTypeScript, arguments: [f.uri] } },
  ]);
});

test('the export lens sits on the first declaration, after comments, once per file, even without data types', () => {
  const f = fixture(`// the shared topology
  <||>topology net { region mumbai { replicas 3 } }
tier team.core { consistency strong }
`);
  assert.deepEqual(codeLenses(f.s, f.uri), [
    { range: f.range(0), command: { title: 'Export TypeScript', command: commands.exportTypeScript, arguments: [f.uri] } },
  ]);
});

test('no lenses for an empty file or a built-in document', () => {
  assert.deepEqual(codeLenses(fixture('// nothing yet\n').s, URI), []);
  const builtin = fixture('data x { consistency strong }\n');
  const uri = [...builtin.s.analysis.documents.keys()].find((u) => u.startsWith('builtin:'));
  assert.ok(uri, 'the prelude is analysed');
  assert.deepEqual(codeLenses(builtin.s, uri), []);
});
