import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectDiagnostic, expectNo } from '../../../helpers/check-text';

const topology = `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 }
  link mumbai <-> delhi 30ms
}
`;
const feed = (store: string) => `${store}${topology}data feed {
  topology india
  consistency <|bounded(2s)|>
}`;

test('fires for bounded(2s) on a multi-region DynamoDB topology, on the level it cannot give', () => {
  const [d] = expectDiagnostic(feed('store dynamodb\n'), 'store-cannot-provide');
  assert.equal(d.severity, 'warning');
  assert.equal(
    d.message,
    'DynamoDB cannot give `feed` (bounded(2s)) exactly: bounded(2s): global tables replicate asynchronously with no bound (typically within a second); only strong reads bound it: MRSC (exactly three Regions) or keep one single-Region table in mumbai and read it with ConsistentRead from every region.',
  );
  assert.equal(d.fixes, undefined);
});

test('only the declared stores are checked, and aliases resolve', () => {
  const ds = check(feed('store postgresql, dynamodb\n').replace(/<\||\|>/g, '')).diagnostics.filter(
    (x) => x.code === 'store-cannot-provide',
  );
  assert.ok(ds.length >= 1);
  assert.ok(ds.every((x) => x.message.startsWith('DynamoDB') || x.message.startsWith('PostgreSQL')));
});

test('stays quiet without a store', () => {
  expectNo(feed('').replace(/<\||\|>/g, ''), 'store-cannot-provide');
});

test('stays quiet for a store that can provide the level', () => {
  expectNo(feed('store cosmos\n').replace(/<\||\|>/g, ''), 'store-cannot-provide');
});

test('an unknown store is an error with a did-you-mean fix', () => {
  const [d] = expectDiagnostic('store <|dynamo-db|>\ndata a { consistency eventual }', 'unknown-store');
  assert.match(d.message, /^Unknown store 'dynamo-db'; use one of cassandra, .*\. Did you mean 'dynamodb'\?$/);
  assert.equal(d.fixes?.[0].edits[0].newText, 'dynamodb');
});

test('underlines the construct a store cannot give: the conflict strategy, the primary list, the tier reference', () => {
  const multi = `store dynamodb\n${topology}data ledger {\n  topology india\n  consistency eventual\n  primary mumbai, delhi\n  conflict <|abort|>\n}`;
  expectDiagnostic(multi, 'store-cannot-provide');
  const pg = `store postgres\n${topology}data ledger {\n  topology india\n  consistency eventual\n  primary <|mumbai, delhi|>\n}`;
  expectDiagnostic(pg, 'store-cannot-provide');
  const tier = `store dynamodb\n${topology}tier team.feed { consistency bounded(2s) }\ndata feed {\n  topology india\n  tier <|team.feed|>\n}`;
  expectDiagnostic(tier, 'store-cannot-provide');
});
