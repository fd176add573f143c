// Finite replicas: a worker pool per replica sized from the profile's capacity (Little's law); load beyond it
// queues, so latency grows with overload and operations time out, where unlimited replicas would not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scenarioFor, simulate } from '../../../server/src/core/simulate/index';
import { modelOf } from './helpers';

const model = modelOf(`topology one { region mumbai { replicas 3 primary } }
data cart { topology one consistency strong replication sync workload 500/s reads 50% }
topology fast { region mumbai { replicas 3 primary } replica capacity 100000/s }
data roomy { topology fast consistency strong replication sync workload 500/s reads 50% }
scenario light { data cart duration 4s load 500/s seed 1 }
scenario ten_x { data cart duration 4s load 12000/s seed 1 }
scenario roomy_ten_x { data roomy duration 4s load 12000/s seed 1 }`);
const run = (name: string) => simulate(model, scenarioFor(model.scenarios.get(name)!));

test('ten times the capacity: latency grows from the queue and most operations time out', () => {
  const light = run('light');
  const heavy = run('ten_x');
  const [l, h] = [light.data[0].read, heavy.data[0].read];
  assert.equal(l.fail, 0);
  assert.ok(
    h.latencyMs.p50 > 10 * l.latencyMs.p50,
    `p50 ${l.latencyMs.p50} ms at 500/s, ${h.latencyMs.p50} ms at 12,000/s`,
  );
  assert.ok(h.fail > 0.5 * h.offered, `${h.fail} of ${h.offered} failed`);
  assert.ok(h.latencyMs.max <= 1000, 'still nothing answered after the timeout');
  assert.ok(
    heavy.assumptions.some((a) => /each replica serves client operations with 33 workers \(1,200 ops\/s/.test(a)),
    heavy.assumptions.join('\n'),
  );
});

test('a declared replica capacity sizes the pool: the same load fits', () => {
  const r = run('roomy_ten_x');
  const d = r.data[0];
  assert.equal(d.read.fail + d.write.fail, 0);
  assert.ok(
    r.assumptions.some((a) => a.includes('100,000 ops/s') && a.includes('declared in topology fast')),
    r.assumptions.join('\n'),
  );
});
