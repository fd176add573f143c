import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a level that does not imply its tier’s, naming both and what is missing', () => {
  const marked = `data transfer { tier rbi.upi consistency <|eventual|> }`;
  const [d] = expectDiagnostic(marked, 'level-below-tier');
  assert.equal(
    d.message,
    "`transfer` is eventual, but tier 'rbi.upi' requires bounded(2s): eventual lacks consistent-prefix, staleness ≤ 2000 ms.",
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'data transfer { tier rbi.upi consistency bounded(2s) }');
  expectNo(fixed, 'level-below-tier');
});

test('fires on a `when` branch below the tier it names, and keeps the tier’s spelling in the fix', () => {
  const marked = `data fund_transfer {
  consistency bounded(2s)
  when amount >= 1 lakh { tier rbi.high_value consistency <|session|> }
}`;
  const [d] = expectDiagnostic(marked, 'level-below-tier');
  assert.equal(
    d.message,
    "`fund_transfer` when amount >= 1 lakh is session, but tier 'rbi.high_value' requires strong (linearizable): session lacks consistent-prefix, causal, total-order, real-time, staleness 0.",
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /tier rbi\.high_value consistency strong \}/);
  expectNo(fixed, 'level-below-tier');
});

test('a branch inheriting the same contradiction is reported once, on the data type', () => {
  expectDiagnostic(
    `data t { tier rbi.interest consistency <|causal|> when amount > 5 { latency read p99 <= 1s } }`,
    'level-below-tier',
  );
});

test('a looser bounded level is below a tighter bounded tier', () => {
  const [d] = expectDiagnostic(
    `tier fast { consistency bounded(1s) }
data x { tier fast consistency <|bounded(5s)|> }`,
    'level-below-tier',
  );
  assert.match(d.message, /lacks staleness ≤ 1000 ms\.$/);
});

test('stays quiet when the level implies the tier’s, or comes from the tier', () => {
  expectNo(
    `data a { tier rbi.upi consistency strong }
data b { tier rbi.balance_query consistency causal }
data c { tier rbi.statement consistency session }
data d { tier rbi.upi }
data e { consistency bounded(2s) when amount >= 1 lakh { tier rbi.high_value } }
data f { tier rbi.upi consistency bounded(1s) }`,
    'level-below-tier',
  );
});

test('a fix that raises the level to one needing a majority says what it costs during a partition', () => {
  const marked = 'data transfer { tier rbi.high_value consistency <|bounded(2s)|> }';
  const [d] = expectDiagnostic(marked, 'level-below-tier');
  assert.equal(
    d.fixes?.[0].title,
    "Raise the level to strong (tier 'rbi.high_value'): during a partition the side without a majority then refuses writes",
  );
});
