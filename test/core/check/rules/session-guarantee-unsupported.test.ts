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
  assert.ok(!check(text).diagnostics.some((x) => x.code === 'session-guarantee-unsupported'), text);

test('roaming sessions whose reads need not meet their writes: read-your-writes and monotonic reads fail', () => {
  const marked = `${topo}data history { consistency <|read_your_writes|> replication quorum write 1 read 1 sessions roaming }`;
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.equal(d.severity, 'error');
  assert.equal(
    d.message,
    'read_your_writes on `history` promises what the design cannot give: with `sessions roaming` its read can reach replicas that miss its own ' +
      'write or one it read before (R + W = 1 + 1 = 2 ≤ N = 5), so read-your-writes can fail.',
  );
  const text = markers(marked).text;
  assert.deepEqual(
    d.fixes?.map((f) => f.title),
    [
      'Keep sessions sticky (a session stays with, or waits for, a replica that has its writes)',
      'Read from 5 of 5 replicas: `replication quorum write 1 read 5` (reads stop when any replica is down)',
    ],
  );
  gone(applyFix(text, d, 0));
  gone(applyFix(text, d, 1));
});

test('roaming sessions over quorums that meet every write keep read-your-writes (Cassandra QUORUM/QUORUM)', () => {
  expectNo(
    `${topo}data prefs { consistency session(read_your_writes, monotonic_reads) replication quorum write 3 read 3 sessions roaming }`,
    'session-guarantee-unsupported',
  );
});

test('sticky sessions survive async replication and failover for availability (HAT: sticky available), written out or defaulted', () => {
  for (const rep of ['replication async ', '']) {
    for (const sessions of ['sessions sticky ', '']) {
      expectNo(
        `${topo}data user_profile { consistency session ${rep}${sessions}partition prefer availability }`,
        'session-guarantee-unsupported',
      );
      expectNo(
        `${topo}data chat { consistency causal ${rep}${sessions}partition prefer availability primary mumbai, delhi conflict merge union }`,
        'session-guarantee-unsupported',
      );
    }
  }
});

test('several primaries with wall-clock last writer wins break writes-follow-reads and causal; Lamport clocks do not', () => {
  const marked = `${topo}data comments { consistency <|causal|> conflict last_writer_wins primary mumbai, delhi }`;
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.match(d.message, /resolved by `last_writer_wins` on wall clocks: .* \(writes-follow-reads, causal fail\)\.$/);
  assert.deepEqual(
    d.fixes?.map((f) => f.title),
    [
      'Resolve by Lamport clocks: `conflict last_writer_wins logical`',
      'Keep one primary: mumbai (the other regions write through it, and cannot while it is unreachable)',
    ],
  );
  const text = markers(marked).text;
  gone(applyFix(text, d, 0));
  gone(applyFix(text, d, 1));
  // `physical` is the default: written out, the same verdict.
  expectDiagnostic(
    `${topo}data c2 { consistency <|causal|> conflict last_writer_wins physical primary mumbai, delhi }`,
    'session-guarantee-unsupported',
  );
  expectNo(
    `${topo}data c3 { consistency causal conflict last_writer_wins logical primary mumbai, delhi partition prefer availability }`,
    'session-guarantee-unsupported',
  );
  // Read-your-writes and monotonic reads hold for sticky sessions even under wall-clock last writer wins.
  expectNo(
    `${topo}data c4 { consistency session(read_your_writes, monotonic_reads) conflict last_writer_wins primary mumbai, delhi }`,
    'session-guarantee-unsupported',
  );
});

test('a causal level inherited from a tier is reported on the tier reference', () => {
  const marked = `${topo}tier chat { consistency causal }\ndata messages { tier <|chat|> replication async sessions roaming }`;
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.match(
    d.message,
    /^causal \(tier chat\) on `messages` promises what the design cannot give: with `sessions roaming`.*read-your-writes, monotonic-reads, causal can fail\.$/,
  );
});

test('stays quiet for eventual data, sequential and stronger levels (quorum-no-overlap judges those), and one primary', () => {
  expectNo(
    `${topo}data f { consistency eventual replication async sessions roaming }`,
    'session-guarantee-unsupported',
  );
  expectNo(
    `${topo}data g { consistency sequential replication quorum write 3 read 1 sessions roaming }`,
    'session-guarantee-unsupported',
  );
  expectNo(`${topo}data h { consistency session conflict last_writer_wins }`, 'session-guarantee-unsupported');
});

test('an unknown sessions value is an error with the values it takes', () => {
  const [d] = expectDiagnostic(`${topo}data x { consistency session sessions <|wandering|> }`, 'unknown-value');
  assert.equal(d.message, "'sessions' is sticky or roaming, not 'wandering'.");
});
