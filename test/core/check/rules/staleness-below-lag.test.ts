import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';
import { india } from '../../estimate/helpers';

const gone = (text: string) => assert.ok(!check(text).diagnostics.some((d) => d.code === 'staleness-below-lag'), text);

test('fires on a staleness bound below the async replication lag, with the numbers', () => {
  const marked = `${india}data cart { consistency session <|staleness <= 30ms|> }`;
  const [d] = expectDiagnostic(marked, 'staleness-below-lag');
  assert.equal(
    d.message,
    '`staleness <= 30ms` lets reads of `cart` trail by at most 30 ms, but replication lags ≈ 52.3 ms at p99: async replication: from mumbai to delhi 45 ms round trip (+ jitter 5 ms at p99 ≈ 11.6 ms) ÷ 2 ≈ 28.3 ms one way, + apply 24 ms (p99) ≈ 52.3 ms',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /staleness <= 55ms/);
  gone(fixed);
});

test('fires on bounded(T) below the lag (and above the one-way floor), on the level; a warning', () => {
  const marked = `${india}data upi { consistency <|bounded(25ms)|> }`;
  const [d] = expectDiagnostic(marked, 'staleness-below-lag');
  assert.equal(d.severity, 'warning');
  assert.match(
    d.message,
    /^`consistency bounded\(25ms\)` lets reads of `upi` trail by at most 25 ms, but replication lags ≈ 52\.3 ms/,
  );
  gone(applyFix(markers(marked).text, d));
});

test('a bound from a user tier is reported on the tier reference and fixed in the tier', () => {
  const marked = `${india}tier fresh { consistency bounded(40ms) }
data upi { tier <|fresh|> }`;
  const [d] = expectDiagnostic(marked, 'staleness-below-lag');
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /tier fresh \{ consistency bounded\(55ms\) \}/);
  gone(fixed);
});

test('a bound below the one-way floor is staleness-below-physics, not this warning', () => {
  expectNo(`${india}data upi { consistency bounded(20ms) }`, 'staleness-below-lag');
});

test('stays quiet when the bound covers the lag, replication is synchronous, or reads go to the leader', () => {
  expectNo(`${india}data a { tier rbi.upi }`, 'staleness-below-lag');
  expectNo(`${india}data a { consistency eventual staleness <= 15min }`, 'staleness-below-lag');
  expectNo(`${india}data a { consistency session replication sync staleness <= 1ms }`, 'staleness-below-lag');
  expectNo(`${india}data a { consistency strong }`, 'staleness-below-lag');
  // Read quorums that meet every write quorum see every completed write: nothing trails a read.
  expectNo(
    `${india}data a { consistency session replication quorum write 4 read 4 staleness <= 1ms }`,
    'staleness-below-lag',
  );
});
