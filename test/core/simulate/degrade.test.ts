// `degrade … when load …` in a simulation: the offered load against the declared workload picks the level a
// run simulates (the heaviest band that holds), says so in the assumptions, and otherwise says none applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { india, modelOf, run } from './helpers';

const policy = modelOf(`${india}data cart {
  consistency strong
  workload 100/s reads 80%
  degrade to session when load > 2x
  degrade to eventual when load > 5x
}
data feed {
  consistency causal
  workload 100/s reads 80%
  degrade to eventual when load > 1000/s
}
`);

test('at the declared load no rule applies, and the run says so', () => {
  const r = run(policy, { data: ['cart'], load: { perSec: 100 } });
  assert.equal(r.by('cart').level, 'strong (linearizable)');
  assert.ok(
    r.result.assumptions.includes(
      'cart: the run offers 100/s (1x its declared 100/s), which none of its `degrade … when load …` rules reaches; conditions on other fields are not simulated',
    ),
    r.result.assumptions.join('\n'),
  );
});

test('3x the declared load: the 2x band applies; 6x: the 5x band, the heaviest that holds', () => {
  const three = run(policy, { data: ['cart'], load: { perSec: 300 } });
  assert.equal(three.by('cart').level, 'session');
  assert.ok(
    three.result.assumptions.includes(
      'cart: the run offers 300/s (3x its declared 100/s), so `degrade to session when load > 2x` applies: simulated at session',
    ),
    three.result.assumptions.join('\n'),
  );
  const six = run(policy, { data: ['cart'], load: { perSec: 600 } });
  assert.equal(six.by('cart').level, 'eventual');
  assert.equal(
    six.by('cart').checks.find((c) => c.check === 'stale-reads')?.promised,
    false,
    'eventual promises no fresh reads',
  );
});

test('a rate threshold compares the rate offered to that data type; the load is split by declared workloads', () => {
  assert.equal(run(policy, { data: ['cart', 'feed'], load: { perSec: 1600 } }).by('feed').level, 'causal');
  const r = run(policy, { data: ['cart', 'feed'], load: { perSec: 2400 } });
  assert.equal(r.by('feed').level, 'eventual');
  assert.equal(r.by('cart').level, 'eventual', "1,200/s is 12x the cart's 100/s");
});

test('a `load > Nx` rule needs a declared workload to compare with; without one the run says so and keeps the level', () => {
  const m = modelOf(`${india}data cart {\n  consistency strong\n  degrade to eventual when load > 2x\n}\n`);
  const r = run(m, { data: ['cart'], load: { perSec: 5000 } });
  assert.equal(r.by('cart').level, 'strong (linearizable)');
  assert.ok(
    r.result.assumptions.includes(
      'cart: its `load > Nx` rules compare with a declared `workload`, which it lacks; conditions on other fields are not simulated',
    ),
    r.result.assumptions.join('\n'),
  );
});
