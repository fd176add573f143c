// One simulation job as the host runs it (service/simulation-run.ts), in the worker thread of
// host/simulation-worker.ts or, without one, in the CLI's own thread: progress and the outcome are posted, the
// history goes to a descriptor the caller opened. A job stops when the shared cancel flag is set or its
// wall-time limit passes: both are read between batches of events, since no message can reach a busy loop.
import {
  failedOutcome,
  messageOf,
  runJob,
  type Outcome,
  type SimulationJob,
  type SimulationStop,
} from '../service/simulation-run';
import { LineWriter } from './line-writer';

export interface WorkerRun {
  id: number;
  job: SimulationJob;
  /** Int32Array[1] over a SharedArrayBuffer: non-zero means cancel. */
  flag: SharedArrayBuffer;
  /** Wall-time limit of the whole job; none when undefined. */
  limitMs?: number;
  /** An open file descriptor for the Jepsen-style history (the main thread closes it). */
  historyFd?: number;
}

export type WorkerMessage =
  | { id: number; kind: 'progress'; index: number; fraction: number }
  | { id: number; kind: 'done'; outcome: Outcome };

/** Events between cancellation checks: about a millisecond of simulation. */
const checkEvery = 2048;

export function runInWorker(m: WorkerRun, post: (msg: WorkerMessage) => void): void {
  const flag = new Int32Array(m.flag);
  const deadline = m.limitMs === undefined ? Infinity : Date.now() + m.limitMs;
  const stop = (): SimulationStop | undefined => {
    if (Atomics.load(flag, 0) !== 0) return 'cancelled';
    return Date.now() > deadline ? 'time-limit' : undefined;
  };
  let last = '';
  const onProgress = (index: number, fraction: number) => {
    const at = `${index}:${Math.floor(fraction * 100)}`;
    if (at === last) return;
    last = at;
    post({ id: m.id, kind: 'progress', index, fraction });
  };
  const writer = m.historyFd === undefined ? undefined : new LineWriter(m.historyFd);
  try {
    const outcome = runJob(m.job, { stop, onProgress, onHistory: writer?.line, checkEvery });
    writer?.flush();
    post({ id: m.id, kind: 'done', outcome });
  } catch (e) {
    post({ id: m.id, kind: 'done', outcome: failedOutcome(m.job, messageOf(e)) });
  }
}
