import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((x) => x.code === 'lww-on-money'), text);

test('fires on last_writer_wins on a financial data type, with both fixes', () => {
  const marked = 'data account_balance { category financial consistency strong conflict <|last_writer_wins|> }';
  const [d] = expectDiagnostic(marked, 'lww-on-money');
  assert.equal(d.severity, 'error');
  assert.equal(
    d.message,
    '`conflict last_writer_wins` on `account_balance`, which holds money (category financial): of two concurrent debits the one with the ' +
      'later clock overwrites the other, so a debit is silently lost (SBI YONO split-brain: 15,000 conflicting transactions, resolution ' +
      'failed for 2,300 accounts, source L3673–L3718). Use `conflict abort` or `conflict highest_sequence`.',
  );
  const text = markers(marked).text;
  assert.equal(applyFix(text, d, 0), 'data account_balance { category financial consistency strong conflict abort }');
  gone(applyFix(text, d, 0));
  gone(applyFix(text, d, 1));
});

test('fires under an RBI tier, through the lww alias, and on amount conditions', () => {
  const [d] = expectDiagnostic('data upi_payment { tier rbi.upi conflict <|lww|> }', 'lww-on-money');
  assert.match(d.message, /holds money \(category financial from tier rbi\.upi\)/);
  const [e] = expectDiagnostic('data transfer { consistency bounded(2s) conflict <|last_writer_wins|>\n  when amount >= 1 lakh { consistency strong } }', 'lww-on-money');
  assert.match(e.message, /its `when` conditions test `amount`/);
});

test('fires when only a `when` branch names an RBI tier', () => {
  const [d] = expectDiagnostic(
    'data transfer { consistency eventual conflict <|last_writer_wins|>\n  when channel == branch { tier rbi.high_value } }',
    'lww-on-money',
  );
  assert.match(d.message, /^`conflict last_writer_wins` on `transfer` when channel == branch, which holds money \(category financial from tier rbi\.high_value\)/);
});

test('a tier that sets last_writer_wins on money: reported on the tier reference, fixed by overriding it', () => {
  const marked = 'tier loose { category ledger consistency eventual conflict last_writer_wins }\ndata ledger_entry { tier <|loose|> }';
  const [d] = expectDiagnostic(marked, 'lww-on-money');
  assert.match(d.message, /^`conflict last_writer_wins` \(from tier loose\) on `ledger_entry`/);
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'tier loose { category ledger consistency eventual conflict last_writer_wins }\ndata ledger_entry { conflict abort\n  tier loose }');
  gone(fixed);
});

test('warns on a cart and suggests merge union', () => {
  const marked = 'data shopping_cart { consistency session conflict <|last_writer_wins|> }';
  const [d] = expectDiagnostic(marked, 'lww-on-money');
  assert.equal(d.severity, 'warning');
  assert.equal(
    d.message,
    '`conflict last_writer_wins` on cart-like `shopping_cart`: when two devices add items concurrently, the later write replaces the whole ' +
      'cart and the other add is lost (digest §8.6, source L1368–L1374). Use `conflict merge union`.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'data shopping_cart { consistency session conflict merge union }');
  gone(fixed);
});

test('stays quiet on non-money LWW and on money with a safe strategy', () => {
  expectNo('data profile_photo { consistency eventual conflict last_writer_wins }', 'lww-on-money');
  expectNo('data account_balance { category financial consistency strong conflict abort }', 'lww-on-money');
  expectNo('data upi_payment { tier rbi.upi conflict highest_sequence }', 'lww-on-money');
  expectNo('data cart { consistency session conflict merge union }', 'lww-on-money');
});
