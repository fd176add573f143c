// The host's worker loop without a thread: progress as whole percentages per target then the outcome, which
// is runJob's; a cancel flag set in shared memory, or a passed wall-time limit, stops the job and says which;
// a job stopped before a target starts skips it; the history goes to the descriptor given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInWorker, type WorkerMessage } from '../../server/src/host/simulation-loop';
import { runJob, type Outcome, type SimulationJob } from '../../server/src/service/simulation-run';

const text =
  'topology t {\n  region mumbai { replicas 3 primary }\n}\ndata acct { topology t consistency strong }\n' +
  'data log { topology t consistency eventual }\n';
const job: SimulationJob = {
  files: [{ uri: 'file:///w.consistency', text }],
  options: {},
  targets: [
    { kind: 'data', name: 'acct' },
    { kind: 'data', name: 'log' },
  ],
  defaultSeed: 5,
  ops: 3000,
};

/** Runs the job; `cancelAt` sets the flag at the first progress message at or past that fraction of target 0. */
function run(o: { cancelAt?: number; flag?: number; limitMs?: number; historyFd?: number } = {}): WorkerMessage[] {
  const flag = new SharedArrayBuffer(4);
  Atomics.store(new Int32Array(flag), 0, o.flag ?? 0);
  const out: WorkerMessage[] = [];
  runInWorker({ id: 7, job, flag, limitMs: o.limitMs, historyFd: o.historyFd }, (m) => {
    out.push(m);
    if (m.kind === 'progress' && o.cancelAt !== undefined && m.fraction >= o.cancelAt)
      Atomics.store(new Int32Array(flag), 0, 1);
  });
  return out;
}

const outcomeOf = (out: WorkerMessage[]): Outcome => {
  const done = out.at(-1)!;
  assert.equal(done.kind, 'done');
  return (done as Extract<WorkerMessage, { kind: 'done' }>).outcome;
};

test("progress in whole percentages, rising per target, then the outcome: exactly runJob's", () => {
  const out = run({ limitMs: 60_000 });
  assert.equal(JSON.stringify(outcomeOf(out)), JSON.stringify(runJob(job)));
  for (const index of [0, 1]) {
    const pcts = out.flatMap((m) => (m.kind === 'progress' && m.index === index ? [Math.floor(m.fraction * 100)] : []));
    assert.ok(pcts.length >= 2, `${pcts.length} progress messages`);
    assert.deepEqual(
      pcts,
      [...new Set(pcts)].sort((a, b) => a - b),
      'each percentage once, in order',
    );
    assert.equal(pcts.at(-1), 100);
  }
  assert.ok(out.every((m) => m.id === 7));
});

test('the shared flag stops the job: the running target covers what ran, the next is skipped', () => {
  const o = outcomeOf(run({ cancelAt: 0.3 }));
  assert.equal(o.stopped, 'cancelled');
  assert.equal(o.runs.length, 1);
  assert.equal(o.runs[0].stopped, 'cancelled');
  assert.ok(o.runs[0].simulatedMs < o.runs[0].scenario.durationMs, `${o.runs[0].simulatedMs} ms simulated`);
  assert.deepEqual(o.skipped, [{ kind: 'data', name: 'log' }]);
});

test('a flag set before the job starts (a cancel that came first) runs nothing', () => {
  const o = outcomeOf(run({ flag: 1 }));
  assert.deepEqual(o, { runs: [], failed: [], skipped: job.targets, stopped: 'cancelled' });
});

test('a passed wall-time limit stops the job and says so', () => {
  const o = outcomeOf(run({ limitMs: -1 }));
  assert.equal(o.stopped, 'time-limit');
  assert.deepEqual(o.skipped, job.targets);
});

test('the history is written to the descriptor given: per run a header, then one JSON line per event', () => {
  const dir = mkdtempSync(join(tmpdir(), 'consistency-worker-'));
  try {
    const fd = openSync(join(dir, 'h.jsonl'), 'w');
    const o = outcomeOf(run({ historyFd: fd }));
    closeSync(fd);
    const lines = readFileSync(join(dir, 'h.jsonl'), 'utf8').trimEnd().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { type: string });
    assert.equal(records.filter((r) => r.type === 'header').length, 2);
    assert.equal(records.length, 2 + o.runs.reduce((n, r) => n + r.history.lines, 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
