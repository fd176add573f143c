// CodeLens: the one-line estimate above each data type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeLenses } from '../../server/src/service/code-lens';
import { commands } from '../../server/src/service/commands';
import { fixture } from './helpers';

test('one lens per data type with its monthly cost and write p99', () => {
  const f = fixture(`topology paytm {
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
    { range: f.range(0), command: { title: '≈ ₹42.84 lakh/month · write p99 170 ms', command: commands.showEstimate, arguments: [f.uri, 'wallet_balance'] } },
    { range: f.range(1), command: { title: '≈ ₹1.49 lakh/month · write p99 69 ms', command: commands.showEstimate, arguments: [f.uri, 'cache'] } },
  ]);
});
