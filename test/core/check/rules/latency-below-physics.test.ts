import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';
import { india } from '../../estimate/helpers';

const gone = (text: string) =>
  assert.ok(!check(text).diagnostics.some((d) => d.code === 'latency-below-physics'), text);

test('fires on a write SLA below the quorum round trips plus jitter, and relaxing it fixes it', () => {
  const marked = `${india}data fast {
  consistency strong
  <|latency write p99 <= 20ms|>
}`;
  const [d] = expectDiagnostic(marked, 'latency-below-physics');
  assert.equal(
    d.message,
    'strong writes in `fast` need a majority quorum (4 of 7) led from mumbai: from delhi, delhi↔mumbai 45 ms (to the leader in mumbai) + mumbai↔chennai 35 ms (for the 4th of 7 acks) = 80 ms round trip (+ jitter 5 ms at p99 ≈ 11.6 ms) ≥ 91.6 ms, but `latency write p99 <= 20ms`',
  );
  assert.equal(d.fixes?.length, 1); // weakening would not help: async writes still cross delhi↔mumbai
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /latency write p99 <= 190ms/);
  gone(fixed);
});

test('fires on a median read SLA below the read quorum, and offers to weaken the level', () => {
  const marked = `${india}data fast { consistency strong <|latency read p50 <= 10ms|> }`;
  const [d] = expectDiagnostic(marked, 'latency-below-physics');
  assert.match(
    d.message,
    /^strong reads in `fast` need a read quorum of 4 of 7: 38\.3 ms of round trips on average over 3 client regions, the worst from delhi, /,
  );
  assert.equal(d.fixes?.[1]?.title, 'Weaken to `consistency session` (no tier requires strong)');
  gone(applyFix(markers(marked).text, d, 0));
  gone(applyFix(markers(marked).text, d, 1));
});

test('a bound from a tier is reported on the tier reference, and the fix edits the tier', () => {
  const marked = `${india}tier snappy { consistency strong latency write p99 <= 20ms }
data fast { tier <|snappy|> }`;
  const [d] = expectDiagnostic(marked, 'latency-below-physics');
  assert.match(d.message, /but tier `snappy` sets `latency write p99 <= 20ms`$/);
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /tier snappy \{ consistency strong latency write p99 <= 190ms \}/);
  gone(fixed);
});

test('stays quiet when the bound covers the physics, even if the full estimate is higher', () => {
  expectNo(`${india}data a { consistency strong latency write p99 <= 100ms }`, 'latency-below-physics');
  expectNo(`${india}data a { consistency eventual latency read p99 <= 5ms }`, 'latency-below-physics');
  expectNo(`${india}data a { tier rbi.high_value }`, 'latency-below-physics');
  expectNo('data a { consistency strong latency write p99 <= 5ms }', 'latency-below-physics');
});

test('a bound only link jitter (read as a normal spread at the percentile) pushes over is a warning; round trips alone an error', () => {
  const text = (bound: string) => `${india}data fast {\n  consistency strong\n  <|latency write p99 <= ${bound}|>\n}`;
  const [warn] = expectDiagnostic(text('85ms'), 'latency-below-physics');
  assert.equal(warn.severity, 'warning');
  assert.match(warn.message, /\(the round trips alone, 80 ms, fit: the jitter, read as a normal spread, does not\)$/);
  const [err] = expectDiagnostic(text('79ms'), 'latency-below-physics');
  assert.equal(err.severity, 'error');
  assert.doesNotMatch(err.message, /round trips alone/);
});
