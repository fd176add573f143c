import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const tier = `tier gold { consistency strong latency write p99 <= 3s availability >= 99.99% staleness <= 1s }\n`;

test('fires on an availability target looser than the tier’s', () => {
  const marked = `${tier}data account_balance { tier gold availability >= <|99.9%|> }`;
  const [d] = expectDiagnostic(marked, 'sla-looser-than-tier');
  assert.equal(
    d.message,
    "`account_balance` asks for availability >= 99.9%, looser than tier 'gold', which requires >= 99.99%; the tier's target applies.",
  );
  expectNo(applyFix(markers(marked).text, d), 'sla-looser-than-tier');
});

test('fires on a latency bound looser than the tier’s at the same or a higher percentile', () => {
  const marked = `${tier}data a { tier gold latency write p99 <= <|5s|> latency write p95 <= <|4s|> latency read p99 <= 9s }`;
  const [d1, d2] = expectDiagnostic(marked, 'sla-looser-than-tier');
  assert.equal(
    d1.message,
    "`a` allows latency write p99 <= 5s, looser than tier 'gold', which requires write p99 <= 3s; the tier's bound applies.",
  );
  assert.match(
    d2.message,
    /write p95 <= 4s, looser than tier 'gold', which requires write p99 <= 3s \(a p95 is never above the p99\)/,
  );
  let fixed = applyFix(markers(marked).text, d1);
  fixed = applyFix(fixed, expectDiagnostic(fixed.replace('p95 <= 4s', 'p95 <= <|4s|>'), 'sla-looser-than-tier')[0]);
  expectNo(fixed, 'sla-looser-than-tier');
});

test('fires on a staleness bound looser than the tier’s bound or its bounded(T) level', () => {
  const [d1] = expectDiagnostic(`${tier}data a { tier gold staleness <= <|30s|> }`, 'sla-looser-than-tier');
  assert.equal(
    d1.message,
    "`a` allows staleness <= 30s (30 s), looser than tier 'gold', which allows staleness <= 1s (1 s); the tier's bound applies.",
  );
  const marked = `data cart { tier rbi.upi staleness <= <|30s|> }`;
  const [d2] = expectDiagnostic(marked, 'sla-looser-than-tier');
  assert.equal(
    d2.message,
    "`cart` allows staleness <= 30s (30 s), looser than tier 'rbi.upi', which allows bounded(2s) (2 s); the tier's bound applies.",
  );
  expectNo(applyFix(markers(marked).text, d2), 'sla-looser-than-tier');
});

test('checks a `when` branch against the tiers it names', () => {
  expectDiagnostic(
    `data t { consistency bounded(2s) when amount >= 1 lakh { tier rbi.high_value latency write p99 <= <|10s|> } }`,
    'sla-looser-than-tier',
  );
});

test('stays quiet for stricter or unrelated bounds, and without tiers', () => {
  expectNo(
    `${tier}data a { tier gold latency write p99 <= 2s latency read p99 <= 9s latency write p999 <= 10s availability >= 99.999% staleness <= 500ms }
data b { latency write p99 <= 9s availability >= 90% }
data c { tier rbi.upi staleness <= 1s }`,
    'sla-looser-than-tier',
  );
});
