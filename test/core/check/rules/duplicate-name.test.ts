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

test('fires across a file and what it imports, on the importing file, naming the other', () => {
  const ds = check('import "a.consistency"\ndata cart { consistency session }', [
    { uri: 'file:///a.consistency', text: 'data cart { consistency eventual }' },
  ]).diagnostics.filter((d) => d.code === 'duplicate-name');
  assert.deepEqual(
    ds.map((d) => [d.uri, d.range, d.message]),
    [
      [
        'file:///test.consistency',
        { start: 28, end: 32 },
        "Data 'cart' is already declared in a.consistency; the first declaration is used.",
      ],
    ],
  );
});

test('unrelated files never collide: each sees the prelude, itself and what it imports', () => {
  const a = check('data cart { consistency session }\ntopology india { region mumbai }', [
    { uri: 'file:///a.consistency', text: 'data cart { consistency eventual }\ntopology india { region mumbai }' },
  ]);
  assert.deepEqual(
    a.diagnostics.filter((d) => d.code === 'duplicate-name'),
    [],
  );
});

test('two imported files that collide are reported on the import that brings the second', () => {
  const files = [
    { uri: 'file:///x.consistency', text: 'data cart { consistency eventual }' },
    { uri: 'file:///y.consistency', text: 'data cart { consistency session }' },
  ];
  const ds = check('import "x.consistency"\nimport "y.consistency"\n', files).diagnostics.filter(
    (d) => d.code === 'duplicate-name',
  );
  assert.deepEqual(
    ds.map((d) => [d.uri, d.range.start, d.message]),
    [
      [
        'file:///test.consistency',
        30,
        "In y.consistency (line 1), as this file uses it: Data 'cart' is already declared in x.consistency; the first declaration is used.",
      ],
    ],
  );
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

test('a topology declared twice is one diagnostic: the regions of the unused one are not duplicates too', () => {
  const ds = expectDiagnostic('topology t { region a region b }\ntopology <|t|> { region a }', 'duplicate-name');
  assert.equal(ds.length, 1);
});
