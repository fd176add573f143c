import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';
import { india } from '../../estimate/helpers';

const gone = (text: string) =>
  assert.ok(!check(text).diagnostics.some((d) => d.code === 'availability-unreachable'), text);

test('fires when sync replication cannot reach the target, with the arithmetic; both fixes clear it', () => {
  const marked = `${india}data account_balance {
  consistency strong
  replication sync
  <|availability >= 99.99%|>
}`;
  const [d] = expectDiagnostic(marked, 'availability-unreachable');
  assert.equal(
    d.message,
    '`account_balance` cannot reach `availability >= 99.99%`: sync replication needs all 7 replicas: 0.9995³ regions × 0.999⁷ replicas ≈ 99.15% < 99.99%',
  );
  const text = markers(marked).text;
  const quorum = applyFix(text, d, 0);
  assert.match(quorum, /replication quorum write 4 read 4/);
  gone(quorum);
  const lowered = applyFix(text, d, 1);
  assert.match(lowered, /availability >= 99\.15%/);
  gone(lowered);
});

test('a target from a built-in tier is reported on the tier reference; the fix adds a majority quorum', () => {
  const marked = `${india}data a { tier <|rbi.high_value|> replication sync }`;
  const [d] = expectDiagnostic(marked, 'availability-unreachable');
  assert.match(d.message, /^`a` cannot reach tier `rbi.high_value` sets `availability >= 99.99%`: /);
  assert.equal(d.fixes?.length, 1);
  gone(applyFix(markers(marked).text, d));
});

test('stays quiet when a majority quorum meets the target', () => {
  expectNo(`${india}data a { consistency strong availability >= 99.99% }`, 'availability-unreachable');
  expectNo(`${india}data a { consistency strong replication sync availability >= 99% }`, 'availability-unreachable');
  expectNo(`${india}data a { consistency strong replication sync }`, 'availability-unreachable');
});
