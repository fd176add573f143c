// Probabilistically Bounded Staleness (Bailis et al., PVLDB 5(8), 2012), reproduced through the language and
// the command line: the paper's production fits are a sample policy (samples/clean/pbs-production-fits.consistency)
// whose scenarios, run by `consistency simulate … --json` as a user runs them, must give the paper's t-visibility
// (Section 5.3) and p99.9 latencies (Table 4); random non-expanding quorums declared with `quorum … random` must
// meet the closed-form k-staleness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRng, scenarioFor, simulate, type DataResult, type Rng } from '../../../server/src/core/simulate/index';
import type { SimulationResult } from '../../../server/src/core/simulate/index';
import { runCli } from '../../helpers/cli';
import { modelOf } from './helpers';

const sample = resolve('samples/clean/pbs-production-fits.consistency');
const runs = new Map<string, SimulationResult>();
/** A scenario's results by data type, from the CLI's JSON (each scenario runs once for the whole file). */
const runScenario = (name: string) => {
  if (!runs.has(name)) {
    const r = runCli(['simulate', sample, '--scenario', name, '--json'], process.cwd());
    assert.equal(r.code, 0, r.stderr);
    runs.set(name, JSON.parse(r.stdout).runs[0]);
  }
  const r = runs.get(name)!;
  return (data: string): DataResult => r.data.find((d) => d.data === data)!;
};
const at = (d: DataResult, t: number) => d.visibility.find((v) => v.tMs === t)!;

test('t-visibility of the PBS production fits matches the paper within 1.5 points (N = 3, R = W = 1)', () => {
  const by = runScenario('pbs_t_visibility');
  // [data type, t (ms), the paper's P(consistent)]: Section 5.3.
  const paper: [string, number, number][] = [
    ['ssd_r1w1', 0, 0.974],
    ['disk_r1w1', 0, 0.439],
    ['disk_r1w1', 10, 0.925],
    ['ymmr_r1w1', 0, 0.893],
  ];
  for (const [data, t, p] of paper) {
    const v = at(by(data), t);
    // ~30,000 probes, one per committed write: a binomial standard error of at most 0.3 points.
    assert.ok(v.probes > 25_000, `${data}: ${v.probes} probes`);
    assert.ok(
      Math.abs(v.probability - p) <= 0.015,
      `${data} at t = ${t} ms: the paper ${p}, simulated ${v.probability}`,
    );
  }
  // The curve rises with t and reaches 1; a longer tail (Yammer) rises later.
  const ymmr = by('ymmr_r1w1').visibility.map((v) => v.probability);
  assert.deepEqual(
    [...ymmr].sort((a, b) => a - b),
    ymmr,
  );
  assert.ok(at(by('disk_r1w1'), 100).probability > 0.999 && at(by('ymmr_r1w1'), 100).probability < 0.97);
});

test("p99.9 read and write latencies match the paper's Table 4 within 10%", () => {
  const vis = runScenario('pbs_t_visibility');
  const disk = runScenario('pbs_disk_latency');
  // [result, data type, the paper's p99.9 read, write (ms)].
  const paper: [typeof vis, string, number, number][] = [
    [vis, 'ssd_r1w1', 0.66, 0.66],
    [vis, 'ymmr_r1w1', 5.58, 10.83],
    [disk, 'disk_r1w1', 0.66, 10.99],
    [disk, 'disk_r2w1', 1.63, 10.9],
    [disk, 'disk_r1w2', 0.65, 20.97],
    [disk, 'disk_r3w1', 4.12, 10.89],
  ];
  for (const [by, data, read, write] of paper) {
    const d = by(data);
    for (const [op, want, got] of [
      ['read', read, d.read.latencyMs.p999],
      ['write', write, d.write.latencyMs.p999],
    ] as const) {
      assert.ok(Math.abs(got - want) <= 0.1 * want, `${data} ${op} p99.9: the paper ${want} ms, simulated ${got} ms`);
    }
  }
  // R + W > N: no read misses a committed write.
  assert.equal(disk('disk_r3w1').staleness.staleReads, 0);
});

const choose = (n: number, k: number): number => (k < 0 || k > n ? 0 : k === 0 ? 1 : (choose(n - 1, k - 1) * n) / k);

for (const [n, w, r] of [
  [5, 2, 2],
  [3, 1, 1],
]) {
  test(`random non-expanding quorums N=${n} W=${w} R=${r}: P(≥ k versions behind) = (C(N−W,R)/C(N,R))^k`, () => {
    const m = modelOf(`topology one { region dc { replicas ${n} rtt 0ms } replica write 0ms replica service 0ms }
data kv { topology one consistency eventual replication quorum write ${w} read ${r} random }
scenario k { data kv duration 20s load 1000/s reads 75% clients 10 keys 1 timeout 60s seed 3 }`);
    const d = simulate(m, scenarioFor(m.scenarios.get('k')!)).data[0];
    assert.match(d.replication, /\(random\)$/);
    const reads = d.staleness.reads;
    assert.ok(reads > 14_000, `${reads} reads`);
    const ps = choose(n - w, r) / choose(n, r);
    for (let k = 1; k <= 3; k++) {
      const want = ps ** k;
      const se = Math.sqrt((want * (1 - want)) / reads);
      const got = d.staleness.kStaleness[k - 1];
      assert.ok(
        Math.abs(got - want) <= 4 * se,
        `k=${k}: closed form ${want.toFixed(4)}, simulated ${got} (±${(4 * se).toFixed(4)})`,
      );
    }
  });
}

test('R + W > N with heavy-tailed delays: every read after a commit sees it (t-visibility 1 at every t)', () => {
  const m = modelOf(`${readFileSync('samples/clean/pbs-production-fits.consistency', 'utf8')}
data q22 { topology lnkd_disk consistency eventual replication quorum write 2 read 2 }
data q31 { topology ymmr consistency eventual replication quorum write 3 read 1 }
scenario strict { data q22, q31 duration 5s load 800/s reads 50% keys 50 timeout 60s visibility at 0ms, 1ms, 10ms }`);
  for (const d of simulate(m, scenarioFor(m.scenarios.get('strict')!)).data) {
    assert.ok(
      d.visibility.every((v) => v.probability === 1 && v.probes > 0),
      `${d.data}: ${JSON.stringify(d.visibility)}`,
    );
    assert.equal(d.staleness.staleReads, 0, d.data);
  }
});

/** An independent sampler of the paper's mixtures (not the engine's): exponential by rate λ, Pareto(xm, α). */
type Shape = [number, 'exp' | 'pareto', number, number?][];
const ssd: Shape = [
  [0.9122, 'pareto', 0.235, 10],
  [0.0878, 'exp', 1.66],
];
const diskW: Shape = [
  [0.38, 'pareto', 1.05, 1.51],
  [0.62, 'exp', 0.183],
];
function draw(s: Shape, rng: Rng): number {
  let u = rng.float();
  for (const [w, kind, a, b] of s) {
    if ((u -= w) >= 0) continue;
    return kind === 'exp' ? -Math.log(1 - rng.float()) / a : a / Math.pow(1 - rng.float(), 1 / b!);
  }
  return draw([s[s.length - 1]], rng);
}

/** WARS (the paper's Section 4): N replicas each get the write after W and acknowledge after A; it commits at
 *  the W-th acknowledgement (W = 1 here). A read t later asks all N (R), which answer (S); the first answer
 *  counts; it is consistent when that replica had the write when the read request reached it, i.e. when t is at
 *  least this trial's threshold (the paper's method: one trial gives the whole curve). */
function warsThresholds(n: number, trials: number, rng: Rng): Float64Array {
  const thresholds = new Float64Array(trials);
  for (let i = 0; i < trials; i++) {
    const w = Array.from({ length: n }, () => draw(diskW, rng));
    const commit = Math.min(...w.map((x) => x + draw(ssd, rng)));
    const reads = w.map((wi) => ({ wi, r: draw(ssd, rng) })).map((x) => ({ ...x, back: x.r + draw(ssd, rng) }));
    const first = reads.reduce((a, b) => (b.back < a.back ? b : a));
    thresholds[i] = first.wi - commit - first.r;
  }
  return thresholds;
}

test('the LNKD-DISK curve matches an independent Monte-Carlo of WARS at every reported t', () => {
  const d = runScenario('pbs_t_visibility')('disk_r1w1');
  const thresholds = warsThresholds(3, 60_000, createRng(2012));
  for (const v of d.visibility) {
    const expected = thresholds.filter((x) => x <= v.tMs).length / thresholds.length;
    // ~30,000 probes (≤ 0.3 points of standard error) against 60,000 trials (≤ 0.2): 1.5 points is ≥ 4 of them.
    assert.ok(
      Math.abs(v.probability - expected) <= 0.015,
      `t = ${v.tMs} ms: WARS ${expected.toFixed(3)}, simulated ${v.probability}`,
    );
  }
});
