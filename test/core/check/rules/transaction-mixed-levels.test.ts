import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a member whose level does not imply the strongest member’s', () => {
  const marked = `data account_balance { consistency linearizable }
data ledger { consistency eventual }
transaction transfer { account_balance, <|ledger|> }`;
  const [d] = expectDiagnostic(marked, 'transaction-mixed-levels');
  assert.equal(
    d.message,
    "Transaction 'transfer' writes 'account_balance' (linearizable) and 'ledger' (eventual) atomically: 'ledger' lacks consistent-prefix, read-your-writes, monotonic-reads, monotonic-writes, writes-follow-reads, causal, total-order, real-time, staleness 0, so its readers can see the transaction half-applied.",
  );
  assert.equal(d.related?.length, 1);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /data ledger \{ consistency linearizable \}/);
  expectNo(fixed, 'transaction-mixed-levels');
});

test('levels from tiers count; a member set by a tier gets no fix', () => {
  const [d] = expectDiagnostic(
    `data a { tier rbi.interest }
data b { tier rbi.statement }
data c { consistency sequential }
transaction t { a, <|b|>, <|c|> }`,
    'transaction-mixed-levels',
  );
  assert.equal(d.fixes, undefined);
});

test('stays quiet when every member implies the strongest, and for unknown or level-less members', () => {
  expectNo(
    `data a { consistency strong }
data b { consistency strict_serializable }
data c { tier rbi.interest }
data d { }
transaction t { a, b, c, d, missing }
transaction u { a }`,
    'transaction-mixed-levels',
  );
});
