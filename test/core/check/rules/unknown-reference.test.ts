import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

test('fires on an unknown tier, topology and region, with a suggestion', () => {
  const marked = `topology india { region mumbai { replicas 3 primary } region delhi link mumbai <-> <|dehli|> 45ms }
data a { topology <|indai|> consistency strong }
data b { tier <|rbi.hgh_value|> consistency strong primary <|chennai|> }`;
  const ds = expectDiagnostic(marked, 'unknown-reference');
  assert.equal(ds[0].message, "Unknown region 'dehli' in topology 'india'. Did you mean 'delhi'?");
  assert.equal(ds[1].message, "Unknown topology 'indai'. Did you mean 'india'?");
  assert.equal(ds[2].message, "Unknown tier 'rbi.hgh_value'. Did you mean 'rbi.high_value'?");
  assert.match(ds[3].message, /^Unknown region 'chennai' in topology 'india'\.$/);
  const fixed = applyFix(markers(marked).text, ds[1]);
  assert.match(fixed, /topology india consistency strong/);
});

test('fires on a transaction member that is not a data type', () => {
  expectDiagnostic(
    `data account_balance { consistency strong }
transaction transfer { account_balance, <|ledger|> }`,
    'unknown-reference',
  );
});

test('stays quiet when every name resolves, including built-in tiers and imported files', () => {
  expectNo(
    `import "other.consistency"\ndata a { topology india tier rbi.upi tier shared consistency bounded(1s) primary mumbai }`,
    'unknown-reference',
    [
      {
        uri: 'file:///other.consistency',
        text: 'topology india { region mumbai { primary } }\ntier shared { consistency eventual }',
      },
    ],
  );
});

test('a name declared in a file this one does not import: the message names that file, the fix imports it', () => {
  const other = [{ uri: 'file:///shared/aws.consistency', text: 'topology aws { region us-east-1 { primary } }' }];
  const marked = 'data orders { topology <|aws|> consistency eventual }';
  const [d] = expectDiagnostic(marked, 'unknown-reference', other);
  assert.equal(
    d.message,
    "Unknown topology 'aws'. A topology 'aws' is declared in shared/aws.consistency, which this file does not import: a file sees only the prelude, itself and what it imports.",
  );
  assert.equal(d.fixes?.[0].title, 'Add `import "shared/aws.consistency"`');
  const fixed = applyFix(markers(marked).text, d);
  assert.equal(fixed, 'import "shared/aws.consistency"\ndata orders { topology aws consistency eventual }');
  expectNo(fixed, 'unknown-reference', other);
});
