// Property: over many seeds, heavy-tailed delays (p99 ≥ 10× the median) and a partition or a crash, every
// design a level can rely on shows none of what the level promises (on the normal path); the same faults
// show a level that is too weak for them breaking what a stronger one would promise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { scenarioFor, simulate, type DataResult } from '../../../server/src/core/simulate/index';
import { modelOf } from './helpers';

const topology = `topology tri {
  region a { replicas 2 primary }
  region b { replicas 2 }
  region c { replicas 1 }
  link a <-> b lognormal(median 20ms, p99 200ms)
  link b <-> c lognormal(median 15ms, p99 150ms)
  link a <-> c lognormal(median 30ms, p99 300ms)
  replica write lognormal(median 3ms, p99 60ms)
}
`;

/** Designs real systems use for each level (the sources name the system each follows). */
const designs: Record<string, string> = {
  raft_lease: 'consistency linearizable replication quorum write 3', // etcd: majority commit, leader lease reads
  abd: 'consistency linearizable replication quorum write 3 read 3', // ABD quorum reads with write-back
  sync_leader: 'consistency strong replication sync', // primary with synchronous standbys
  zookeeper: 'consistency sequential replication quorum write 3 read 1', // ZooKeeper: majority writes, local reads
  session: 'consistency session replication quorum write 3', // MongoDB causal sessions, w and read concern majority
  causal_multi: 'consistency causal replication async primary a, b, c conflict merge sum', // COPS-style, sticky
  bounded: 'consistency bounded(100ms) replication quorum write 3', // Cosmos DB: majority-committed, bounded lag
  prefix: 'consistency consistent_prefix replication quorum write 3', // one leader's log, majority-committed, in order
};

const faults = fc.oneof(
  fc.record({
    kind: fc.constant('partition'),
    side: fc.constantFrom('a', 'b', 'c'),
    at: fc.integer({ min: 200, max: 1500 }),
    dur: fc.integer({ min: 300, max: 2500 }),
  }),
  fc.record({
    kind: fc.constant('crash'),
    side: fc.constantFrom('a', 'b', 'c'),
    at: fc.integer({ min: 200, max: 1500 }),
    dur: fc.integer({ min: 300, max: 2500 }),
  }),
);

function run(design: string, seed: number, f: { kind: string; side: string; at: number; dur: number }): DataResult {
  const others = ['a', 'b', 'c'].filter((r) => r !== f.side).join(', ');
  const fault =
    f.kind === 'partition'
      ? `fault partition ${f.side} | ${others} at ${f.at}ms for ${f.dur}ms`
      : `fault crash ${f.side} at ${f.at}ms for ${f.dur}ms`;
  const m = modelOf(`${topology}data d { topology tri ${design} }
scenario s { data d duration 3s load 600/s reads 60% clients 40 keys 8 election 500ms ${fault} seed ${seed} }`);
  return simulate(m, scenarioFor(m.scenarios.get('s')!)).data[0];
}

test('every relied-upon design keeps every promise of its level under heavy tails, partitions and crashes', () => {
  const verdicts: string[] = [];
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(designs)),
      fc.integer({ min: 1, max: 1_000_000 }),
      faults,
      (name, seed, f) => {
        const d = run(designs[name], seed, f);
        const broken = d.checks.filter((c) => c.promised && c.violations > 0);
        assert.deepEqual(
          broken.map((c) => `${c.check}: ${c.witnesses[0]?.explanation}`),
          [],
          `${name} seed ${seed} ${JSON.stringify(f)}`,
        );
        assert.ok(d.read.offered + d.write.offered > 1000);
        assert.equal(d.read.offered, d.read.ok + d.read.fail + d.read.info + d.read.shed + d.read.unfinished);
        assert.ok(d.read.latencyMs.max <= 1000 && d.write.latencyMs.max <= 1000, 'no answer after the timeout');
        for (const c of d.checks) if (['linearizable', 'sequential'].includes(c.check)) verdicts.push(c.verdict);
      },
    ),
    { seed: 20261202, numRuns: 24 },
  );
  // The history checkers decide (rather than answer unknown) for most runs.
  assert.ok(
    verdicts.length >= 8 && verdicts.filter((v) => v === 'ok').length >= 0.75 * verdicts.length,
    verdicts.join(' '),
  );
});

test('a level too weak for the faults shows what a stronger level would promise', () => {
  const f = { kind: 'partition', side: 'a', at: 500, dur: 1500 };
  const seen = new Set<string>();
  for (const seed of [1, 2, 3]) {
    const d = run('consistency eventual replication async', seed, f);
    for (const c of d.checks) if (c.violations > 0) seen.add(c.check);
    assert.deepEqual(d.violated, [], 'eventual promises none of them');
  }
  for (const c of ['stale-reads', 'read-your-writes', 'monotonic-reads'])
    assert.ok(seen.has(c), `eventual shows ${c}: ${[...seen]}`);
});

test('an asynchronous primary acknowledges writes a failover then loses: what a session has read and written goes back', () => {
  const lost = new Set<string>();
  for (const seed of [1, 2, 3, 4]) {
    const d = run('consistency session replication async', seed, { kind: 'partition', side: 'a', at: 300, dur: 1500 });
    assert.equal(d.elections.length, 1, 'the majority side elects a new leader');
    for (const c of d.checks) if (c.promised && c.violations > 0) lost.add(c.check);
  }
  const session = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads'];
  assert.ok(
    session.some((c) => lost.has(c)),
    `session guarantees broken by the failover: ${[...lost]}`,
  );
});
