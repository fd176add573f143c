import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, expectDiagnostic, expectNo, markers } from '../../../helpers/check-text';
import { india } from '../../estimate/helpers';

const gone = (text: string) =>
  assert.ok(!check(text).diagnostics.some((d) => d.code === 'staleness-below-physics'), text);

test('a bound below the one-way delay of the declared round trip is an error, like latency below physics', () => {
  const marked = `${india}data upi { consistency <|bounded(20ms)|> }`;
  const [d] = expectDiagnostic(marked, 'staleness-below-physics');
  assert.equal(d.severity, 'error');
  assert.equal(
    d.message,
    '`consistency bounded(20ms)` lets reads of `upi` trail by at most 20 ms, but a committed write needs at least ' +
      '22.5 ms to reach the replica in delhi that serves reads ' +
      '(mumbai↔delhi 45 ms round trip ÷ 2 = 22.5 ms one way, ' +
      'before any apply time); the profile estimates ≈ 52.3 ms at p99.',
  );
  const fixed = applyFix(markers(marked).text, d);
  assert.match(fixed, /bounded\(55ms\)/);
  gone(fixed);
});

test('a staleness bound, and one from a user tier (reported on the tier reference, fixed in the tier)', () => {
  expectDiagnostic(`${india}data cart { consistency session <|staleness <= 5ms|> }`, 'staleness-below-physics');
  const marked = `${india}tier fresh { consistency bounded(10ms) }\ndata upi { tier <|fresh|> }`;
  const [d] = expectDiagnostic(marked, 'staleness-below-physics');
  assert.match(applyFix(markers(marked).text, d), /tier fresh \{ consistency bounded\(55ms\) \}/);
});

test('quiet above the floor (the lag rule judges those), for overlapping quorums, consensus levels, sync', () => {
  expectNo(`${india}data a { consistency bounded(25ms) }`, 'staleness-below-physics');
  expectNo(
    `${india}data a { consistency session replication quorum write 4 read 4 staleness <= 1ms }`,
    'staleness-below-physics',
  );
  expectNo(`${india}data a { consistency strong staleness <= 1ms }`, 'staleness-below-physics');
  expectNo(`${india}data a { consistency session replication sync staleness <= 1ms }`, 'staleness-below-physics');
});
