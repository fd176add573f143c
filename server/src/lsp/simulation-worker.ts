// The simulation worker thread (out/simulation-worker.cjs): runs one job at a time (service/simulation.ts
// runJob), posts its progress and its answer. A run stops when the main thread sets the shared cancel flag or
// the wall-time limit passes: both are read by the engine's shouldStop, since no message can reach a busy loop.
import { parentPort } from 'node:worker_threads';
import { runJob, type SimulationAnswer, type SimulationJob, type SimulationStop } from '../service/simulation';

export interface WorkerRun {
  id: number;
  job: SimulationJob;
  /** Int32Array[1] over a SharedArrayBuffer: non-zero means cancel. */
  flag: SharedArrayBuffer;
  limitMs: number;
}

export type WorkerAnswer = SimulationAnswer;

export type WorkerMessage = { id: number; kind: 'progress'; fraction: number } | { id: number; kind: 'done'; answer: WorkerAnswer };

/** Events between cancellation checks: about a millisecond of simulation. */
const checkEvery = 2048;

export function runInWorker(m: WorkerRun, post: (msg: WorkerMessage) => void): void {
  const flag = new Int32Array(m.flag);
  const deadline = Date.now() + m.limitMs;
  let stopped: SimulationStop | undefined;
  const shouldStop = () => {
    if (Atomics.load(flag, 0) !== 0) stopped ??= 'cancelled';
    else if (Date.now() > deadline) stopped ??= 'time-limit';
    return stopped !== undefined;
  };
  let last = -1;
  const onProgress = (fraction: number) => {
    const pct = Math.floor(fraction * 100);
    if (pct === last) return;
    last = pct;
    post({ id: m.id, kind: 'progress', fraction });
  };
  const answer = runJob(m.job, { shouldStop, onProgress, checkEvery });
  post({ id: m.id, kind: 'done', answer: 'result' in answer && stopped ? { ...answer, stopped } : answer });
}

parentPort?.on('message', (m: WorkerRun) => runInWorker(m, (msg) => parentPort!.postMessage(msg)));
