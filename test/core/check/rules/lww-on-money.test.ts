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
      'failed for 2,300 accounts, source L3673–L3718, see docs/sources.md#l3525). Use `conflict abort` or `conflict highest_sequence`.',
  );
  const text = markers(marked).text;
  assert.equal(applyFix(text, d, 0), 'data account_balance { category financial consistency strong conflict abort }');
  gone(applyFix(text, d, 0));
  gone(applyFix(text, d, 1));
});

test('fires under an RBI tier, through the lww alias, and on amount conditions', () => {
  const [d] = expectDiagnostic('data upi_payment { tier rbi.upi conflict <|lww|> }', 'lww-on-money');
  assert.match(d.message, /holds money \(category financial from tier rbi\.upi\)/);
  const [e] = expectDiagnostic(
    'data transfer { consistency bounded(2s) conflict <|last_writer_wins|>\n  when amount >= 1 lakh { consistency strong } }',
    'lww-on-money',
  );
  assert.match(e.message, /its `when` conditions test `amount`/);
});

test('fires when only a `when` branch names an RBI tier', () => {
  const [d] = expectDiagnostic(
    'data transfer { consistency eventual conflict <|last_writer_wins|>\n  when channel == branch { tier rbi.high_value } }',
    'lww-on-money',
  );
  assert.match(
    d.message,
    /^`conflict last_writer_wins` on `transfer` when channel == branch, which holds money \(category financial from tier rbi\.high_value\)/,
  );
});

test('a tier that sets last_writer_wins on money: reported on the tier reference, fixed by overriding it', () => {
  const marked =
    'tier loose { category ledger consistency eventual conflict last_writer_wins }\ndata ledger_entry { tier <|loose|> }';
  const [d] = expectDiagnostic(marked, 'lww-on-money');
  assert.match(d.message, /^`conflict last_writer_wins` \(from tier loose\) on `ledger_entry`/);
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(
    fixed,
    'tier loose { category ledger consistency eventual conflict last_writer_wins }\ndata ledger_entry { conflict abort\n  tier loose }',
  );
  gone(fixed);
});

test('warns on a cart and suggests merge union', () => {
  const marked = 'data shopping_cart { consistency session conflict <|last_writer_wins|> }';
  const [d] = expectDiagnostic(marked, 'lww-on-money');
  assert.equal(d.severity, 'warning');
  assert.equal(
    d.message,
    '`conflict last_writer_wins` on cart-like `shopping_cart`: when two devices add items concurrently, the later write replaces the whole ' +
      'cart and the other add is lost (digest §8.6, source L1368–L1374, see docs/sources.md#l1360). Use `conflict merge union`.',
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

test('money the policy declares is an error; money inferred from a name is a warning; `money no` settles it', () => {
  // The wallet: category wallet, two primaries, last writer wins.
  const topo =
    'topology g { region us-east-1 { replicas 1 } region eu-west-1 { replicas 1 } link us-east-1 <-> eu-west-1 75ms }\n';
  const wallet = `${topo}data wallet_balance { topology g category wallet consistency eventual primary us-east-1, eu-west-1 conflict <|last_writer_wins|> }`;
  const [w] = expectDiagnostic(wallet, 'lww-on-money');
  assert.equal(w.severity, 'error');
  assert.match(w.message, /which holds money \(category wallet\)/);
  const [m] = expectDiagnostic(
    `${topo}data reward_points { topology g money consistency eventual conflict <|last_writer_wins|> }`,
    'lww-on-money',
  );
  assert.equal(m.severity, 'error');
  assert.match(m.message, /which holds money \(`money`\)/);
  const [n] = expectDiagnostic(
    `${topo}data gift_card_balance { topology g consistency eventual conflict <|last_writer_wins|> }`,
    'lww-on-money',
  );
  assert.equal(n.severity, 'warning');
  assert.match(
    n.message,
    /inferred from its name `gift_card_balance` \(`balance`; write `money` or `money no` to say\)/,
  );
  expectNo(
    `${topo}data energy_balance { topology g money no consistency eventual conflict last_writer_wins }`,
    'lww-on-money',
  );
});

test('an amount written with a currency sign in a `when` makes the data money', () => {
  const [d] = expectDiagnostic(
    'data refunds_queue { consistency eventual conflict <|last_writer_wins|>\n  when refund_value >= ₹5000 { consistency strong } }',
    'lww-on-money',
  );
  assert.equal(d.severity, 'error');
  assert.match(d.message, /`when refund_value >= ₹5000` compares an amount of money/);
});

test('an unknown `money` value is an error', () => {
  const [d] = expectDiagnostic('data x { money <|maybe|> consistency eventual }', 'unknown-value');
  assert.match(d.message, /written alone \(the data holds money\) or as `money no`, not 'maybe'/);
});
