import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';

const topo = `topology india {
  region mumbai { replicas 3 primary }
  region delhi { replicas 2 }
  link mumbai <-> delhi 45ms
}
`;
const gone = (text: string) => assert.ok(!check(text).diagnostics.some((x) => x.code === 'session-guarantee-unsupported'), text);

test('fires on read-your-writes with last_writer_wins across two primaries; keeping one primary fixes it', () => {
  const marked = `${topo}data cart { consistency <|session(read_your_writes, monotonic_reads)|> conflict last_writer_wins primary mumbai, delhi }`;
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.equal(
    d.message,
    'session(read_your_writes, monotonic_reads) on `cart` promises read-your-writes, but writes are accepted at 2 primaries (mumbai, delhi) ' +
      "and resolved by `last_writer_wins`: a session's own write can be replaced by a concurrent write at another primary whose clock is " +
      'later, so the session no longer sees its write, or sees its writes out of order. Keep one primary, or resolve conflicts without losing writes.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /primary mumbai \}$/);
  gone(fixed);
});

test('fires on async replication that fails over for availability, with two fixes', () => {
  const marked = `${topo}data user_profile { consistency <|session|> replication async partition prefer availability }`;
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.equal(
    d.message,
    'session on `user_profile` promises read-your-writes, monotonic-reads, monotonic-writes, writes-follow-reads, but `replication async` ' +
      'acknowledges a write at 1 replica and `partition prefer availability` fails over to a replica that may lack it: a session that ' +
      'already saw the write then reads an older value (Axis Bank Mumbai→Pune failover of 2.5 lakh sessions: violations 2 min after the ' +
      'latency spike, source L1039–L1106). Prefer consistency during partitions, or replicate synchronously.',
  );
  const text = markers(marked).text;
  assert.match(applyFix(text, d, 0), /partition prefer consistency \}$/);
  assert.match(applyFix(text, d, 1), /replication sync partition/);
  gone(applyFix(text, d, 0));
  gone(applyFix(text, d, 1));
});

test('fires on a causal level inherited from a tier, on the tier reference', () => {
  const marked = 'tier chat { consistency causal }\ndata messages { tier <|chat|> replication async partition prefer availability }';
  const [d] = expectDiagnostic(marked, 'session-guarantee-unsupported');
  assert.match(d.message, /^causal \(tier chat\) on `messages` promises read-your-writes, .*causal, but `replication async`/);
});

test('stays quiet when the replication can give the guarantee', () => {
  // monotonic reads alone survive last-writer-wins; one primary; assumed (undeclared) async; sync replication; merge.
  expectNo(`${topo}data a { consistency monotonic_reads conflict last_writer_wins primary mumbai, delhi }`, 'session-guarantee-unsupported');
  expectNo(`${topo}data b { consistency session conflict last_writer_wins }`, 'session-guarantee-unsupported');
  expectNo(`${topo}data c { consistency session partition prefer availability }`, 'session-guarantee-unsupported');
  expectNo(`${topo}data d { consistency session replication sync partition prefer availability }`, 'session-guarantee-unsupported');
  expectNo(`${topo}data e { consistency session conflict merge union primary mumbai, delhi }`, 'session-guarantee-unsupported');
  expectNo(`${topo}data f { consistency eventual replication async partition prefer availability }`, 'session-guarantee-unsupported');
});
