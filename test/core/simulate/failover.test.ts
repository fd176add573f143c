// A leader that crashes is replaced by the majority side after the election timeout (Raft-style): writes stop
// for about that long, not for the whole crash; without a majority nobody is elected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioFor, simulate } from '../../../server/src/core/simulate/index';
import { modelOf } from './helpers';

const model = modelOf(`topology tri {
  region mumbai  { replicas 2 primary }
  region delhi   { replicas 2 }
  region chennai { replicas 1 }
  link mumbai <-> delhi 40ms
  link mumbai <-> chennai 30ms
  link delhi <-> chennai 50ms
}
data ledger { topology tri consistency linearizable replication quorum write 3 }
scenario leader_crash { data ledger duration 8s load 400/s reads 50% fault crash mumbai at 2s for 5s election 1s seed 4 }
scenario slow_election { data ledger duration 8s load 400/s reads 50% fault crash mumbai at 2s for 5s election 3s seed 4 }`);
const run = (name: string) => simulate(model, scenarioFor(model.scenarios.get(name)!)).data[0];

test('the majority side elects a new leader one election timeout after the crash; writes resume', () => {
  const d = run('leader_crash');
  assert.equal(d.elections.length, 1);
  const [e] = d.elections;
  assert.deepEqual([e.from, e.lostAtMs, e.term], ['mumbai', 2000, 2]);
  assert.ok(['delhi', 'chennai'].includes(e.to));
  // The timeout, a vote round trip and a round trip to commit the new leader's log.
  assert.ok(e.atMs > 3000 && e.atMs < 3400, `elected at ${e.atMs} ms`);
  // Operations arriving in the crash after the election are served by the new leader.
  const bins = d.timeline.availabilityPct;
  // Quorum reads go on (3 of the 5 replicas are up); writes wait for the new leader.
  assert.ok(bins[2] < 60 && bins[3] > 95 && bins[5] > 95, `per second: ${bins.join(' ')}`);
  assert.equal(d.checks.find((c) => c.check === 'linearizable')!.violations, 0);
  assert.match(d.protocol.writes, /election timeout 1000 ms/);
});

test('a longer election timeout is a longer gap', () => {
  const fast = run('leader_crash');
  const slow = run('slow_election');
  assert.ok(
    slow.elections[0].atMs - fast.elections[0].atMs > 1900,
    `${fast.elections[0].atMs} vs ${slow.elections[0].atMs}`,
  );
  assert.ok(slow.write.ok < fast.write.ok);
});
