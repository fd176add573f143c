// One simulation job, the same for the editor and the command line: the texts an analysis sees, its
// options, the targets to run one after another, and the seed and operation knobs. `runJob` runs it
// synchronously in whatever thread calls it (the host's worker, or inline in a test): a stop ends the
// current run early (its results cover what ran) and skips the rest; a run that cannot start is recorded as
// failed, and the others still run.
import { analyze, type AnalyzeOptions, type SourceFile } from '../core/pipeline';
import { simulate, type SimulationResult } from '../core/simulate/index';
import { scenarioOf, type SimulationTarget } from '../core/simulate/target';
import { runRefusal } from './simulation-limits';

/** Why runs ended before their scenarios did: the user cancelled, or the wall-time limit passed. */
export type SimulationStop = 'cancelled' | 'time-limit';

export interface SimulationJob {
  /** The files the analysis sees; the first is the one whose targets run. */
  files: SourceFile[];
  options: AnalyzeOptions;
  targets: SimulationTarget[];
  /** An explicit seed; else a scenario's own, else `defaultSeed`. */
  seed?: number;
  defaultSeed: number;
  /** Operations a data type's default scenario aims for. */
  ops: number;
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
  /** Targets never started because the job was stopped. */
  skipped: SimulationTarget[];
  stopped?: SimulationStop;
}

export interface RunHooks {
  /** Called every `checkEvery` events with the run's index and the fraction of it done. */
  onProgress?: (index: number, fraction: number) => void;
  /** Why to stop now, if the job must stop (read every `checkEvery` events, and between runs). */
  stop?: () => SimulationStop | undefined;
  /** Each line of the Jepsen-style history, in order. */
  onHistory?: (line: string) => void;
  checkEvery?: number;
}

export function runJob(job: SimulationJob, hooks: RunHooks = {}): Outcome {
  const out: Outcome = { runs: [], failed: [], skipped: [] };
  const stopNow = () => {
    const why = out.stopped ?? hooks.stop?.();
    if (why) out.stopped = why;
    return why !== undefined;
  };
  let model;
  try {
    model = analyze(job.files, job.options).model;
  } catch (e) {
    return failedOutcome(job, messageOf(e));
  }
  job.targets.forEach((target, i) => {
    if (stopNow()) return void out.skipped.push(target);
    const onProgress = hooks.onProgress && ((f: number) => hooks.onProgress!(i, f));
    onProgress?.(0);
    try {
      const sc = scenarioOf(model, { target, seed: job.seed, defaultSeed: job.defaultSeed, ops: job.ops });
      if ('error' in sc) throw new Error(sc.error);
      const refused = runRefusal(model, sc);
      if (refused) throw new Error(refused);
      const options = { onProgress, shouldStop: stopNow, onHistory: hooks.onHistory, checkEvery: hooks.checkEvery };
      out.runs.push(simulate(model, sc, options));
    } catch (e) {
      out.failed.push({ [target.kind]: target.name, error: messageOf(e) });
    }
  });
  return out;
}

/** The outcome of a job none of whose targets could run (or finish). */
export function failedOutcome(job: SimulationJob, error: string): Outcome {
  return { runs: [], failed: job.targets.map((t) => ({ [t.kind]: t.name, error })), skipped: [] };
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
