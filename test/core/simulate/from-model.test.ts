// Scenario blocks and declared delays reach the engine: scenarioFor maps a block one to one (defaults for
// what it leaves out, a seed override), a link's distribution and a topology's replica work are what the
// simulator samples, and a scenario's partition fails the minority side of a strong data type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioFor, simulate } from '../../../server/src/core/simulate/index';
import { india, modelOf, run } from './helpers';

const policy = (topology: string, body = '') =>
  modelOf(
    `${topology}data cart {\n  consistency session\n  workload 200/s reads 50%\n}\ndata balance {\n  consistency strong\n  partition prefer consistency\n}\n${body}`,
  );

test('scenarioFor: every setting of the block, and the documented defaults for the rest', () => {
  const m = policy(
    india,
    'scenario bbd {\n  data cart, balance\n  duration 6s\n  load 850/s reads 90%\n  clients 200 in mumbai 60%, delhi 40%\n  fault partition mumbai | delhi at 1s for 2s\n  seed 42\n  keys 10\n  timeout 2s\n}\nscenario bare {\n  data cart\n}\n',
  );
  assert.deepEqual(scenarioFor(m.scenarios.get('bbd')!), {
    name: 'bbd',
    data: ['cart', 'balance'],
    durationMs: 6000,
    seed: 42,
    load: { perSec: 850, readsPct: 90 },
    clients: {
      count: 200,
      regions: [
        { region: 'mumbai', share: 60 },
        { region: 'delhi', share: 40 },
      ],
    },
    faults: [{ kind: 'partition', sides: [['mumbai'], ['delhi']], atMs: 1000, forMs: 2000 }],
    keys: 10,
    timeoutMs: 2000,
  });
  assert.deepEqual(scenarioFor(m.scenarios.get('bare')!), {
    name: 'bare',
    data: ['cart'],
    durationMs: 10_000,
    seed: 1,
  });
  assert.equal(scenarioFor(m.scenarios.get('bbd')!, { seed: 7 }).seed, 7);
});

test('a scenario runs byte-identically per seed, and another seed gives other numbers', () => {
  const m = policy(india, 'scenario s {\n  data cart\n  duration 2s\n  seed 5\n}\n');
  const once = () => JSON.stringify(simulate(m, scenarioFor(m.scenarios.get('s')!)));
  assert.equal(once(), once());
  assert.notEqual(once(), JSON.stringify(simulate(m, scenarioFor(m.scenarios.get('s')!, { seed: 6 }))));
});

test('a link declared fixed(…) simulates exactly like the same plain round trip; a distribution is sampled', () => {
  const topo = (link: string) =>
    `topology india {\n  region mumbai { replicas 3 primary }\n  region delhi { replicas 2 }\n  link mumbai <-> delhi ${link}\n}\n`;
  const result = (link: string) => JSON.stringify(run(policy(topo(link)), { data: ['balance'] }).result.data);
  assert.equal(result('fixed(45ms)'), result('45ms'));
  const slow = run(policy(topo('uniform(200ms, 220ms)')), { data: ['balance'] }).by('balance');
  const fast = run(policy(topo('45ms')), { data: ['balance'] }).by('balance');
  // Strong writes from delhi cross the link to the leader and back: at least 200 ms with the slow link.
  assert.ok(slow.write.latencyMs.p99 >= 200, `slow p99 ${slow.write.latencyMs.p99}`);
  assert.ok(fast.write.latencyMs.p99 < 200, `fast p99 ${fast.write.latencyMs.p99}`);
});

test("the topology's replica work replaces the profile's default, and the assumptions say so", () => {
  const withWork = policy(india.replace(/}\n$/, '  replica service fixed(30ms)\n}\n'));
  const r = run(withWork, { data: ['cart'] });
  assert.ok(r.by('cart').read.latencyMs.p50 >= 30, `read p50 ${r.by('cart').read.latencyMs.p50}`);
  assert.ok(r.result.assumptions.includes('cart: replica work service: as declared in topology india'));
  const plain = run(policy(india), { data: ['cart'] }).by('cart');
  assert.ok(plain.read.latencyMs.p50 < 30, `default read p50 ${plain.read.latencyMs.p50}`);
});

test("a scenario's partition: the strong data type's minority side fails during the window and only then", () => {
  const m = policy(
    india,
    'scenario cut {\n  data balance\n  duration 3s\n  load 300/s reads 50%\n  clients 60 in mumbai 50%, delhi 50%\n  fault partition mumbai, chennai | delhi at 1s for 1s\n}\n',
  );
  const r = simulate(m, scenarioFor(m.scenarios.get('cut')!)).data[0];
  const during = r.faults[0];
  const delhi = during.regions.find((x) => x.region === 'delhi')!;
  const mumbai = during.regions.find((x) => x.region === 'mumbai')!;
  // Operations that arrive during the window fail, unless they wait for their client until it heals.
  assert.ok(
    delhi.ops > 0 && delhi.fail + delhi.info > 0 && delhi.availabilityPct < 70,
    `delhi during the partition: ${JSON.stringify(delhi)}`,
  );
  assert.ok(mumbai.ops > 0 && mumbai.availabilityPct === 100, `mumbai during the partition: ${JSON.stringify(mumbai)}`);
  assert.equal(r.staleness.staleReads, 0);
});
