// Runs a simulation plan in a worker thread of the CLI bundle, so the main thread stays free to see
// Ctrl-C: the first SIGINT sets a shared stop flag (the run ends early with what it has), a second one
// exits at once with 130. Progress and results come back as messages.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { runPlan, type Outcome, type SimulationJob } from './run';

const MARK = 'consistency-simulate-worker';

interface WorkerInput {
  mark: typeof MARK;
  job: SimulationJob;
  progress: boolean;
  stop: SharedArrayBuffer;
}

type WorkerMessage = { type: 'progress'; index: number; fraction: number } | { type: 'done'; outcome: Outcome };

export interface WorkerHooks {
  onProgress?: (index: number, fraction: number) => void;
  /** The first Ctrl-C: the run is being stopped. */
  onInterrupt?: () => void;
}

/** Runs `job` in a worker started from `script` (the CLI bundle); resolves with what ran. */
export function runInWorker(script: string, job: SimulationJob, hooks: WorkerHooks = {}): Promise<Outcome> {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const input: WorkerInput = { mark: MARK, job, progress: hooks.onProgress !== undefined, stop };
  const onSigint = () => {
    if (Atomics.load(flag, 0) === 1) process.exit(130);
    Atomics.store(flag, 0, 1);
    hooks.onInterrupt?.();
  };
  process.on('SIGINT', onSigint);
  return new Promise<Outcome>((resolvePlan, reject) => {
    let done = false;
    const worker = new Worker(script, { workerData: input });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') hooks.onProgress?.(m.index, m.fraction);
      else {
        done = true;
        resolvePlan(m.outcome);
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => done || reject(new Error(`the simulation worker exited with code ${code} before it answered`)));
  }).finally(() => process.off('SIGINT', onSigint));
}

/** True in a worker this module started: the bundle's entry then runs `workerMain` instead of the CLI. */
export function isSimulationWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | undefined)?.mark === MARK;
}

export function workerMain(): void {
  const { job, progress, stop } = workerData as WorkerInput;
  const flag = new Int32Array(stop);
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  const outcome = runPlan(job, {
    shouldStop: () => Atomics.load(flag, 0) === 1,
    onProgress: progress ? (index, fraction) => post({ type: 'progress', index, fraction }) : undefined,
  });
  post({ type: 'done', outcome });
}
