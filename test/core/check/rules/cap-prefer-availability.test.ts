import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 }
  link mumbai <-> delhi 45ms
}
`;
const gone = (text: string) =>
  assert.ok(!check(text).diagnostics.some((x) => x.code === 'cap-prefer-availability'), text);

test('fires on strong with `partition prefer availability`, naming both sides with the majority', () => {
  const marked = `${topo}data account_balance { consistency strong partition prefer <|availability|> }`;
  const [d] = expectDiagnostic(marked, 'cap-prefer-availability');
  assert.equal(
    d.message,
    '`partition prefer availability` contradicts strong (linearizable) on `account_balance`: during a partition a side holding fewer than ' +
      '3 of 5 replicas cannot place a write in the order the majority is building, so it must refuse writes, and reads it cannot prove current, ' +
      'to stay linearizable. It cannot stay both available and linearizable (CAP; SBI YONO Mumbai–Pune split-brain, source L3673–L3718, see docs/sources.md#l3525). ' +
      'Prefer consistency, or choose a weaker level.',
  );
  assert.equal(d.fixes?.[0].title, 'Prefer consistency during partitions (the side without a majority refuses writes)');
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /partition prefer consistency \}$/);
  gone(fixed);
});

test("fires on a `when` branch that is strong under the data type's availability preference", () => {
  const marked =
    'data transfer { consistency bounded(2s) partition prefer <|availability|>\n  when amount >= 1 lakh { consistency sequential } }';
  const [d] = expectDiagnostic(marked, 'cap-prefer-availability');
  assert.match(
    d.message,
    /contradicts sequential on `transfer` when amount >= 1 lakh: .* fewer than 2 of 3 replicas \(assumed: no topology\)/,
  );
  // Sequential lets the minority side serve reads (stale, in order); it is the writes there that cannot be ordered.
  assert.match(d.message, /must refuse writes \(it may keep serving reads: sequential lets them be stale, in order\)/);
  assert.doesNotMatch(d.message, /serve stale data/);
  gone(applyFix(markers(marked).text, d));
});

test('a preference from a tier: reported on the tier reference, fixed by overriding it in the data', () => {
  const marked =
    'tier fast { partition prefer availability }\ndata a { consistency strict_serializable tier <|fast|> }';
  const [d] = expectDiagnostic(marked, 'cap-prefer-availability');
  assert.match(d.message, /^`partition prefer availability` \(from tier fast\) contradicts strict_serializable/);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /data a \{ partition prefer consistency\n {2}consistency strict_serializable tier fast \}$/);
  gone(fixed);
});

test('stays quiet on strong preferring consistency, and on weaker levels preferring availability', () => {
  expectNo(`${topo}data a { consistency strong partition prefer consistency }`, 'cap-prefer-availability');
  expectNo(
    'data a { consistency strong }\ndata b { consistency causal partition prefer availability }',
    'cap-prefer-availability',
  );
  expectNo('data c { consistency regional partition prefer availability }', 'cap-prefer-availability');
});

test('a preference from a tier named in a `when` branch: the fix overrides it inside that branch', () => {
  const marked =
    'tier fast { partition prefer availability }\ndata a { consistency eventual\n  when amount >= 1 lakh { tier <|fast|> consistency strong } }';
  const [d] = expectDiagnostic(marked, 'cap-prefer-availability');
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /when amount >= 1 lakh \{ partition prefer consistency\n {2}tier fast consistency strong \}/);
  gone(fixed);
});
