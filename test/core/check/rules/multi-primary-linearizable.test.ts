import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = (flags: string) => `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 ${flags} }
  link mumbai <-> delhi 45ms
}
`;
const gone = (text: string) =>
  assert.ok(!check(text).diagnostics.some((x) => x.code === 'multi-primary-linearizable'), text);

test('fires on `primary a, b` under strong, and keeps one primary', () => {
  const marked = `${topo('')}data account_balance { consistency strong primary <|mumbai, delhi|> }`;
  const [d] = expectDiagnostic(marked, 'multi-primary-linearizable');
  assert.equal(
    d.message,
    '`account_balance` is strong (linearizable) but accepts writes at 2 primaries (`primary mumbai, delhi`); mumbai↔delhi 45 ms round trip: ' +
      "each primary can accept a write before it hears of the other's, so there is no single order of writes and conflicting writes must be " +
      'resolved afterwards, which the level forbids. Keep one primary.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /consistency strong primary mumbai \}$/);
  gone(fixed);
});

test('fires when the topology flags several primaries, on the level; the fix adds `primary`', () => {
  const marked = `${topo('primary')}data ledger { consistency <|sequential|> }`;
  const [d] = expectDiagnostic(marked, 'multi-primary-linearizable');
  assert.match(d.message, /\(topology `india` flags mumbai, delhi as primary\)/);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /data ledger \{ primary mumbai\n {2}consistency sequential \}$/);
  gone(fixed);
});

test('fires on a strong `when` branch whose level comes from a tier', () => {
  const marked = `${topo('primary')}data transfer { consistency eventual\n  when amount >= 1 lakh { tier <|rbi.high_value|> } }`;
  const [d] = expectDiagnostic(marked, 'multi-primary-linearizable');
  assert.match(
    d.message,
    /^`transfer` when amount >= 1 lakh is strong \(linearizable\), from tier rbi\.high_value, but accepts writes at 2 primaries/,
  );
});

test('stays quiet with one primary, or with several under a weaker level', () => {
  expectNo(`${topo('')}data a { consistency strong }`, 'multi-primary-linearizable');
  expectNo(`${topo('primary')}data a { consistency strong primary mumbai }`, 'multi-primary-linearizable');
  expectNo(
    `${topo('primary')}data a { consistency causal }\ndata b { consistency regional primary mumbai, delhi }`,
    'multi-primary-linearizable',
  );
});
