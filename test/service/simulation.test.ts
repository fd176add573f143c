// ▶ Simulate's pure parts: the targets of a file, the job a request makes, target → scenario (a data type's
// default one, a declared scenario with its seed unless overridden), the run, request parameters, the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/pipeline';
import { defaultScenario, scenarioFor, simulate, type SimulationResult } from '../../server/src/core/simulate/index';
import {
  answerOf,
  readParams,
  responseOf,
  runKey,
  simulateLensTitle,
  simulationJob,
  simulationTargets,
  summaryLine,
} from '../../server/src/service/simulation';
import { runJob, type SimulationJob } from '../../server/src/service/simulation-run';
import { scenarioOf } from '../../server/src/core/simulate/target';
import { createSnapshot } from '../../server/src/service/snapshot';
import { fixture, URI } from './helpers';

const POLICY = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 45ms
}
data <|acct|> { topology india consistency strong replication sync conflict abort workload 1000/s reads 90% }
data <|sess|> { topology india consistency session }
data acct { consistency eventual }
scenario <|outage|> {
  data acct, sess
  duration 2s
  load 400/s reads 80%
  fault partition mumbai | delhi at 500ms for 1s
  seed 7
}
`;
const f = fixture(POLICY);
const OTHER = { uri: 'file:///other.consistency', text: 'data other { consistency eventual }\n' };
const knobs = { seed: 3, ops: 500 };

test('targets: each data type and scenario at its name, in order; a repeated name only once; none in built-ins', () => {
  const lines = f.s.lines.get(URI);
  const got = simulationTargets(f.s, URI).map((t) => ({
    ...t.target,
    range: { start: lines.position(t.range.start), end: lines.position(t.range.end) },
  }));
  assert.deepEqual(got, [
    { kind: 'data', name: 'acct', range: f.range(0) },
    { kind: 'data', name: 'sess', range: f.range(1) },
    { kind: 'scenario', name: 'outage', range: f.range(2) },
  ]);
  const builtin = [...f.s.analysis.documents.keys()].find((u) => u.startsWith('builtin:'))!;
  assert.deepEqual(simulationTargets(f.s, builtin), []);
  assert.deepEqual(simulationTargets(f.s, 'file:///missing.consistency'), []);
});

test('the lens title and the key of a last run', () => {
  assert.equal(simulateLensTitle(), '▶ Simulate');
  assert.equal(
    simulateLensTitle('write p99 48 ms, 0 anomalies, 100% available (seed 42)'),
    '▶ Simulate · last run: write p99 48 ms, 0 anomalies, 100% available (seed 42)',
  );
  assert.equal(runKey(URI, { kind: 'scenario', name: 'outage' }), `${URI}#scenario:outage`);
});

test('a job: the file first, then what it imports (not the rest of the workspace), the options, the explicit seed, the operations', () => {
  const s = createSnapshot(analyze([{ uri: URI, text: f.text }, OTHER]));
  const job = simulationJob(
    s,
    { uri: URI, target: { kind: 'data', name: 'sess' }, seed: 9 },
    { rules: { 'lww-on-money': 'off' } },
    knobs,
  );
  assert.deepEqual(job, {
    files: [{ uri: URI, text: f.text }],
    options: { rules: { 'lww-on-money': 'off' } },
    targets: [{ kind: 'data', name: 'sess' }],
    seed: 9,
    defaultSeed: 3,
    ops: 500,
  });
  const imported = `import "other.consistency"\n${f.text}`;
  const s2 = createSnapshot(analyze([OTHER, { uri: URI, text: imported }]));
  assert.deepEqual(simulationJob(s2, { uri: URI, target: { kind: 'data', name: 'sess' }, ops: 42 }, {}, knobs), {
    files: [{ uri: URI, text: imported }, OTHER],
    options: {},
    targets: [{ kind: 'data', name: 'sess' }],
    defaultSeed: 3,
    ops: 42,
  });
  assert.deepEqual(simulationJob(s, { uri: URI, target: { kind: 'data', name: 'other' } }, {}, knobs), {
    error: `no data type 'other' in ${URI}`,
  });
  assert.deepEqual(simulationJob(s, { uri: URI, target: { kind: 'scenario', name: 'acct' } }, {}, knobs), {
    error: `no scenario 'acct' in ${URI}`,
  });
  assert.deepEqual(
    simulationJob(s, { uri: 'file:///nope.consistency', target: { kind: 'data', name: 'acct' } }, {}, knobs),
    { error: 'file:///nope.consistency is not a policy file of this workspace' },
  );
});

test('target → scenario: the default one of a data type; a declared one with its own seed unless one is given', () => {
  const { model } = f.s.analysis;
  const base = { defaultSeed: 3, ops: 500 };
  assert.deepEqual(
    scenarioOf(model, { ...base, target: { kind: 'data', name: 'acct' } }),
    defaultScenario(model, model.data.get('acct')!, { seed: 3, ops: 500 }),
  );
  assert.deepEqual(scenarioOf(model, { ...base, seed: 11, target: { kind: 'data', name: 'acct' } }), {
    name: 'acct (default)',
    data: ['acct'],
    durationMs: 1000,
    seed: 11,
  });
  const declared = scenarioOf(model, { ...base, target: { kind: 'scenario', name: 'outage' } });
  assert.deepEqual(declared, scenarioFor(model.scenarios.get('outage')!, { seed: 7 }));
  assert.equal((declared as { seed: number }).seed, 7);
  assert.equal(
    (scenarioOf(model, { ...base, seed: 12, target: { kind: 'scenario', name: 'outage' } }) as { seed: number }).seed,
    12,
  );
  assert.deepEqual(scenarioOf(model, { ...base, target: { kind: 'scenario', name: 'none' } }), {
    error: "no scenario 'none'",
  });
});

test("a run gives exactly the core simulator's result for the same scenario and seed", () => {
  const target = { kind: 'scenario', name: 'outage' } as const;
  const job: SimulationJob = {
    files: [{ uri: URI, text: f.text }],
    options: {},
    targets: [target],
    defaultSeed: 1,
    ops: 500,
  };
  const got = answerOf(runJob(job));
  const { model } = analyze(job.files);
  assert.ok('result' in got);
  assert.equal(
    JSON.stringify(got.result),
    JSON.stringify(simulate(model, scenarioFor(model.scenarios.get('outage')!, { seed: 7 }))),
  );
  assert.equal(got.result.scenario.faults.length, 1);
  const none = runJob({ ...job, files: [{ uri: URI, text: 'data x { consistency eventual }\n' }] });
  assert.deepEqual(none, { runs: [], failed: [{ scenario: 'outage', error: "no scenario 'outage'" }], skipped: [] });
  assert.deepEqual(answerOf(none), { error: "no scenario 'outage'" });
});

test('request parameters are checked', () => {
  assert.deepEqual(
    readParams({ uri: URI, target: { kind: 'data', name: 'acct' }, seed: 5, ops: 100, workDoneToken: 'x' }),
    { uri: URI, target: { kind: 'data', name: 'acct' }, seed: 5, ops: 100 },
  );
  const shape = { error: 'consistency/simulate needs { uri, target: { kind: "data" | "scenario", name } }' };
  assert.deepEqual(readParams(null), shape);
  assert.deepEqual(readParams({ uri: URI, target: { kind: 'table', name: 'acct' } }), shape);
  assert.deepEqual(readParams({ uri: URI, target: { kind: 'data', name: 'acct' }, seed: -1 }), {
    error: 'the seed must be a whole number from 0 to 4294967295',
  });
  assert.deepEqual(readParams({ uri: URI, target: { kind: 'data', name: 'acct' }, ops: 1.5 }), {
    error: 'ops must be a whole number from 1 to 1,000,000,000',
  });
});

/** A result with only what the summary reads. */
function result(
  seed: number,
  simulatedMs: number,
  data: { p99: number; ok: number; ops: number; counts: Record<string, number>; promised: Record<string, boolean> }[],
): SimulationResult {
  return {
    scenario: { seed },
    simulatedMs,
    data: data.map((d) => ({
      write: { latencyMs: { p99: d.p99 }, ok: d.ok, offered: d.ops },
      read: { latencyMs: { p99: 1 }, ok: d.ok, offered: d.ops },
      checks: Object.keys(d.counts).map((check) => ({
        check,
        violations: d.counts[check],
        promised: d.promised[check] ?? false,
      })),
    })),
  } as unknown as SimulationResult;
}

test('the summary: worst write p99, anomalies the levels promised never to show, availability of all operations, seed', () => {
  const none = { staleReads: 0, lostUpdates: 0 };
  const strong = { staleReads: true, lostUpdates: false };
  assert.equal(
    summaryLine(result(42, 5000, [{ p99: 48.04, ok: 500, ops: 500, counts: none, promised: strong }])),
    'write p99 48 ms, 0 anomalies, 100% available (seed 42)',
  );
  const two = result(1, 5000, [
    { p99: 12.25, ok: 999, ops: 1000, counts: { staleReads: 3, lostUpdates: 9 }, promised: strong },
    {
      p99: 170.46,
      ok: 1000,
      ops: 1000,
      counts: { staleReads: 40, lostUpdates: 0 },
      promised: { staleReads: false, lostUpdates: false },
    },
  ]);
  assert.equal(summaryLine(two), 'write p99 170.5 ms, 3 anomalies, 99.95% available (seed 1)');
  assert.equal(
    summaryLine(
      result(9, 1234.5, [{ p99: 2, ok: 1, ops: 1, counts: { staleReads: 1 }, promised: { staleReads: true } }]),
      'cancelled',
    ),
    'cancelled at 1.2 s simulated: write p99 2 ms, 1 anomaly, 100% available (seed 9)',
  );
  assert.match(summaryLine(two, 'time-limit'), /^time limit at 5 s simulated: write p99 170\.5 ms/);
});

test('responses: results with their summary; errors; a run cancelled before it started', () => {
  const p = { uri: URI, target: { kind: 'data' as const, name: 'acct' } };
  const r = result(42, 5000, [{ p99: 48, ok: 1, ops: 1, counts: {}, promised: {} }]);
  assert.deepEqual(responseOf(p, { result: r }), {
    ...p,
    result: r,
    summary: 'write p99 48 ms, 0 anomalies, 100% available (seed 42)',
  });
  assert.deepEqual(responseOf(p, { result: r, stopped: 'time-limit' }), {
    ...p,
    result: r,
    stopped: 'time-limit',
    summary: 'time limit at 5 s simulated: write p99 48 ms, 0 anomalies, 100% available (seed 42)',
  });
  assert.deepEqual(responseOf(p, { error: "no data type 'acct'" }), {
    ...p,
    error: "no data type 'acct'",
    summary: "failed: no data type 'acct'",
  });
  assert.deepEqual(responseOf(p, { error: 'cancelled before it started', stopped: 'cancelled' }), {
    ...p,
    error: 'cancelled before it started',
    stopped: 'cancelled',
    summary: 'cancelled',
  });
});
