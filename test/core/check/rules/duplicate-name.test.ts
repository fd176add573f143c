import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectDiagnostic, expectNo } from '../../../helpers/check-text';

test('fires on the second declaration of a data type, tier or region', () => {
  const ds = expectDiagnostic(
    `data cart { consistency session }
data <|cart|> { consistency eventual }
tier gold { consistency strong }
tier <|gold|> { consistency strong }
topology t { region a region <|a|> }`,
    'duplicate-name',
  );
  assert.equal(ds[0].message, "Data 'cart' is already declared; the first declaration is used.");
  assert.equal(ds[2].message, "Region 'a' is already declared in topology 't'; the first declaration is used.");
});

test('fires across files and names the other file', () => {
  const ds = check('data cart { consistency session }', [{ uri: 'file:///a.consistency', text: 'data cart { consistency eventual }' }])
    .diagnostics.filter((d) => d.code === 'duplicate-name');
  assert.deepEqual(ds.map((d) => [d.uri, d.range, d.message]), [
    ['file:///a.consistency', { start: 5, end: 9 }, "Data 'cart' is already declared in test.consistency; the first declaration is used."],
  ]);
});

test('stays quiet for same names of different kinds, regions in different topologies, and overriding a built-in tier', () => {
  expectNo(
    `data india { consistency eventual }
topology india { region mumbai }
topology backup { region mumbai }
tier rbi.upi { consistency strong }`,
    'duplicate-name',
  );
});
