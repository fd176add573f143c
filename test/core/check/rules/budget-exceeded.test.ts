import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';
import { india } from '../../estimate/helpers';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((d) => d.code === 'budget-exceeded'), text);

test('fires when the estimate is over budget, naming the biggest lines; raising the budget clears it', () => {
  const marked = `${india}data a {
  consistency strong
  replication sync
  workload 35M/day reads 80%
  <|budget <= 12 lakh/month|>
}`;
  const [d] = expectDiagnostic(marked, 'budget-exceeded');
  assert.equal(
    d.message,
    'estimated ₹23.84 lakh/month for `a` (profile india-2024) exceeds `budget <= 12 lakh/month`; biggest lines: operations ₹21 lakh (1,050M ops × ₹2,000 per million), replicas ₹1.75 lakh (7 × ₹25,000)',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /budget <= 23\.9 lakh\/month/);
  gone(fixed);
});

test('a budget in another currency is converted before comparing', () => {
  const marked = `${india}data a { consistency eventual <|budget <= $1k/month|> }`;
  const [d] = expectDiagnostic(marked, 'budget-exceeded');
  assert.match(d.message, /exceeds `budget <= \$1k\/month` \(≈ ₹83,000\)/);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /budget <= \$1\.8k\/month/);
  gone(fixed);
});

test('stays quiet within budget or without one', () => {
  expectNo(`${india}data a { consistency eventual budget <= 2 lakh/month }`, 'budget-exceeded');
  expectNo(`${india}data a { consistency strong }`, 'budget-exceeded');
});
