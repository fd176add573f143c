import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTransaction } from '../../../server/src/core/estimate/transaction';
import { check } from '../../helpers/check-text';

const policy = `topology t { region mumbai { replicas 3 primary } region delhi { replicas 2 } link mumbai <-> delhi 45ms }
data account_balance { topology t consistency strong workload 10M/day reads 80% }
data ledger { topology t consistency strong workload 2M/day reads 10% }
data audit { topology t consistency eventual }
transaction transfer { account_balance, ledger }
transaction audited { account_balance, audit }
`;

test('a transaction costs the sum of its members’ cost per operation and commits in two phases', () => {
  const a = check(policy);
  const e = (name: string) => a.estimate(a.model.data.get(name)!);
  const t = estimateTransaction(a.model.transactions.get('transfer')!, a.estimate);
  assert.deepEqual(t.members, ['account_balance', 'ledger']);
  assert.equal(t.currency, 'INR');
  assert.equal(t.costPerTransaction, e('account_balance').costPerOperation! + e('ledger').costPerOperation!);
  assert.equal(t.writeP99, 2 * Math.max(e('account_balance').write.p99, e('ledger').write.p99));
});

test('no cost per transaction when a member has no workload, and the assumptions say why', () => {
  const a = check(policy);
  const t = estimateTransaction(a.model.transactions.get('audited')!, a.estimate);
  assert.equal(t.costPerTransaction, undefined);
  assert.ok(t.assumptions.includes('no cost per transaction: audit declares no workload'));
});
