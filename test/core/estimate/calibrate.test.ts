// Calibration: fitting the language's distributions to measured latencies (samples or HdrHistogram output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLatencies, fitLine, readLatencies } from '../../../server/src/core/estimate/calibrate';
import { parseDocument } from '../../../server/src/core/syntax/parse';

/** Deterministic samples from the PBS paper's LinkedIn disk write fit: 38% Pareto(1.05 ms, 1.51), 62% exponential(5.46 ms). */
function linkedInSamples(n: number): number[] {
  let s = 42;
  const u = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => (u() < 0.38 ? 1.05 / Math.pow(1 - u(), 1 / 1.51) : -5.46 * Math.log(1 - u())));
}

test('the Pareto/exponential mixture wins on PBS-shaped samples and recovers the fit', () => {
  const m = readLatencies(['latency_ms', ...linkedInSamples(20_000).map(String)].join('\n'));
  assert.equal(m.format, 'samples');
  assert.equal(m.count, 20_000);
  const [best] = fitLatencies(m);
  assert.equal(best.form, 'pareto-exponential mix');
  assert.ok(best.meanError < 0.05, `mean error ${best.meanError}`);
  assert.equal(best.dist.kind, 'mix');
  if (best.dist.kind === 'mix') {
    const pareto = best.dist.parts.find((p) => p.dist.kind === 'pareto')!;
    assert.ok(Math.abs(pareto.weight - 0.38) < 0.05, JSON.stringify(best.dist));
  }
});

test('log-normal samples are fitted as log-normal, and the printed line parses as the language', () => {
  // Quantiles of lognormal(median 4ms, p99 12ms) given as HdrHistogram percentile output.
  const sigma = Math.log(3) / 2.3263478740408408;
  const rows = [0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999].map((q) => {
    const z = { 0.1: -1.2816, 0.25: -0.6745, 0.5: 0, 0.75: 0.6745, 0.9: 1.2816, 0.99: 2.3263, 0.999: 3.0902 }[q]!;
    return `${(4 * Math.exp(sigma * z)).toFixed(3)} ${q.toFixed(12)} ${Math.round(q * 10_000)} ${(1 / (1 - q)).toFixed(2)}`;
  });
  const text = [
    '       Value     Percentile TotalCount 1/(1-Percentile)',
    '',
    ...rows,
    '#[Mean    =        4.3, StdDeviation   =        2.0]',
  ].join('\n');
  const m = readLatencies(text);
  assert.equal(m.format, 'hdrhistogram');
  const [best] = fitLatencies(m);
  assert.equal(best.form, 'lognormal');
  assert.deepEqual(best.dist, { kind: 'lognormal', median: 4, p99: 12 });
  const line = fitLine('replica read', best, m);
  assert.match(line, /^replica read lognormal\(median 4ms, p99 12ms\)  \/\/ lognormal: mean quantile error/);
  const doc = parseDocument(`topology t { region a\n${line}\n}`, 'file:///x.consistency');
  assert.deepEqual(doc.diagnostics, []);
});

test('too few values is an error, microseconds are converted', () => {
  assert.throws(() => fitLatencies(readLatencies('1\n2\n')), /at least 3 distinct quantiles/);
  const us = readLatencies(
    linkedInSamples(2_000)
      .map((x) => String(x * 1000))
      .join('\n'),
    0.001,
  );
  const ms = readLatencies(linkedInSamples(2_000).map(String).join('\n'));
  assert.ok(Math.abs(us.points[5].ms - ms.points[5].ms) < 1e-9);
});
