import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((x) => x.code === 'when-overlap'), text);

test('fires on overlapping thresholds, giving the common interval; the fix narrows the weaker branch', () => {
  const marked = `data fund_transfer {
  consistency bounded(2s)
  when amount >= 1 lakh { consistency strong }
  when <|amount > 50000|> { consistency session }
}`;
  const [d] = expectDiagnostic(marked, 'when-overlap');
  assert.equal(
    d.message,
    '`when amount > 50000` (session) and `when amount >= 1 lakh` (strong (linearizable)) of `fund_transfer` both apply for ' +
      'amount >= 1 lakh, and their bodies differ: no precedence between them is defined. Narrow one branch so they do not overlap.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount > 50000 and amount < 1 lakh \{ consistency session \}/);
  gone(fixed);
});

test('fires on an exact-boundary overlap; the fix makes the weaker comparator strict', () => {
  const marked = `data t {
  consistency eventual
  when amount <= 1 lakh { consistency bounded(2s) }
  when <|amount >= ₹1 lakh|> { tier rbi.high_value }
}`;
  const [d] = expectDiagnostic(marked, 'when-overlap');
  assert.match(d.message, /both apply for amount == ₹1 lakh, and their bodies differ/);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount < ₹1 lakh \{ consistency bounded\(2s\) \}/);
  gone(fixed);
});

test('fires on two-sided ranges and several conditions', () => {
  const [d] = expectDiagnostic(
    `data t { consistency eventual
  when amount > 10000 and amount < 2 lakh and channel == upi { consistency session }
  when <|amount >= 1 lakh and channel == upi|> { consistency strong } }`,
    'when-overlap',
  );
  assert.match(d.message, /both apply for amount >= 1 lakh and amount < 2 lakh and channel == upi,/);
});

test('stays quiet on disjoint conditions, equal bodies, different fields and non-numeric mixes', () => {
  const quiet = [
    'when amount >= 1 lakh { consistency strong }\n  when amount < 1 lakh { consistency session }',
    'when amount >= 1 lakh { consistency strong }\n  when amount > 50000 { consistency linearizable }',
    'when amount >= 1 lakh { consistency strong }\n  when load > 5x { consistency session }',
    'when amount >= 1 lakh and channel == upi { consistency strong }\n  when amount > 50000 and channel == netbanking { consistency session }',
    'when amount >= 1 lakh { consistency strong }\n  when amount > 5s { consistency session }',
  ];
  for (const body of quiet) expectNo(`data t { consistency eventual\n  ${body} }`, 'when-overlap');
});
