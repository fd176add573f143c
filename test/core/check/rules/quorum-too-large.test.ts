import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = `topology india { region mumbai { replicas 2 primary } region delhi link mumbai <-> delhi 45ms }\n`;

test('fires on a write or read quorum above the replicas of the topology', () => {
  const marked = `${topo}data a { consistency strong replication quorum write <|5|> read <|4|> }`;
  const [w, r] = expectDiagnostic(marked, 'quorum-too-large');
  assert.equal(
    w.message,
    "`a` waits for 5 write acknowledgements, but topology 'india' has only 3 replicas (mumbai 2, delhi 1): no write can ever complete, so writes always time out.",
  );
  assert.match(r.message, /waits for 4 read acknowledgements/);
  let fixed = applyFix(markers(marked).text, w);
  fixed = applyFix(fixed, r);
  assert.match(fixed, /quorum write 3 read 3/);
  expectNo(fixed, 'quorum-too-large');
});

test('fires on a quorum below one, even without a topology', () => {
  const marked = `data a { consistency eventual replication quorum write 1 read <|0|> }
topology x { region p } topology y { region q }`;
  const [d] = expectDiagnostic(marked, 'quorum-too-large');
  assert.equal(
    d.message,
    'A read quorum of 0 is not a number of replicas: it must be a whole number from 1 to the topology’s replica count.',
  );
  expectNo(applyFix(markers(marked).text, d), 'quorum-too-large');
});

test('a tier’s quorum is checked against each data type’s topology and reported once', () => {
  expectDiagnostic(
    `${topo}tier big { replication quorum write <|7|> read 1 }
data a { tier big consistency eventual }
data b { tier big consistency eventual }`,
    'quorum-too-large',
  );
});

test('stays quiet for quorums within the replicas', () => {
  expectNo(
    `${topo}data a { consistency strong replication quorum write 3 read 1 }
data b { consistency eventual replication quorum write 1 read 3 }
data c { consistency strong replication quorum }
data d { consistency strong replication sync }`,
    'quorum-too-large',
  );
});
