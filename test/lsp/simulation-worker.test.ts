// The worker's loop without a thread: progress as whole percentages then the answer, which is runJob's; a
// cancel flag set in shared memory, or a passed wall-time limit, stops the run and says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInWorker, type WorkerMessage } from '../../server/src/lsp/simulation-worker';
import { runJob, type SimulationJob } from '../../server/src/service/simulation';

const job: SimulationJob = {
  files: [{ uri: 'file:///w.consistency', text: 'topology t {\n  region mumbai { replicas 3 primary }\n}\ndata acct { topology t consistency strong }\n' }],
  options: {},
  target: { kind: 'data', name: 'acct' },
  defaultSeed: 5,
  ops: 3000,
};

function run(flagValue: number, limitMs: number): WorkerMessage[] {
  const flag = new SharedArrayBuffer(4);
  Atomics.store(new Int32Array(flag), 0, flagValue);
  const out: WorkerMessage[] = [];
  runInWorker({ id: 7, job, flag, limitMs }, (m) => out.push(m));
  return out;
}

test('progress in whole percentages, rising, then the answer: exactly runJob\'s', () => {
  const out = run(0, 60_000);
  const done = out.at(-1)!;
  assert.equal(done.kind, 'done');
  assert.equal(JSON.stringify(done.kind === 'done' && done.answer), JSON.stringify(runJob(job)));
  const pcts = out.slice(0, -1).map((m) => (m.kind === 'progress' ? Math.floor(m.fraction * 100) : -1));
  assert.ok(pcts.length >= 2, `${pcts.length} progress messages`);
  assert.deepEqual(pcts, [...new Set(pcts)].sort((a, b) => a - b), 'each percentage once, in order');
  assert.equal(pcts.at(-1), 100);
  assert.ok(out.every((m) => m.id === 7));
});

test('the shared flag stops the run: a cancelled answer that covers what ran', () => {
  const done = run(1, 60_000).at(-1)!;
  assert.ok(done.kind === 'done' && 'result' in done.answer);
  assert.equal(done.answer.stopped, 'cancelled');
  assert.equal(done.answer.result.stopped, 'cancelled');
  assert.ok(done.answer.result.simulatedMs < done.answer.result.scenario.durationMs, `${done.answer.result.simulatedMs} ms simulated`);
});

test('a passed wall-time limit stops the run and says so', () => {
  const done = run(0, -1).at(-1)!;
  assert.ok(done.kind === 'done' && 'result' in done.answer);
  assert.equal(done.answer.stopped, 'time-limit');
  assert.equal(done.answer.result.stopped, 'cancelled');
});
