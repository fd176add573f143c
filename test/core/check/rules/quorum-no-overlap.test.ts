import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = `topology india { region mumbai { replicas 3 primary } region delhi { replicas 2 } link mumbai <-> delhi 45ms }\n`;
const zk = 'topology zk { region us-east-1 { replicas 5 primary } }\n';

test('fires on R + W ≤ N under a linearizable level, with the arithmetic; fixes read more before they write more', () => {
  const marked = `${topo}data account_balance { consistency linearizable replication <|quorum write 4 read 1|> }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.equal(
    d.message,
    "`account_balance` is linearizable, but `quorum write 4 read 1` over the 5 replicas of topology 'india' lets a read miss a completed write: " +
      'R + W = 1 + 4 = 5 ≤ N = 5; a linearizable read meets every write only when R + W > N.',
  );
  assert.deepEqual(
    d.fixes?.map((f) => f.title),
    [
      'Read from 2 of 5 replicas: `quorum write 4 read 2` (up with 1 of 5 replicas down)',
      'Declare `consistency sequential`: what majority writes with sticky local reads give',
      'Use majority quorums: `quorum write 3 read 3` (up with 2 of 5 replicas down)',
    ],
  );
  for (let i = 0; i < 3; i++) expectNo(applyFix(markers(marked).text, d, i), 'quorum-no-overlap');
});

test('ZooKeeper: sequential with majority writes and local reads by sticky sessions is fine, written out or defaulted', () => {
  expectNo(
    `${zk}data a { topology zk consistency sequential replication quorum write 3 read 1 sessions sticky }`,
    'quorum-no-overlap',
  );
  expectNo(`${zk}data b { topology zk consistency sequential replication quorum write 3 read 1 }`, 'quorum-no-overlap');
});

test('ZooKeeper read as linearizable: R + W ≤ N is an error; the first fix reads from a majority, never writes to all', () => {
  const marked = `${zk}data leader { topology zk consistency linearizable replication <|quorum write 3 read 1|> }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.match(d.message, /R \+ W = 1 \+ 3 = 4 ≤ N = 5/);
  assert.equal(d.fixes?.[0].title, 'Read from 3 of 5 replicas: `quorum write 3 read 3` (up with 2 of 5 replicas down)');
  assert.ok(
    !d.fixes?.some((f) => f.edits[0].newText.startsWith('quorum write 5')),
    'no fix stops every write when one server is down',
  );
});

test('sequential with roaming sessions needs R + W > N; the fixes read more or keep sessions sticky', () => {
  const marked = `${zk}data registry { topology zk consistency sequential replication <|quorum write 3 read 1|> sessions roaming }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.match(
    d.message,
    /lets a roaming session \(`sessions roaming`\) read from replicas that miss its own completed write: R \+ W = 1 \+ 3 = 4 ≤ N = 5/,
  );
  assert.deepEqual(d.fixes?.map((f) => f.title).slice(0, 2), [
    'Read from 3 of 5 replicas: `quorum write 3 read 3` (up with 2 of 5 replicas down)',
    'Keep sessions sticky (a session stays with, or waits for, a replica that has its writes)',
  ]);
  expectNo(applyFix(markers(marked).text, d, 1), 'quorum-no-overlap');
});

test('fires when two write quorums need not meet (2W ≤ N), and on async replication under one order of writes', () => {
  const marked = `${topo}data s { consistency sequential replication <|quorum write 2 read 4|> }`;
  const [d] = expectDiagnostic(marked, 'quorum-no-overlap');
  assert.match(d.message, /2 × W = 2 × 2 = 4 ≤ N = 5; one order of writes needs W > N\/2\.$/);
  assert.equal(d.fixes?.[0].title, 'Use `quorum write 3 read 4` (up with 1 of 5 replicas down)');
  expectNo(applyFix(markers(marked).text, d), 'quorum-no-overlap');
  const [a] = expectDiagnostic(`${topo}data q { consistency sequential replication <|async|> }`, 'quorum-no-overlap');
  assert.match(a.message, /`replication async` \(W = 1, R = 1\) over the 5 replicas .* 2 × W = 2 × 1 = 2 ≤ N = 5/);
  const [l] = expectDiagnostic(`${topo}data r { consistency strong replication <|async|> }`, 'quorum-no-overlap');
  assert.match(l.message, /R \+ W = 1 \+ 1 = 2 ≤ N = 5; .*; and it lets two writes commit on disjoint replicas/);
});

test('a fix that needs every replica says so in its title', () => {
  const [d] = expectDiagnostic(
    'topology t { region a { replicas 2 primary } }\ndata x { topology t consistency strong replication <|quorum write 1 read 1|> }',
    'quorum-no-overlap',
  );
  assert.ok(
    d.fixes?.some((f) => /stop when any replica is down/.test(f.title)),
    JSON.stringify(d.fixes?.map((f) => f.title)),
  );
});

test('a strong `when` branch over the data type’s weak quorum fires, named by its condition', () => {
  const [d] = expectDiagnostic(
    `${topo}data t { consistency eventual replication <|quorum write 1 read 1|> when amount >= 1 lakh { consistency strong } }`,
    'quorum-no-overlap',
  );
  assert.match(d.message, /^`t` when amount >= 1 lakh is strong \(linearizable\), but `quorum write 1 read 1`/);
});

test('stays quiet for overlapping quorums, non-consensus levels, assumed replication and missing topologies', () => {
  expectNo(
    `${topo}data a { consistency strong replication quorum write 3 read 3 }
data b { consistency strong replication quorum write 5 read 1 }
data c { consistency session replication quorum write 1 read 1 }
data d { consistency bounded(2s) replication quorum write 1 read 1 }
data e { consistency strong }
data f { consistency strong replication sync }
data g { consistency strong replication quorum write 9 read 1 }
data h { consistency sequential replication quorum write 3 read 1 }`,
    'quorum-no-overlap',
  );
  expectNo(
    `data x { consistency strong replication quorum write 1 read 1 }
topology a { region x } topology b { region y }`,
    'quorum-no-overlap',
  );
});

test('a defaulted setting and the same setting written out give the same verdict', () => {
  const verdict = (text: string) =>
    check(`${topo}${text}`).diagnostics.filter((x) => x.code === 'quorum-no-overlap').length;
  assert.equal(
    verdict('data a { consistency strong }'),
    verdict('data a { consistency strong replication quorum write 3 read 3 }'),
  );
  assert.equal(
    verdict('data a { consistency strong replication quorum }'),
    verdict('data a { consistency strong replication quorum write 3 read 3 }'),
  );
  assert.equal(
    verdict('data a { consistency sequential replication quorum write 3 read 1 }'),
    verdict('data a { consistency sequential replication quorum write 3 read 1 sessions sticky }'),
  );
});
