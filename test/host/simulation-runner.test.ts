// The host's runner around its worker thread, with a stand-in worker script: a worker that never answers is killed
// after its limit (or after a cancel) and the next run gets a new one; a queued run cancelled never starts;
// a new run of the same key cancels the running one through the shared flag.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulationRunner } from '../../server/src/host/simulation-runner';
import type { Outcome, SimulationJob } from '../../server/src/service/simulation-run';

// 'hang' spins forever; 'spin' spins until its flag is set; anything else answers at once.
const WORKER = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const flag = new Int32Array(m.flag);
  const name = m.job.targets[0].name;
  if (name === 'hang') for (;;) {}
  if (name === 'spin') while (Atomics.load(flag, 0) === 0) {}
  parentPort.postMessage({ id: m.id, kind: 'progress', index: 0, fraction: 0.5 });
  const cancelled = Atomics.load(flag, 0) !== 0;
  const failed = [{ data: name, error: 'answered ' + name + (cancelled ? ' after a cancel' : '') }];
  const outcome = { runs: [], failed, skipped: [], ...(cancelled ? { stopped: 'cancelled' } : {}) };
  parentPort.postMessage({ id: m.id, kind: 'done', outcome });
});
`;
const dir = mkdtempSync(join(tmpdir(), 'consistency-runner-'));
writeFileSync(join(dir, 'worker.cjs'), WORKER);
const logs: string[] = [];
const runner = new SimulationRunner(join(dir, 'worker.cjs'), (m) => logs.push(m), 1000);
const job = (name: string): SimulationJob => ({
  files: [],
  options: {},
  targets: [{ kind: 'data', name }],
  defaultSeed: 1,
  ops: 1,
});
/** The outcome of a one-target job that failed with `error`. */
const failed = (name: string, error: string, stopped?: 'cancelled'): Outcome => ({
  runs: [],
  failed: [{ data: name, error }],
  skipped: [],
  ...(stopped ? { stopped } : {}),
});
after(() => {
  runner.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('answers and progress pass through', async () => {
  const progress: number[] = [];
  const quick = runner.run('a', job('quick'), { limitMs: 1000, onProgress: (_, f) => progress.push(f) });
  assert.deepEqual(await quick.outcome, failed('quick', 'answered quick'));
  assert.deepEqual(progress, [0.5]);
});

test('a worker that gives no answer within the limit is killed; the next run gets a new worker', async () => {
  const hung = runner.run('h', job('hang'), { limitMs: 100 });
  const next = runner.run('n', job('quick'), { limitMs: 1000 });
  assert.deepEqual(
    await hung.outcome,
    failed('hang', 'the simulation gave no answer within its 0.1 s limit; it was stopped'),
  );
  assert.deepEqual(await next.outcome, failed('quick', 'answered quick'));
  assert.deepEqual(logs, ['simulation h gave no answer within its 0.1 s limit: stopping the worker']);
});

test('a cancelled run that does not stop is killed after the grace period', async () => {
  const hung = runner.run('h2', job('hang'), { limitMs: 60_000 });
  await new Promise((r) => setTimeout(r, 50));
  hung.cancel();
  assert.deepEqual(
    await hung.outcome,
    failed('hang', 'the simulation did not stop within 1 s of being cancelled; it was stopped'),
  );
});

test('a queued run cancelled never starts; a new run of the same key cancels the running one by its flag', async () => {
  await runner.run('warm', job('quick'), { limitMs: 1000 }).outcome; // the worker is up before the cancel's grace period starts
  const spinning = runner.run('s', job('spin'), { limitMs: 60_000 });
  const queued = runner.run('q', job('quick'), { limitMs: 1000 });
  queued.cancel();
  assert.deepEqual(await queued.outcome, {
    runs: [],
    failed: [],
    skipped: [{ kind: 'data', name: 'quick' }],
    stopped: 'cancelled',
  });
  const again = runner.run('s', job('again'), { limitMs: 1000 });
  assert.deepEqual(await spinning.outcome, failed('spin', 'answered spin after a cancel', 'cancelled'));
  assert.deepEqual(await again.outcome, failed('again', 'answered again'));
  assert.equal(runner.busy, false);
});
