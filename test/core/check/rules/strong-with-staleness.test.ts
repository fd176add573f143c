import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a strong level with a staleness bound above zero; both fixes clear it', () => {
  const marked = `data regional_balance { consistency strong staleness <= <|60s|> }`;
  const [d] = expectDiagnostic(marked, 'strong-with-staleness');
  assert.equal(
    d.message,
    '`regional_balance` is strong (linearizable), under which no read is stale (staleness 0), but `staleness <= 60s` allows reads 1 min old: either the bound is meaningless or the level is not strong.',
  );
  assert.deepEqual(
    d.fixes?.map((f) => f.title),
    ["Remove 'staleness <= 60s' (linearizable reads are never stale)", 'Change the level to bounded(60s)'],
  );
  const text = markers(marked).text;
  assert.equal(applyFix(text, d, 1), 'data regional_balance { consistency bounded(60s) staleness <= 60s }');
  expectNo(applyFix(text, d, 0), 'strong-with-staleness');
  expectNo(applyFix(text, d, 1), 'strong-with-staleness');
});

test('fires when the strong level comes from a tier, and in a `when` branch that adds a bound', () => {
  const [d] = expectDiagnostic(
    `data i { tier rbi.interest staleness <= <|1s|> }
data w { consistency strong when region == east { staleness <= <|5s|> } }`,
    'strong-with-staleness',
  );
  assert.match(d.message, /^`i` is strong \(linearizable\) \(from tier 'rbi\.interest'\)/);
});

test('stays quiet for weaker levels, regional, zero bounds and a branch that only strengthens the level', () => {
  expectNo(
    `data a { consistency sequential staleness <= 5s }
data b { consistency regional staleness <= 60s }
data c { consistency strong staleness <= 0ms }
data d { consistency bounded(2s) staleness <= 30s when amount >= 1 lakh { consistency strong } }`,
    'strong-with-staleness',
  );
});
