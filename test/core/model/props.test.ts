import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, markers } from '../../helpers/check-text';

test('a bound written the wrong way round is an error, fixed by flipping the comparator', () => {
  const marked = `data a {
  consistency eventual
  availability <|<=|> 99.9%
  latency read p99 <|>=|> 200ms
  budget <|==|> 1 lakh/month
  staleness < 5s
}`;
  const ds = expectDiagnostic(marked, 'wrong-comparator');
  assert.equal(ds[0].message, "'availability' is a lower bound: write `availability >= …`, not `<=`.");
  assert.equal(ds[1].message, "'latency' is an upper bound: write `latency <= …`, not `>=`.");
  let text = markers(marked).text;
  for (const d of [...ds].reverse()) text = applyFix(text, d);
  assert.ok(!check(text).diagnostics.some((d) => d.code === 'wrong-comparator'), text);
});

test('properties a block does not accept are errors with a removal fix', () => {
  const marked =
    'tier t { consistency strong <|topology|> india }\ndata d { consistency strong <|applies|> when amount > 5 }';
  const ds = expectDiagnostic(marked, 'property-not-allowed');
  assert.equal(ds[0].message, "'topology' cannot appear in a tier.");
});

test('a repeated property warns and names the first one', () => {
  const ds = expectDiagnostic('data d { consistency strong <|consistency|> eventual }', 'duplicate-property');
  assert.equal(ds[0].message, "'consistency' is set twice in this block; the later value wins.");
});

test('a currency sign on a rate is an error', () => {
  const [d] = expectDiagnostic('data d { consistency eventual workload <|₹5000/day|> }', 'syntax-bad-quantity');
  assert.match(d.message, /money per day, but a rate of operations is expected/);
});

test('policy, currency and profile are set once per file', () => {
  const marked = 'policy "a"\ncurrency INR\n<|policy "b"|>\n<|currency USD|>\ndata d { consistency eventual }';
  const ds = expectDiagnostic(marked, 'duplicate-setting');
  assert.equal(ds[0].message, "'policy' is set twice in this file; the later one wins.");
  const fixed = applyFix(applyFix(markers(marked).text, ds[1]), ds[0]);
  assert.deepEqual(
    check(fixed).diagnostics.filter((d) => d.code === 'duplicate-setting'),
    [],
  );
});
