// Runs simulation jobs in one reused worker thread (host/simulation-worker.ts), one at a time, so the
// caller's event loop (the server's typing and diagnostics, the CLI's Ctrl-C) is never blocked. A new run
// for the same key cancels the previous one; a cancel sets the run's shared flag (or drops it from the
// queue); a worker that does not answer in time is terminated and replaced.
import type { Worker } from 'node:worker_threads';
import { failedOutcome, type Outcome, type SimulationJob } from '../service/simulation-run';
import type { WorkerMessage, WorkerRun } from './simulation-loop';

export interface RunHandle {
  outcome: Promise<Outcome>;
  cancel(): void;
}

export interface RunOptions {
  /** Wall-time limit of the whole job (none when undefined). */
  limitMs?: number;
  /** Called with the index of the target running and the fraction of it done. */
  onProgress?: (index: number, fraction: number) => void;
  /** An open file descriptor the history is written to (the caller closes it after the outcome). */
  historyFd?: number;
}

interface Run extends RunOptions {
  id: number;
  key: string;
  job: SimulationJob;
  flag: SharedArrayBuffer;
  resolve: (o: Outcome) => void;
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

  run(key: string, job: SimulationJob, options: RunOptions = {}): RunHandle {
    for (const r of [this.current, ...this.queue]) if (r?.key === key) this.cancelRun(r);
    let resolve!: (o: Outcome) => void;
    const outcome = new Promise<Outcome>((r) => (resolve = r));
    const run: Run = {
      ...options,
      id: this.nextId++,
      key,
      job,
      flag: new SharedArrayBuffer(4),
      resolve,
      cancelled: false,
    };
    this.queue.push(run);
    this.pump();
    return { outcome, cancel: () => this.cancelRun(run) };
  }

  /** Whether a run is in the worker now (for tests and logs). */
  get busy(): boolean {
    return this.current !== undefined;
  }

  dispose(): void {
    const why = 'the simulation host is shutting down';
    for (const r of this.queue) r.resolve(failedOutcome(r.job, why));
    this.queue = [];
    if (this.current) this.current.resolve(failedOutcome(this.current.job, why));
    this.current = undefined;
    this.kill();
  }

  private cancelRun(r: Run): void {
    if (r.cancelled) return;
    r.cancelled = true;
    const queued = this.queue.indexOf(r);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      r.resolve({ runs: [], failed: [], skipped: r.job.targets, stopped: 'cancelled' });
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
    if (run.limitMs !== undefined) {
      this.arm(run.limitMs + this.graceMs, `gave no answer within its ${run.limitMs / 1000} s limit`);
    }
    const { id, job, flag, limitMs, historyFd } = run;
    const message: WorkerRun = { id, job, flag, limitMs, historyFd };
    worker.postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Loaded when a simulation first runs: a `check` never needs worker threads (nor pays for loading them).
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new threads.Worker(this.workerPath);
    worker.on('message', (m: WorkerMessage) => {
      const run = this.current;
      if (!run || m.id !== run.id) return;
      if (m.kind === 'progress') run.onProgress?.(m.index, m.fraction);
      else this.finish(run, m.outcome);
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
    if (this.current) this.finish(this.current, failedOutcome(this.current.job, why));
  }

  private finish(run: Run, outcome: Outcome): void {
    if (this.current !== run) return;
    clearTimeout(this.watchdog);
    this.current = undefined;
    run.resolve(outcome);
    this.pump();
  }

  private arm(ms: number, why: string): void {
    clearTimeout(this.watchdog);
    const run = this.current;
    this.watchdog = setTimeout(() => {
      if (!run || this.current !== run) return;
      this.log(`simulation ${run.key} ${why}: stopping the worker`);
      this.kill();
      this.finish(run, failedOutcome(run.job, `the simulation ${why}; it was stopped`));
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
