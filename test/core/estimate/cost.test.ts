import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthlyCost } from '../../../server/src/core/estimate/cost';
import { formatMoney } from '../../../server/src/core/estimate/estimate';
import { india2024 } from '../../../server/src/core/estimate/profiles/india-2024';
import { estimateOf, india, near } from './helpers';

const base = { profile: india2024, monthlyOps: 0, monthlyWrites: 0, remoteReplicas: 0, currency: 'INR' as const };

test("with the calculator's default replicas and no volume, fixed costs match the source (digest §4.1)", () => {
  near(monthlyCost({ ...base, costClass: 'strong', replicas: 3 }).total, 183_000);
  near(monthlyCost({ ...base, costClass: 'session', replicas: 2 }).total, 115_000);
  near(monthlyCost({ ...base, costClass: 'eventual', replicas: 2 }).total, 74_000);
});

test("Paytm's strong volume line: 2 billion operations × ₹2,000 per million = ₹40 lakh (source L2008)", () => {
  const c = monthlyCost({ ...base, costClass: 'strong', replicas: 3, monthlyOps: 2e9 });
  near(c.lines.find((l) => l.label === 'operations')!.amount, 40e5);
});

test('the sketch account balance: declared replicas, cross-region traffic, operations', () => {
  const e = estimateOf(`${india}data a { consistency strong replication sync workload 35M/day reads 80% }`, 'a');
  // 35M/day → 1,050M ops/month, 210M writes; each to the 4 replicas outside mumbai, 1 KB: 840 GB × ₹1.7.
  const amounts = Object.fromEntries(e.costLines.map((l) => [l.label, l.amount]));
  near(amounts.replicas, 7 * 25_000);
  near(amounts.network, 8_000 + 840 * 1.7, 1e-6);
  near(amounts.monitoring, 5_000);
  near(amounts.engineering, 40 * 2_000);
  near(amounts.incidents, 15_000);
  near(amounts.operations, 1_050 * 2_000, 1e-6);
  near(e.monthlyCost, 175_000 + 9_428 + 5_000 + 80_000 + 15_000 + 2_100_000, 1e-6);
  near(e.costPerOperation!, e.monthlyCost / 1.05e9);
  assert.equal(e.costLines[0].detail, '7 × ₹25,000');
});

test('no workload: only fixed costs, and no per-operation cost', () => {
  const e = estimateOf(`${india}data a { consistency eventual }`, 'a');
  near(e.monthlyCost, 7 * 15_000 + 3_000 + 3_000 + 20 * 1_500 + 8_000);
  assert.equal(e.costPerOperation, undefined);
  assert.ok(
    e.assumptions.includes('no workload declared: only fixed costs count, and capacity is not compared with any load'),
  );
});

test('a USD file with the INR profile converts at the stated rate', () => {
  const inr = estimateOf(`${india}data a { consistency eventual }`, 'a');
  const usd = estimateOf(`currency USD\n${india}data a { consistency eventual }`, 'a');
  assert.equal(usd.currency, 'USD');
  near(usd.monthlyCost, inr.monthlyCost / 83, 1e-9);
  assert.ok(usd.assumptions.some((a) => a.includes('1 USD = ₹83')));
});

test('the cloud profile prices in USD', () => {
  const e = estimateOf(
    `profile cloud-generic-2024\n${india}data a { consistency strong workload 1M/day reads 50% }`,
    'a',
  );
  assert.equal(e.currency, 'USD');
  // 30M ops → 15M writes × 1 KB × 4 remote replicas = 60 GB × $0.02.
  near(e.monthlyCost, 7 * 350 + 60 * 0.02 + 60 + 40 * 80 + 600 + 30 * 1.5, 1e-6);
});

test('formatMoney: INR in lakh and crore, USD in k and M', () => {
  assert.equal(formatMoney(420_000, 'INR'), '₹4.2 lakh');
  assert.equal(formatMoney(16_800_000, 'INR'), '₹1.68 crore');
  assert.equal(formatMoney(74_000, 'INR'), '₹74,000');
  assert.equal(formatMoney(0.0084, 'INR'), '₹0.0084');
  assert.equal(formatMoney(250, 'USD'), '$250');
  assert.equal(formatMoney(1_200, 'USD'), '$1.2k');
  assert.equal(formatMoney(3_400_000, 'USD'), '$3.4M');
});
