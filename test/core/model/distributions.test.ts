// Delay distributions as written: read into the simulator's shapes, checked per parameter with exact
// messages, and read by the estimates through their median and p99 (quantiles checked against closed forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cdfOf, quantileOf, Z99, type Distribution } from '../../../server/src/core/model/delay';
import { applyFix, check, expectDiagnostic } from '../../helpers/check-text';

const topo = (link: string, extra = '') => `topology t {\n  region a\n  region b\n  link a <-> b ${link}\n${extra}}\n`;
const linkOf = (text: string) => [...check(text).model.topologies.values()][0].links[0];

test('every shape reads into its distribution, labelled or positional', () => {
  const cases: [string, Distribution][] = [
    ['fixed(45ms)', { kind: 'fixed', value: 45 }],
    ['uniform(10ms, 20ms)', { kind: 'uniform', min: 10, max: 20 }],
    ['normal(mean 45ms, sd 5ms)', { kind: 'normal', mean: 45, sd: 5 }],
    ['normal(sd 5ms, mean 45ms)', { kind: 'normal', mean: 45, sd: 5 }],
    ['lognormal(median 45ms, p99 80ms)', { kind: 'lognormal', median: 45, p99: 80 }],
    ['exponential(mean 0.5s)', { kind: 'exponential', mean: 500 }],
    ['pareto(1.05ms, 1.51)', { kind: 'pareto', scale: 1.05, shape: 1.51 }],
    [
      'mix(0.38 pareto(1.05ms, 1.51), 0.62 exponential(mean 5.5ms))',
      {
        kind: 'mix',
        parts: [
          { weight: 0.38, dist: { kind: 'pareto', scale: 1.05, shape: 1.51 } },
          { weight: 0.62, dist: { kind: 'exponential', mean: 5.5 } },
        ],
      },
    ],
  ];
  for (const [text, dist] of cases) {
    const a = check(topo(text));
    assert.deepEqual(
      a.diagnostics.map((d) => d.message),
      [],
      text,
    );
    assert.deepEqual(linkOf(topo(text)).dist, dist, text);
  }
});

test('the estimates read a link distribution by its median, and its spread to p99 as a normal sd', () => {
  const l = linkOf(topo('lognormal(median 45ms, p99 80ms)'));
  // To a microsecond: the normal CDF behind the quantiles is an approximation good to 1.5e-7.
  assert.ok(Math.abs(l.rttMs - 45) < 1e-3, `${l.rttMs}`);
  assert.ok(Math.abs(l.jitterMs - 35 / Z99) < 1e-3, `${l.jitterMs}`);
  const fixedLink = linkOf(topo('45ms jitter 5ms'));
  assert.deepEqual([fixedLink.rttMs, fixedLink.jitterMs, fixedLink.dist], [45, 5, undefined]);
});

test('quantiles agree with the closed forms', () => {
  const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-3, `${x} vs ${y}`);
  close(quantileOf({ kind: 'exponential', mean: 10 }, 0.99), -10 * Math.log(0.01));
  close(quantileOf({ kind: 'pareto', scale: 2, shape: 1.5 }, 0.9), 2 * Math.pow(0.1, -1 / 1.5));
  close(quantileOf({ kind: 'uniform', min: 10, max: 20 }, 0.25), 12.5);
  close(quantileOf({ kind: 'lognormal', median: 45, p99: 80 }, 0.99), 80);
  close(quantileOf({ kind: 'normal', mean: 45, sd: 5 }, 0.5), 45);
  const mix: Distribution = {
    kind: 'mix',
    parts: [
      { weight: 1, dist: { kind: 'fixed', value: 1 } },
      { weight: 3, dist: { kind: 'uniform', min: 10, max: 20 } },
    ],
  };
  close(quantileOf(mix, 0.625), 15); // 0.25 at 1, then 0.75 spread over 10..20
  assert.equal(cdfOf(mix, 5), 0.25);
});

test('bad distributions: exact messages on the offending text', () => {
  const msg = (marked: string) => expectDiagnostic(marked, 'bad-distribution')[0].message;
  assert.equal(
    msg(topo('<|lognormal(median 45ms, p99 30ms)|>')),
    '`lognormal(median 45ms, p99 30ms)`: lognormal needs 0 < median ≤ p99.',
  );
  assert.equal(
    msg(topo('<|lognorml|>(median 45ms, p99 80ms)')),
    "Unknown distribution 'lognorml'; use fixed, uniform, normal, lognormal, exponential, pareto, mix. Did you mean 'lognormal'?",
  );
  assert.equal(msg(topo('pareto(1ms, <|2ms|>)')), "pareto's shape is a plain number such as `1.5`, not `2ms`.");
  assert.equal(msg(topo('<|normal(mean 3ms)|>')), 'normal needs sd: normal(mean, sd).');
  assert.equal(msg(topo('uniform(1ms, 2ms, <|3ms|>)')), 'uniform takes 2 parameters: uniform(min, max).');
  assert.equal(
    msg(topo('exponential(<|median|> 3ms)')),
    "exponential has no parameter 'median'; it takes exponential(mean).",
  );
  assert.equal(
    msg(topo('exponential(mean <|3|>)')),
    "exponential's mean is a duration such as `3ms`; `3` has no unit.",
  );
  assert.equal(
    msg(topo('mix(0.5 fixed(1ms), <|2ms|>)')),
    'Each part of a mix is a weight and a distribution, e.g. `0.38 pareto(1.05ms, 1.51)`; got `2ms`.',
  );
  assert.equal(msg(topo('normal(mean 3ms, <|mean 4ms|>)')), "normal's mean is given twice.");
});

test('a misspelt distribution is fixed by its quick fix; a jitter next to a distribution is removed by its fix', () => {
  const [d] = expectDiagnostic(topo('<|expnential|>(mean 3ms)'), 'bad-distribution');
  assert.deepEqual(check(applyFix(topo('expnential(mean 3ms)'), d)).diagnostics, []);
  const text = topo('exponential(mean 3ms) jitter 2ms');
  const [j] = expectDiagnostic(topo('exponential(mean 3ms) jitter <|2ms|>'), 'bad-distribution');
  assert.equal(
    j.message,
    'A link with a distribution of round trips takes no jitter: the distribution already says how they vary.',
  );
  assert.equal(applyFix(text, j), topo('exponential(mean 3ms)'));
});

test('replica work: each kind read into the topology; unknown kinds reported with a fix', () => {
  const t = [
    ...check(
      topo(
        '4ms',
        '  replica write 2ms\n  replica ack exponential(mean 1ms)\n  replica service lognormal(median 1ms, p99 9ms)\n',
      ),
    ).model.topologies.values(),
  ][0];
  assert.deepEqual(t.work, {
    write: { kind: 'fixed', value: 2 },
    ack: { kind: 'exponential', mean: 1 },
    service: { kind: 'lognormal', median: 1, p99: 9 },
  });
  const [d] = expectDiagnostic(topo('4ms', '  replica <|respose|> 2ms\n'), 'unknown-replica-work');
  assert.equal(
    d.message,
    "Unknown replica work 'respose'; use write, ack, read, response, service, capacity. Did you mean 'response'?",
  );
  assert.deepEqual(check(applyFix(topo('4ms', '  replica respose 2ms\n'), d)).diagnostics, []);
});
