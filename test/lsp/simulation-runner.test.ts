// The runner around the worker thread, with a stand-in worker script: a worker that never answers is killed
// after its limit (or after a cancel) and the next run gets a new one; a queued run cancelled never starts;
// a new run of the same key cancels the running one through the shared flag.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulationRunner } from '../../server/src/lsp/simulation-runner';
import type { SimulationJob } from '../../server/src/service/simulation';

// 'hang' spins forever; 'spin' spins until its flag is set; anything else answers at once.
const WORKER = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  const flag = new Int32Array(m.flag);
  if (m.job.target.name === 'hang') for (;;) {}
  if (m.job.target.name === 'spin') while (Atomics.load(flag, 0) === 0) {}
  parentPort.postMessage({ id: m.id, kind: 'progress', fraction: 0.5 });
  const cancelled = Atomics.load(flag, 0) !== 0;
  const answer = cancelled ? { error: 'answered ' + m.job.target.name + ' after a cancel', stopped: 'cancelled' } : { error: 'answered ' + m.job.target.name };
  parentPort.postMessage({ id: m.id, kind: 'done', answer });
});
`;
const dir = mkdtempSync(join(tmpdir(), 'consistency-runner-'));
writeFileSync(join(dir, 'worker.cjs'), WORKER);
const logs: string[] = [];
const runner = new SimulationRunner(join(dir, 'worker.cjs'), (m) => logs.push(m), 1000);
const job = (name: string): SimulationJob => ({ files: [], options: {}, target: { kind: 'data', name }, defaultSeed: 1, ops: 1 });
after(() => {
  runner.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('answers and progress pass through', async () => {
  const progress: number[] = [];
  assert.deepEqual(await runner.run('a', job('quick'), 1000, (f) => progress.push(f)).answer, { error: 'answered quick' });
  assert.deepEqual(progress, [0.5]);
});

test('a worker that gives no answer within the limit is killed; the next run gets a new worker', async () => {
  const hung = runner.run('h', job('hang'), 100);
  const next = runner.run('n', job('quick'), 1000);
  assert.deepEqual(await hung.answer, { error: 'the simulation gave no answer within its 0.1 s limit; it was stopped' });
  assert.deepEqual(await next.answer, { error: 'answered quick' });
  assert.deepEqual(logs, ['simulation h gave no answer within its 0.1 s limit: stopping the worker']);
});

test('a cancelled run that does not stop is killed after the grace period', async () => {
  const hung = runner.run('h2', job('hang'), 60_000);
  await new Promise((r) => setTimeout(r, 50));
  hung.cancel();
  assert.deepEqual(await hung.answer, { error: 'the simulation did not stop within 1 s of being cancelled; it was stopped' });
});

test('a queued run cancelled never starts; a new run of the same key cancels the running one by its flag', async () => {
  await runner.run('warm', job('quick'), 1000).answer; // the worker is up before the cancel's grace period starts
  const spinning = runner.run('s', job('spin'), 60_000);
  const queued = runner.run('q', job('quick'), 1000);
  queued.cancel();
  assert.deepEqual(await queued.answer, { error: 'cancelled before it started', stopped: 'cancelled' });
  const again = runner.run('s', job('again'), 1000);
  assert.deepEqual(await spinning.answer, { error: 'answered spin after a cancel', stopped: 'cancelled' });
  assert.deepEqual(await again.answer, { error: 'answered again' });
  assert.equal(runner.busy, false);
});
