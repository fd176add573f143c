import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((x) => x.code === 'degrade-below-floor'), text);

test('fires (an error) when a degrade drops a high-value branch below strong; the fix removes the degrade, not "degrade to strong"', () => {
  const marked = `data fund_transfer {
  consistency bounded(2s)
  when amount >= 1 lakh { tier rbi.high_value  consistency strong }
  degrade to <|session|> when load > 5x
}`;
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.equal(
    d.message,
    '`degrade to session` in `fund_transfer` drops below strong (linearizable), the floor set by tier `rbi.high_value` (named in ' +
      '`fund_transfer` when amount >= 1 lakh): session lacks consistent-prefix, causal, total-order, real-time, staleness 0. ' +
      'No level weaker than its own bounded(2s) meets every floor (strong (linearizable), session): remove this degrade.',
  );
  assert.equal(d.severity, 'error');
  assert.equal(d.fixes?.[0].title, 'Remove this degrade (the data keeps its level under load)');
  const fixed = applyFix(markers(marked).text, d);
  assert.doesNotMatch(fixed, /degrade/);
  gone(fixed);
});

test('on data that is already strong, the fix never offers "degrade to strong"', () => {
  const marked =
    'tier team.settlement { consistency strong }\ndata batches { tier team.settlement\n  degrade to <|session|> when load > 3x }';
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.equal(d.severity, 'error');
  assert.ok(
    d.fixes?.every((f) => !/strong/.test(f.title) && f.edits.every((e) => e.newText !== 'strong')),
    JSON.stringify(d.fixes),
  );
  assert.match(d.message, /No level weaker than its own strong \(linearizable\) meets every floor/);
});

test('money below session is a warning: the floor is a convention, not a bound the policy states', () => {
  const marked = 'data wallet { category payments consistency strong\n  degrade to <|eventual|> when load > 5x }';
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.equal(d.severity, 'warning');
  assert.equal(
    d.message,
    '`degrade to eventual` in `wallet` drops below session, the floor set by money (category payments): critical operations never degrade ' +
      'below session (source L3998–L4003, see docs/sources.md#l3738, a convention): eventual lacks read-your-writes, monotonic-reads, monotonic-writes, writes-follow-reads. ' +
      'Degrade to `session` instead.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'data wallet { category payments consistency strong\n  degrade to session when load > 5x }');
  gone(fixed);
});

test("fires below the data type's own tier, and the fix writes the tier's level as written", () => {
  const marked =
    'tier payments_tier { consistency bounded(5s) }\ndata clicks_ledger { tier payments_tier consistency strong money no\n  degrade to <|eventual|> when load > 8x }';
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.match(
    d.message,
    /drops below bounded\(5s\), the floor set by tier `payments_tier`: eventual lacks consistent-prefix, staleness ≤ 5000 ms\. Degrade to `bounded\(5s\)` instead\.$/,
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /degrade to bounded\(5s\) when load > 8x/);
  gone(fixed);
});

test("when no floor meets the others (UPI: bounded(2s) and money's session), the fix removes the degrade", () => {
  const marked =
    'data upi_payment { tier rbi.upi\n  degrade to <|eventual|> when load > 8x\n  degrade to <|session|> when load > 5x }';
  const [a, b] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.match(
    a.message,
    /drops below bounded\(2s\), the floor set by tier `rbi\.upi`: eventual lacks consistent-prefix, staleness ≤ 2000 ms; it also drops below session, set by money/,
  );
  assert.match(
    b.message,
    /: session lacks consistent-prefix, staleness ≤ 2000 ms\. No level weaker than its own bounded\(2s\) meets every floor \(bounded\(2s\), session\): remove this degrade\.$/,
  );
  const fixed = applyFix(applyFix(markers(marked).text, b), a);
  assert.equal(fixed, 'data upi_payment { tier rbi.upi\n  \n   }');
  gone(fixed);
});

test('two floors that neither implies: the fix takes the weakest level that meets both', () => {
  const marked =
    'tier mine { consistency read_your_writes }\ntier reads_tier { consistency monotonic_reads }\ndata view_prefs { tier mine tier reads_tier consistency causal\n  degrade to <|eventual|> when load > 5x }';
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.match(d.message, /Degrade to `session` instead\.$/);
  gone(applyFix(markers(marked).text, d));
});

test('stays quiet at or above every floor, and without floors', () => {
  expectNo(
    'data wallet { category payments consistency strong\n  degrade to session when load > 5x }',
    'degrade-below-floor',
  );
  expectNo(
    'data t { consistency bounded(2s)\n  when amount >= 1 lakh { tier rbi.high_value }\n  degrade to linearizable when load > 5x }',
    'degrade-below-floor',
  );
  expectNo('data catalog { consistency strong\n  degrade to eventual when load > 5x }', 'degrade-below-floor');
  expectNo('data statement { tier rbi.statement\n  degrade to session when load > 5x }', 'degrade-below-floor');
});

test('money inferred from the name sets the session floor too, as a warning; `money no` removes it', () => {
  const marked = 'data gift_card_balance { consistency strong\n  degrade to <|eventual|> when load > 5x }';
  const [d] = expectDiagnostic(marked, 'degrade-below-floor');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /money \(inferred from its name `gift_card_balance`/);
  expectNo(
    'data gift_card_balance { consistency strong money no\n  degrade to eventual when load > 5x }',
    'degrade-below-floor',
  );
});
