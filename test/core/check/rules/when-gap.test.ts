import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((x) => x.code === 'when-gap'), text);

test("fires on a branch stricter than the `applies when` of its tier (contradiction 34); the fix takes the tier's comparator", () => {
  const marked = `data fund_transfer {
  consistency bounded(2s)
  when <|amount > 1 lakh|> { tier rbi.high_value }
}`;
  const [d] = expectDiagnostic(marked, 'when-gap');
  assert.equal(
    d.message,
    '`when amount > 1 lakh` of `fund_transfer` names tier `rbi.high_value`, which applies when amount >= 1 lakh: amount == 1 lakh itself ' +
      'falls to the base level `bounded(2s)`, not `strong (linearizable)` (source contradiction 34: "> ₹1 lakh" at L3531 vs `>= 100000` at ' +
      "L3562). Use the tier's `amount >= 1 lakh`.",
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount >= 1 lakh \{ tier rbi\.high_value \}/);
  gone(fixed);
});

test('fires on two branches that split at a threshold and both exclude it; the stronger branch takes it', () => {
  const marked = `data transfer {
  consistency eventual
  when amount < 1 lakh { consistency session }
  when <|amount > 1 lakh|> { consistency strong }
}`;
  const [d] = expectDiagnostic(marked, 'when-gap');
  assert.equal(
    d.message,
    '`when amount > 1 lakh` and `when amount < 1 lakh` of `transfer` both exclude amount == 1 lakh: that value falls to the base level ' +
      '`eventual`, not `strong (linearizable)`. Use `>=` in one of them.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount >= 1 lakh \{ consistency strong \}/);
  gone(fixed);
});

test('when the lower branch is the stronger one, it takes the threshold with `<=`', () => {
  const marked =
    'data t { consistency eventual\n  when <|latency_budget < 5s|> { consistency strong }\n  when latency_budget > 5s { consistency session } }';
  const [d] = expectDiagnostic(marked, 'when-gap');
  assert.match(applyFix(markers(marked).text, d), /when latency_budget <= 5s \{ consistency strong \}/);
});

test("fires on a branch whose threshold is above the tier's, showing the values left out", () => {
  const marked = 'data t { consistency eventual\n  when <|amount > 2 lakh|> { tier rbi.high_value } }';
  const [d] = expectDiagnostic(marked, 'when-gap');
  assert.match(
    d.message,
    /: amount >= 1 lakh and amount <= 2 lakh falls to the base level `eventual`, not `strong \(linearizable\)`\. Use the tier's `amount >= 1 lakh`\.$/,
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount >= 1 lakh \{ tier rbi\.high_value \}/);
  gone(fixed);
});

test('stays quiet when the threshold is covered, or falls to a level that already meets the branch', () => {
  const quiet = [
    'data a { consistency bounded(2s)\n  when amount >= 1 lakh { tier rbi.high_value } }',
    'data b { consistency eventual\n  when amount < 1 lakh { consistency session }\n  when amount >= 1 lakh { consistency strong } }',
    'data c { consistency eventual\n  when amount < 1 lakh { consistency session }\n  when amount > 1 lakh { consistency strong }\n  when amount == 1 lakh { consistency strong } }',
    'data d { consistency strong\n  when amount < 1 lakh { consistency strong }\n  when amount > 1 lakh { tier rbi.high_value } }',
    'data e { consistency eventual\n  when amount > 2 lakh { tier rbi.high_value }\n  when amount >= 1 lakh { consistency strong } }',
  ];
  for (const text of quiet) expectNo(text, 'when-gap');
});
