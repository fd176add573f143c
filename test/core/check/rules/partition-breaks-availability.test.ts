import { test } from 'node:test';
import assert from 'node:assert/strict';
import { india } from '../../../helpers/policies';
import { expectDiagnostic, expectNo } from '../../../helpers/check-text';

const balance = (extra = '') =>
  `data balance {\n  topology india\n  consistency strong\n  partition prefer consistency\n  availability >= 99.99%\n${extra}}\n`;
const scenario = (lines: string) =>
  `scenario holi {\n  data balance\n  duration 60s\n  clients 1000 in mumbai 60%, delhi 40%\n${lines}}\n`;

test('fires on the partition that cuts clients off from the primary, with the cap and the target', () => {
  const [d] = expectDiagnostic(
    `${india}${balance()}${scenario('  <|fault partition mumbai, chennai | delhi at 15s for 30s|>\n')}`,
    'partition-breaks-availability',
  );
  assert.equal(
    d.message,
    "`balance` keeps consistency during a partition (primary in mumbai), so this partition cuts off delhi (40% of the clients) for 30 s of the 1 min run: at most 80% available over scenario 'holi', but it declares `availability >= 99.99%` (CAP; SBI YONO split-brain, source L3673–L3718, see docs/sources.md#l3525).",
  );
  assert.equal(d.severity, 'warning');
  assert.equal(d.related?.[0].message, 'the availability target');
});

test('the cap adds up over several partitions, and only the part of a fault inside the run counts', () => {
  const found = expectDiagnostic(
    `${india}${balance()}${scenario('  <|fault partition mumbai | delhi at 0s for 1s|>\n  <|fault partition delhi | mumbai at 59s for 10s|>\n')}`,
    'partition-breaks-availability',
  );
  assert.ok(found[0].message.includes('cuts off delhi (40% of the clients) for 1 s'), found[0].message);
  assert.ok(found[1].message.includes('for 1 s of the 1 min run: at most 98.66% available'), found[1].message);
});

test('quiet: a target the cap allows, a data type that prefers availability, the primary on no side, no clients cut off', () => {
  const fault = '  fault partition mumbai | delhi at 15s for 30s\n';
  expectNo(`${india}${balance().replace('99.99%', '75%')}${scenario(fault)}`, 'partition-breaks-availability');
  expectNo(
    `${india}data balance {\n  topology india\n  consistency eventual\n  availability >= 99.99%\n}\n${scenario(fault)}`,
    'partition-breaks-availability',
  );
  expectNo(
    `${india}${balance()}${scenario('  fault partition chennai | delhi at 15s for 30s\n')}`,
    'partition-breaks-availability',
  );
  expectNo(
    `${india}${balance()}${scenario('  fault partition mumbai, delhi | chennai at 15s for 30s\n')}`,
    'partition-breaks-availability',
  );
  expectNo(`${india}${balance()}${scenario('  fault crash delhi at 15s for 30s\n')}`, 'partition-breaks-availability');
});
