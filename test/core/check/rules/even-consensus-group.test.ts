import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires (info) on consensus over an even number of replicas, with the majority arithmetic', () => {
  const marked = `topology <|cross|> { region mumbai { replicas 2 primary } region delhi { replicas 2 } link mumbai <-> delhi 45ms }
data transfer { consistency strong }`;
  const [d] = expectDiagnostic(marked, 'even-consensus-group');
  assert.equal(d.severity, 'info');
  assert.equal(
    d.message,
    "Topology 'cross' has 4 replicas (mumbai 2, delhi 2) and 'transfer' needs consensus over them: a majority of 4 is 3, which survives 1 failure, the same as 3 replicas, at the cost of one more.",
  );
  assert.equal(d.fixes?.[0].title, 'Use 3 replicas: delhi 2 → 1');
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /region delhi \{ replicas 1 \}/);
  expectNo(fixed, 'even-consensus-group');
});

test('a strong `when` branch counts; no fix when no region writes two or more replicas', () => {
  const [d] = expectDiagnostic(
    `topology <|t|> { region a region b link a <-> b 5ms }
data x { topology t consistency eventual when amount >= 1 lakh { consistency strong } }`,
    'even-consensus-group',
  );
  assert.equal(d.fixes, undefined);
});

test('stays quiet for odd groups, weaker levels and non-quorum replication', () => {
  expectNo(
    `topology odd { region mumbai { replicas 3 } region delhi { replicas 2 } link mumbai <-> delhi 45ms }
topology even { region a { replicas 2 } region b { replicas 2 } link a <-> b 5ms }
data x { topology odd consistency strong }
data y { topology even consistency causal }
data z { topology even consistency strong replication sync }`,
    'even-consensus-group',
  );
});
