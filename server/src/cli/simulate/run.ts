// Runs a plan of simulations one after another, synchronously, in whatever thread calls it (the CLI's
// worker, or inline): a stop request ends the current run early (its results cover what ran) and skips
// the rest; a run that cannot start is recorded as failed. History lines go to one file descriptor.
import { analyze } from '../../core/pipeline';
import { defaults, simulate, type SimulationResult } from '../../core/simulate/index';
import { scenarioOf } from '../../core/simulate/target';
import { LineWriter } from '../output/line-writer';
import type { RunOptions, RunSpec } from './plan';

export interface SimulationJob extends RunOptions {
  files: { uri: string; text: string }[];
  runs: RunSpec[];
  /** An open file descriptor the Jepsen-style history is written to (the caller closes it). */
  historyFd?: number;
}

export interface FailedRun {
  /** The data type (default run) or scenario that could not be simulated. */
  data?: string;
  scenario?: string;
  error: string;
}

export interface Outcome {
  runs: SimulationResult[];
  failed: FailedRun[];
  /** Runs never started because a stop was requested. */
  skipped: RunSpec[];
  stopped: boolean;
}

export interface RunHooks {
  /** Called every few thousand events with the run's index and the fraction of it done. */
  onProgress?: (index: number, fraction: number) => void;
  shouldStop?: () => boolean;
}

export function runPlan(job: SimulationJob, hooks: RunHooks = {}): Outcome {
  const { model } = analyze(job.files);
  const writer = job.historyFd === undefined ? undefined : new LineWriter(job.historyFd);
  const out: Outcome = { runs: [], failed: [], skipped: [], stopped: false };
  try {
    job.runs.forEach((run, i) => {
      if (out.stopped || hooks.shouldStop?.()) {
        out.stopped = true;
        out.skipped.push(run);
        return;
      }
      const onProgress = hooks.onProgress && ((f: number) => hooks.onProgress!(i, f));
      onProgress?.(0);
      try {
        const sc = scenarioOf(model, { target: run, seed: job.seed, defaultSeed: 1, ops: job.ops ?? defaults.defaultOps });
        if ('error' in sc) throw new Error(sc.error);
        const result = simulate(model, sc, { onProgress, shouldStop: hooks.shouldStop, onHistory: writer?.line });
        out.runs.push(result);
        if (result.stopped === 'cancelled') out.stopped = true;
      } catch (e) {
        out.failed.push({ [run.kind]: run.name, error: e instanceof Error ? e.message : String(e) });
      }
    });
  } finally {
    writer?.flush();
  }
  return out;
}
