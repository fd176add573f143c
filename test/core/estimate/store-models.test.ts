// Store models against the rules that read estimates (a staleness or latency SLA a documented store cannot
// meet is flagged, one it meets is not), availability by protocol, profile blocks over vendors-2026, and the
// figures exposed to the simulator (storeDelays, costAtRate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costAtRate, storeDelays } from '../../../server/src/core/estimate/delays';
import { check, expectDiagnostic, expectNo } from '../../helpers/check-text';
import { estimateOf } from './helpers';

const globalTable = `store dynamodb
topology aws { region us-east-1 region us-west-2 region eu-west-1
  link us-east-1 <-> us-west-2 65ms link us-east-1 <-> eu-west-1 70ms link us-west-2 <-> eu-west-1 130ms }
`;

test('DynamoDB global tables replicate "typically within a second": staleness <= 200ms is flagged, 2s is not', () => {
  const [d] = expectDiagnostic(
    `${globalTable}data p { consistency eventual <|staleness <= 200ms|> }`,
    'staleness-below-lag',
  );
  assert.match(d.message, /1,\d{3}(\.\d)? ms at p99/);
  expectNo(`${globalTable}data p { consistency eventual staleness <= 2s }`, 'staleness-below-lag');
});

const cosmosStrong = `store cosmos
topology az { region eastus { primary } region westus  link eastus <-> westus 62ms }
`;

test('Cosmos DB strong across two regions: a 50 ms write bound is flagged, a 20 ms read bound is not', () => {
  const [d] = expectDiagnostic(
    `${cosmosStrong}data l { consistency strong <|latency write p99 <= 50ms|> }`,
    'latency-below-physics',
  );
  assert.match(d.message, /62/);
  expectNo(`${cosmosStrong}data l { consistency strong latency read p99 <= 20ms }`, 'latency-below-physics');
});

test("an async write is available when its leader's side is, whatever the other regions do", () => {
  const e = estimateOf(
    `topology t { region a { replicas 1 primary } region b { replicas 5 } link a <-> b 20ms }
data x { consistency eventual replication async }`,
    'x',
  );
  assert.equal(e.availability?.basis, 'protocol');
  // india-2024: region 99.95% × the one replica there 99.9%.
  assert.ok(Math.abs(e.availabilityPct - 99.95 * 0.999) < 1e-6, String(e.availabilityPct));
  assert.match(e.availability!.explanation, /leader's side/);
});

test('a quorum keeps the exact computation and says so', () => {
  const e = estimateOf(
    `topology t { region a { replicas 3 primary } }\ndata x { consistency strong replication quorum write 2 read 2 }`,
    'x',
  );
  assert.equal(e.availability?.basis, 'quorum');
});

test('a profile block overrides a figure, cites its source, and keeps the rest from vendors-2026', () => {
  const text = `store cosmos
profile ours extends vendors-2026 { cosmos.ru-hour $0.0064 source "EA 2027, 20% off" dated "2027-01-15" }
profile ours
data c { consistency session workload 1000/s peak 1000/s reads 100% }`;
  const e = estimateOf(text, 'c');
  // 1,000 RU/s × 1 region × $0.0064 per 100 RU/s-hour × 720 h.
  assert.ok(Math.abs(e.monthlyCost - 46.08) < 1e-9, String(e.monthlyCost));
  assert.equal(e.profileDated, '2027-01-15');
  assert.ok(e.assumptions.some((a) => a.includes('cosmos.ru-hour $0.0064 — EA 2027, 20% off')));
  assert.ok(e.assumptions.some((a) => a.includes('cosmos.write-ru 5.5')));
  assert.ok(e.assumptions.some((a) => a.startsWith('profile ours (extends vendors-2026)')));
});

test('a profile block can change the currency and its rate, and instance availability', () => {
  const text = `store postgres
profile inr extends vendors-2026 { currency INR  postgres.instance-hour 16  inr-per-usd 84  instance-availability 99.9% }
profile inr
topology t { region a { replicas 2 primary } }
data x { consistency strong replication async }`;
  const e = estimateOf(text, 'x');
  assert.equal(e.currency, 'INR');
  assert.ok(Math.abs(e.monthlyCost - 2 * 16 * 720) < 1e-9, String(e.monthlyCost));
  assert.match(e.availability!.explanation, /99\.9%/);
});

test('bad profile figures are reported with the closest key; names of profiles are checked', () => {
  const a = check(
    'profile p extends vendors-2026 { cosmos.ru-hours $1  cosmos.sla 5ms  title 3 }\nprofile p { }\nprofile vendors-2026 { }',
  );
  const bad = a.diagnostics.filter((d) => d.code === 'bad-profile').map((d) => d.message);
  assert.equal(bad.length, 4, bad.join(' | '));
  assert.match(bad[0], /Did you mean 'cosmos\.ru-hour'\?/);
  assert.match(bad[1], /takes a percentage/);
  // A second `p` is an error; a user profile named like a built-in one replaces it (as a user tier does).
  assert.match(bad[3], /already a profile declared elsewhere/);
});

test('the India profile is labelled illustrative in every estimate that uses it', () => {
  const e = estimateOf('data a { consistency eventual }', 'a');
  assert.ok(e.assumptions.some((a) => a.startsWith('profile india-2024 is ILLUSTRATIVE')));
});

test('storeDelays: per-replica and per-operation distributions by level class, replication delay, capacity', () => {
  const a = check(
    `store cassandra\ntopology dc { region dc1 { replicas 3 } }\ndata e { consistency strong replication quorum write 2 read 2 }`,
  );
  const d = storeDelays(a.model.data.get('e')!, a.model);
  assert.equal(d.system, 'cassandra');
  assert.equal(d.profile, 'vendors-2026');
  assert.equal(d.replica.write.strong.kind, 'mix');
  assert.equal(d.operation.write.strong.kind, 'lognormal');
  assert.equal(d.replication.kind, 'mix');
  assert.equal(d.capacityPerReplica, 10000);
  const none = check('data e { consistency session }');
  const n = storeDelays(none.model.data.get('e')!, none.model);
  assert.equal(n.system, undefined);
  assert.deepEqual(n.operation.read.session, { kind: 'lognormal', median: 12.5, p99: 50 });
});

test('costAtRate prices the simulated rate next to the declared workload and says why they differ', () => {
  const a = check(`${globalTable}data p { consistency eventual workload 1000/s reads 80% }`);
  const c = costAtRate(a.model.data.get('p')!, a.model, 100, 80);
  assert.ok(Math.abs(c.simulatedMonthly - c.estimatedMonthly / 10) < 1e-6);
  assert.match(c.explanation, /on-demand requests are billed one by one/);
});
