import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = `topology india { region mumbai { replicas 3 primary } region delhi { replicas 2 } link mumbai <-> delhi 45ms }\n`;

test('fires on R + W ≤ N under a linearizable level, with the arithmetic', () => {
  const marked = `${topo}data account_balance { consistency linearizable replication <|quorum write 4 read 1|> }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.equal(
    d.message,
    "`account_balance` is linearizable, but `quorum write 4 read 1` over the 5 replicas of topology 'india' lets a read miss a completed write: R + W = 1 + 4 = 5 ≤ N = 5; reads meet writes only when R + W > N.",
  );
  assert.deepEqual(d.fixes?.map((f) => f.title), ['Raise the write quorum to 5', 'Raise the read quorum to 2', 'Use majority quorums (write 3 read 3 of 5)']);
  for (let i = 0; i < 3; i++) expectNo(applyFix(markers(marked).text, d, i), 'quorum-no-overlap');
});

test('fires when two write quorums need not meet (2W ≤ N)', () => {
  const marked = `${topo}data s { consistency sequential replication <|quorum write 2 read 4|> }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.match(d.message, /lets two writes commit on disjoint replicas: 2 × W = 2 × 2 = 4 ≤ N = 5; writes meet only when W > N\/2\.$/);
  assert.equal(d.fixes?.[0].title, 'Raise the write quorum to 3');
  expectNo(applyFix(markers(marked).text, d), 'quorum-no-overlap');
});

test('a strong `when` branch over the data type’s weak quorum fires, named by its condition', () => {
  const [d] = expectDiagnostic(`${topo}data t { consistency eventual replication <|quorum write 1 read 1|> when amount >= 1 lakh { consistency strong } }`, 'quorum-no-overlap');
  assert.match(d.message, /^`t` when amount >= 1 lakh is strong \(linearizable\), but `quorum write 1 read 1`/);
});

test('stays quiet for overlapping quorums, non-consensus levels, assumed replication and missing topologies', () => {
  expectNo(`${topo}data a { consistency strong replication quorum write 3 read 3 }
data b { consistency strong replication quorum write 5 read 1 }
data c { consistency session replication quorum write 1 read 1 }
data d { consistency bounded(2s) replication quorum write 1 read 1 }
data e { consistency strong }
data f { consistency strong replication sync }
data g { consistency strong replication quorum write 9 read 1 }`, 'quorum-no-overlap');
  expectNo(`data x { consistency strong replication quorum write 1 read 1 }
topology a { region x } topology b { region y }`, 'quorum-no-overlap');
});
