// Reference suite: policies modelled on documented deployments, each estimate within 1.5× of the documented
// latency figure and of the list-price cost of the stated workload, and its availability within one nine of
// the SLA. Every case cites where its figures come from (pages read 2026-12-02 unless a date is given).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latencyAt, type LatencyPlan } from '../../../server/src/core/estimate/latency';
import type { DataEstimate } from '../../../server/src/core/estimate/estimate';
import { analyze } from '../../../server/src/core/pipeline';

function estimates(text: string): Map<string, DataEstimate> {
  const a = analyze([{ uri: 'file:///reference.consistency', text }]);
  return new Map([...a.model.data.values()].map((d) => [d.name, a.estimate(d)]));
}

/** Within 1.5× either way. */
function within15(estimate: number, documented: number, what: string): void {
  const ratio = estimate / documented;
  assert.ok(
    ratio >= 1 / 1.5 && ratio <= 1.5,
    `${what}: estimate ${estimate.toFixed(2)} vs documented ${documented} (×${ratio.toFixed(2)})`,
  );
}

const nines = (pct: number) => -Math.log10(1 - pct / 100);

function withinOneNine(estimatePct: number, slaPct: number, what: string): void {
  const d = Math.abs(nines(estimatePct) - nines(slaPct));
  assert.ok(d <= 1, `${what}: ${estimatePct}% vs SLA ${slaPct}% (${d.toFixed(2)} nines apart)`);
}

/** The latency a client in one region sees (its own trip), at a percentile. */
function inRegion(plan: LatencyPlan | undefined, region: string, p: number): number {
  const trip = plan!.trips.find((t) => t.client === region)!;
  return latencyAt({ ...plan!, trips: [trip] }, p);
}

test('Cosmos DB, session, three regions, one write region', () => {
  // Latency: "Consistency levels" — reads and writes < 10 ms at p99 in-region (SLA).
  // Cost: "Understand your Azure Cosmos DB bill" (2022-03-31) — $0.008 per 100 RU/s per hour per region; its
  // example of 10K RU/s in one region is $576 a month, so three regions are $1,728. The workload below needs
  // 4,000 reads × 1 RU + 1,000 writes × 5.5 RU ('Optimize request cost', 2021-08-26) = 9,500 RU/s.
  // Availability: "High availability" SLA table — several regions, one write region: writes 99.99%.
  const e = estimates(`store cosmos
topology az { region eastus { primary } region westus region northeurope
  link eastus <-> westus 62ms link eastus <-> northeurope 75ms link westus <-> northeurope 140ms }
data carts { topology az consistency session workload 2500/s peak 5000/s reads 80% }`).get('carts')!;
  within15(e.read.p99, 10, 'read p99 (every region)');
  within15(inRegion(e.writePlan, 'eastus', 99), 10, 'write p99 in the write region');
  within15(e.monthlyCost, 1728, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.99, 'write availability');
  assert.equal(e.availability?.basis, 'sla');
});

test('Cosmos DB, strong, two regions', () => {
  // Latency: "Consistency levels" — with strong consistency across regions, write latency is 2 × the round
  // trip between the two farthest regions + 10 ms at p99 (2 × 62 + 10 = 134 ms); strong reads read 2 of the 4
  // local replicas, so reads stay < 10 ms. Cost: strong reads cost twice the RUs: 1,600 × 2 + 400 × 5.5 =
  // 5,400 RU/s × 2 regions × $0.008 per 100 RU/s-hour × 720 h = $622.08. SLA: writes 99.99%.
  const e = estimates(`store cosmos
topology az { region eastus { primary } region westus  link eastus <-> westus 62ms }
data ledger { consistency strong workload 1000/s peak 2000/s reads 80% }`).get('ledger')!;
  within15(e.write.p99, 2 * 62 + 10, 'write p99');
  within15(e.read.p99, 10, 'read p99');
  within15(e.monthlyCost, 622.08, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.99, 'write availability');
});

test('Cosmos DB, session, three regions, multi-region writes', () => {
  // "Cosmos DB multi-master support now generally available" (2018-09-24): single-digit millisecond writes at
  // p99 anywhere, 99.999% read and write availability. Cost: $0.016 per 100 RU/s per hour with several write
  // regions ("Understand your bill"): 9,500 RU/s × 3 × $0.016 × 720 / 100 = $3,283.20.
  const e = estimates(`store cosmos
topology az { region eastus region westus region northeurope
  link eastus <-> westus 62ms link eastus <-> northeurope 75ms link westus <-> northeurope 140ms }
data carts { consistency session primary eastus, westus, northeurope workload 2500/s peak 5000/s reads 80% }`).get(
    'carts',
  )!;
  within15(e.write.p99, 10, 'write p99 (every region writes locally)');
  within15(e.monthlyCost, 3283.2, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.999, 'write availability');
});

const dynamoGlobal = `store dynamodb
topology aws { region us-east-1 region us-west-2 region eu-west-1
  link us-east-1 <-> us-west-2 65ms link us-east-1 <-> eu-west-1 70ms link us-west-2 <-> eu-west-1 130ms }
data profiles { consistency eventual workload 1000/s reads 80% }`;

test('DynamoDB global tables, three Regions, eventual reads', () => {
  // Latency: "single-digit millisecond" reads and writes in a Region. Cost (on-demand, us-east-1, since
  // 2024-11-01): 2,073.6M reads × ½ RRU × $0.125/M = $129.60; 518.4M writes × 3 replica Regions × $0.625/M
  // ("Understanding DynamoDB billing for global tables": rWRUs priced as WRUs) = $972; total $1,101.60.
  // SLA: 99.999% for global tables.
  const e = estimates(dynamoGlobal).get('profiles')!;
  within15(e.read.p99, 10, 'read p99');
  within15(e.write.p99, 10, 'write p99');
  within15(e.monthlyCost, 1101.6, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.999, 'availability');
  // "typically within a second": the lag estimate is about a second, not the one-way network alone.
  assert.ok(e.replicationLagMs > 500 && e.replicationLagMs < 1500, `lag ${e.replicationLagMs}`);
});

test('DynamoDB, one Region, strongly consistent reads', () => {
  // Strongly consistent reads cost a whole RRU: 1,166.4M × $0.125/M = $145.80; 129.6M writes × $0.625/M =
  // $81; total $226.80. SLA: 99.99% (Standard).
  const e = estimates(`store dynamodb
topology aws { region us-east-1 }
data orders { consistency strong workload 500/s reads 90% }`).get('orders')!;
  within15(e.read.p99, 10, 'read p99');
  within15(e.monthlyCost, 226.8, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.99, 'availability');
});

test('PostgreSQL, a primary and a synchronous standby in two zones of one region', () => {
  // Latency: a synchronous commit flushes the WAL on both (block storage: "single-digit millisecond" I/O, read
  // as < 10 ms at p99) and crosses one zone round trip ("single-digit millisecond" between AZs; Azure: < 2 ms):
  // ≈ 12 ms at p99 (derived from the documented parts). Cost: 2 × m6i.xlarge at $0.192/h × 720 h = $276.48.
  // SLA: Amazon RDS Multi-AZ 99.95% (aws.amazon.com/rds/sla, 2024-01-22).
  const e = estimates(`store postgres
topology rds { region us-east-1 { replicas 2 primary } }
data accounts { consistency strong replication sync workload 200/s reads 70% }`).get('accounts')!;
  within15(e.write.p99, 12, 'commit p99');
  within15(e.monthlyCost, 276.48, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.95, 'availability');
  assert.equal(e.availability?.basis, 'protocol');
});

test('MongoDB, w: majority, three members in one region', () => {
  // Latency: w: "majority" with journaling ≈ 12 ms typical (third-party measurement, 'Unbound MongoDB at
  // scale', ch. 20); compared with the p50. Cost: 3 × $0.192/h × 720 h = $414.72. Availability: self-managed,
  // compared with the EC2 region SLA 99.99%.
  const e = estimates(`store mongodb
topology rs { region us-east-1 { replicas 3 primary } }
data orders { consistency session replication quorum write 2 read 1 workload 500/s reads 70% }`).get('orders')!;
  within15(e.write.p50, 12, 'write p50');
  within15(e.monthlyCost, 414.72, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.99, 'availability');
  assert.equal(e.availability?.basis, 'quorum');
});

test('Spanner nam3 (leader us-east4, read-write us-east1, witness us-central1)', () => {
  // Latency (derived): writes go to the default leader and commit on a Paxos majority of the 5 voting replicas
  // ('Demystifying Cloud Spanner multi-region configurations', 2021-03-31): from us-east4, one round trip to
  // us-east1 (12 ms declared) + an in-region commit (< 10 ms) ≈ 22 ms at p99. Cost: one node at the nam3
  // node-hour of the pre-editions list, $3.00 × 720 h = $2,160. SLA: multi-region >= 99.999%.
  const e = estimates(`store spanner
topology nam3 { region us-east4 { replicas 2 primary } region us-east1 { replicas 2 } region us-central1 { replicas 1 }
  link us-east4 <-> us-east1 12ms link us-east4 <-> us-central1 25ms link us-east1 <-> us-central1 30ms }
data ledger { consistency strong workload 2000/s reads 90% }`).get('ledger')!;
  within15(inRegion(e.writePlan, 'us-east4', 99), 22, 'write p99 from the leader region');
  within15(e.monthlyCost, 2160, 'monthly cost');
  withinOneNine(e.availabilityPct, 99.999, 'availability');
});

test("Cassandra-style quorums on the Yammer fit: the PBS paper's documented latencies", () => {
  // Bailis et al., PBS (PVLDB 5(8), 2012), §5.6 and §1: on Yammer's production fit (Riak, N = 3), the combined
  // read + write latency at p99.9 is 16.4 ms for R = W = 1, 43.3 ms for R = 2, W = 1 and 230 ms for the
  // strict R = 3, W = 1. The fit (Table 3) is entered as a profile block: W, and A = R = S.
  const e = estimates(`store cassandra
profile yammer-riak
profile yammer-riak extends vendors-2026 {
  cassandra.write-service mix(0.939 pareto(3ms, 3.35), 0.061 exponential(mean 357ms)) source "PBS Table 3, YMMR W"
  cassandra.read-service mix(0.982 pareto(1.5ms, 3.8), 0.018 exponential(mean 46ms)) source "PBS Table 3, YMMR R"
  cassandra.response mix(0.982 pareto(1.5ms, 3.8), 0.018 exponential(mean 46ms)) source "PBS Table 3, YMMR A, S"
  intra-region-rtt 0ms
}
topology dc { region dc1 { replicas 3 } }
data r1w1 { consistency eventual replication quorum write 1 read 1 workload 1000/s }
data r2w1 { consistency strong replication quorum write 1 read 2 }
data r3w1 { consistency strong replication quorum write 1 read 3 }`);
  const combined = (name: string) => {
    const x = e.get(name)!;
    return latencyAt(x.writePlan!, 99.9) + latencyAt(x.readPlan!, 99.9);
  };
  within15(combined('r1w1'), 16.4, 'R=W=1 combined p99.9');
  within15(combined('r2w1'), 43.3, 'R=2 W=1 combined p99.9');
  within15(combined('r3w1'), 230, 'R=3 W=1 combined p99.9');
  // Self-managed: 3 × $0.192/h × 720 h; one replica acknowledges, so its availability is the leader side's.
  within15(e.get('r1w1')!.monthlyCost, 414.72, 'monthly cost');
  withinOneNine(e.get('r1w1')!.availabilityPct, 99.99, 'availability');
});

test('the estimates name the store model and profile, with the price-list date', () => {
  const e = estimates(dynamoGlobal).get('profiles')!;
  assert.equal(e.profile, 'vendors-2026');
  assert.equal(e.profileDated, '2026-12-02');
  assert.match(e.store!.title, /^DynamoDB: 3 regions, a global table/);
  assert.ok(e.assumptions.some((a) => a.includes('dynamodb.read-million $0.125') && a.includes('2024-11-01')));
});
