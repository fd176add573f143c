// Runs simulation jobs in one reused worker thread, one at a time, so the server's event loop (typing,
// diagnostics) is never blocked. A new run for the same key cancels the previous one; a cancel sets the run's
// shared flag (or drops it from the queue); a worker that does not answer in time is terminated and replaced.
import { Worker } from 'node:worker_threads';
import type { SimulationJob } from '../service/simulation';
import type { WorkerAnswer, WorkerMessage, WorkerRun } from './simulation-worker';

export interface RunHandle {
  answer: Promise<WorkerAnswer>;
  cancel(): void;
}

interface Run {
  id: number;
  key: string;
  job: SimulationJob;
  limitMs: number;
  flag: SharedArrayBuffer;
  onProgress: (fraction: number) => void;
  resolve: (a: WorkerAnswer) => void;
  cancelled: boolean;
}

export class SimulationRunner {
  private worker?: Worker;
  private current?: Run;
  private queue: Run[] = [];
  private nextId = 1;
  private watchdog?: ReturnType<typeof setTimeout>;

  /** `graceMs`: how long past its limit (or its cancellation) a run may take to answer before the worker is killed. */
  constructor(
    private readonly workerPath: string,
    private readonly log: (message: string) => void,
    private readonly graceMs = 5000,
  ) {}

  run(key: string, job: SimulationJob, limitMs: number, onProgress: (fraction: number) => void = () => {}): RunHandle {
    for (const r of [this.current, ...this.queue]) if (r?.key === key) this.cancelRun(r);
    let resolve!: (a: WorkerAnswer) => void;
    const answer = new Promise<WorkerAnswer>((r) => (resolve = r));
    const run: Run = { id: this.nextId++, key, job, limitMs, flag: new SharedArrayBuffer(4), onProgress, resolve, cancelled: false };
    this.queue.push(run);
    this.pump();
    return { answer, cancel: () => this.cancelRun(run) };
  }

  /** Whether a run is in the worker now (for tests and logs). */
  get busy(): boolean {
    return this.current !== undefined;
  }

  dispose(): void {
    for (const r of this.queue) r.resolve({ error: 'the language server is shutting down' });
    this.queue = [];
    if (this.current) this.current.resolve({ error: 'the language server is shutting down' });
    this.current = undefined;
    this.kill();
  }

  private cancelRun(r: Run): void {
    if (r.cancelled) return;
    r.cancelled = true;
    const queued = this.queue.indexOf(r);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      r.resolve({ error: 'cancelled before it started', stopped: 'cancelled' });
      return;
    }
    if (r !== this.current) return;
    Atomics.store(new Int32Array(r.flag), 0, 1);
    this.arm(this.graceMs, `did not stop within ${this.graceMs / 1000} s of being cancelled`);
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const run = this.queue.shift()!;
    this.current = run;
    const worker = this.ensureWorker();
    this.arm(run.limitMs + this.graceMs, `gave no answer within its ${run.limitMs / 1000} s limit`);
    const message: WorkerRun = { id: run.id, job: run.job, flag: run.flag, limitMs: run.limitMs };
    worker.postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (m: WorkerMessage) => {
      const run = this.current;
      if (!run || m.id !== run.id) return;
      if (m.kind === 'progress') run.onProgress(m.fraction);
      else this.finish(run, m.answer);
    });
    worker.on('error', (e) => {
      this.log(`simulation worker failed: ${e.stack ?? e.message}`);
      this.lost(worker, `the simulation worker failed: ${e.message}`);
    });
    worker.on('exit', (code) => this.lost(worker, `the simulation worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  /** The worker died or was killed: the current run fails, the next one gets a new worker. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (this.current) this.finish(this.current, { error: why });
  }

  private finish(run: Run, answer: WorkerAnswer): void {
    if (this.current !== run) return;
    clearTimeout(this.watchdog);
    this.current = undefined;
    run.resolve(answer);
    this.pump();
  }

  private arm(ms: number, why: string): void {
    clearTimeout(this.watchdog);
    const run = this.current;
    this.watchdog = setTimeout(() => {
      if (!run || this.current !== run) return;
      this.log(`simulation ${run.key} ${why}: stopping the worker`);
      this.kill();
      this.finish(run, { error: `the simulation ${why}; it was stopped` });
    }, ms);
    this.watchdog.unref?.();
  }

  private kill(): void {
    const w = this.worker;
    this.worker = undefined;
    clearTimeout(this.watchdog);
    void w?.terminate();
  }
}
