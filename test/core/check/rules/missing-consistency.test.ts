import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on a data type with no level and no tier that sets one', () => {
  const marked = 'data <|clicks|> { staleness <= 15min }';
  const [d] = expectDiagnostic(marked, 'missing-consistency');
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'data clicks { consistency eventual\n  staleness <= 15min }');
  assert.ok(!check(fixed).diagnostics.some((x) => x.code === 'missing-consistency'));
});

test('stays quiet when the level comes from the data type or a tier', () => {
  expectNo('data a { consistency eventual }\ndata b { tier rbi.upi }', 'missing-consistency');
});
