// `consistency simulate <file> [--scenario name]… [--data name]… [--seed n] [--ops n] [--json] [--history f]`:
// runs declared scenarios and data types' default scenarios (in a worker thread, so Ctrl-C stops them and
// the partial results are printed, exit 130), prints a table per data type or JSON, can write the
// Jepsen-style history. Exit 1 when a run failed or a level showed what it promises never to show.
import { closeSync, existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { analyze } from '../../core/pipeline';
import type { SimulationResult } from '../../core/simulate/index';
import type { CliContext } from '../context';
import { readFiles, readImport, UsageError } from '../files';
import { pathsAsGiven, refuseNonPolicies } from '../inputs';
import { outputWidth } from '../output/columns';
import { countSeverities, plural } from '../output/locate';
import { formatSimulation, progressClear, progressFrame, type SimulateReport } from '../output/simulate-table';
import { wantsColor } from '../output/style';
import { planRuns, type RunSpec } from '../simulate/plan';
import { defaults } from '../../core/simulate/index';
import { SimulationRunner, type RunOptions } from '../../host/simulation-runner';
import { failedOutcome, type FailedRun, type Outcome, type SimulationJob } from '../../service/simulation-run';
import { runInWorker } from '../../host/simulation-loop';
import { openWriteTarget } from '../write-target';

/** How a history file this command wrote begins (its first header line). */
const HISTORY_SIGNATURE = '{"type":"header","format":"consistency-history/';

export interface SimulateArgs {
  file: string;
  /** Data types whose default scenario runs, by name. */
  data: string[];
  /** Declared scenarios to run, by name. With neither named: every scenario, then every data type. */
  scenarios: string[];
  /** Overrides every run's seed when given. */
  seed?: number;
  /** Operations each default scenario aims for (undefined: the simulator's default). */
  ops?: number;
  json: boolean;
  /** Where to write the JSONL history. */
  history?: string;
  /** Read a file whose name does not end in .consistency as a policy; write --history outside the directory. */
  force?: boolean;
  /** Wall-time limit of the whole simulation (default DEFAULT_TIME_LIMIT_MS); `--time-limit` as given, for messages. */
  timeLimitMs?: number;
  timeLimitText?: string;
}

/** Wall-time limit of a `simulate` command unless --time-limit says otherwise: 10 minutes. */
export const DEFAULT_TIME_LIMIT_MS = 10 * 60_000;

/** Exit code after Ctrl-C stopped the runs (128 + SIGINT). */
export const INTERRUPTED = 130;

export function runSimulate(args: SimulateArgs, ctx: CliContext): number | Promise<number> {
  const input = resolve(ctx.cwd, args.file);
  if (!existsSync(input)) throw new UsageError(`no such file: ${args.file}`);
  refuseNonPolicies([args.file], ctx.cwd, args.force === true);
  if (statSync(input).isDirectory())
    throw new UsageError(`simulate takes one policy file; ${args.file} is a directory`);
  const [file] = readFiles([input]);
  const analysis = analyze([{ uri: file.uri, text: file.text }], { load: readImport });
  // The file first (its scope is the analysis's model wherever it is analysed again), then what it imports.
  const seen = analysis.units.get(file.uri)?.documents ?? [file.uri];
  const files = [...seen].reverse().map((uri) => ({ uri, text: analysis.documents.get(uri)!.text }));
  const runs = planRuns(analysis.model, { data: args.data, scenarios: args.scenarios }, args.file);

  const errors = countSeverities(analysis.diagnostics).error;
  const shownFile = pathsAsGiven([args.file], ctx.cwd)(file.uri);
  if (errors > 0) {
    const see = `see \`consistency check ${shownFile}\``;
    ctx.err(
      `consistency: ${plural(errors, 'error')} in ${shownFile}: the ` +
        `results may not mean much until they are fixed (${see}).\n`,
    );
  }
  if (runs.length === 0) {
    ctx.err(`consistency: ${shownFile} declares no data types or scenarios: nothing to simulate.\n`);
    return 1;
  }

  // The history follows export's rules for where it may write (write-target.ts).
  const historyFd =
    args.history === undefined
      ? undefined
      : openWriteTarget({
          option: `--history ${args.history}`,
          path: resolve(ctx.cwd, args.history),
          absolute: isAbsolute(args.history),
          force: args.force === true,
          cwd: ctx.cwd,
          signature: HISTORY_SIGNATURE,
        });
  const knobs = { seed: args.seed, defaultSeed: 1, ops: args.ops ?? defaults.defaultOps };
  const job: SimulationJob = { files, options: {}, targets: runs, ...knobs };
  const progress = ctx.stderrIsTTY === true && !args.json && runs.length > 0;
  const label = (i: number) => `${runs[i].name}${runs[i].kind === 'scenario' ? ' (scenario)' : ''}`;
  let shown = '';
  const onProgress = progress
    ? (i: number, f: number) => {
        const frame = progressFrame((i + f) / runs.length, label(i));
        if (frame !== shown) ctx.err((shown = frame));
      }
    : undefined;
  const finish = (outcome: Outcome) => {
    if (progress) ctx.err(progressClear);
    if (historyFd !== undefined) closeSync(historyFd);
    return Math.max(report(outcome, args, shownFile, ctx), errors > 0 ? 1 : 0);
  };
  const limitMs = args.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  if (ctx.simulationWorker === undefined) return finish(runInline(job, historyFd, limitMs, onProgress));
  const stopping =
    `${progress ? progressClear : '\n'}consistency: stopping; ` +
    `the results so far follow (Ctrl-C again to quit at once)\n`;
  const options = { historyFd, onProgress, limitMs };
  return runInHost(ctx.simulationWorker, job, options, () => ctx.err(stopping)).then(finish, (e: unknown) => {
    if (historyFd !== undefined) closeSync(historyFd);
    throw e;
  });
}

/** Without the worker thread (from source, in tests): the host's own loop in this thread, where Ctrl-C cannot
 *  stop it gracefully. */
function runInline(
  job: SimulationJob,
  historyFd: number | undefined,
  limitMs: number,
  onProgress?: (i: number, f: number) => void,
): Outcome {
  let outcome = failedOutcome(job, 'the simulation host gave no outcome');
  const flag = new SharedArrayBuffer(4);
  runInWorker({ id: 0, job, flag, limitMs, historyFd }, (m) => {
    if (m.kind === 'progress') onProgress?.(m.index, m.fraction);
    else outcome = m.outcome;
  });
  return outcome;
}

/** In the simulation host's worker thread, so the main thread sees Ctrl-C: the first one stops the runs (the
 *  results so far are kept), a second one exits at once with 130. */
async function runInHost(
  script: string,
  job: SimulationJob,
  options: RunOptions,
  onInterrupt: () => void,
): Promise<Outcome> {
  const runner = new SimulationRunner(script, (m) => void process.stderr.write(`consistency: ${m}\n`));
  const run = runner.run('cli', job, options);
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(INTERRUPTED);
    interrupted = true;
    run.cancel();
    onInterrupt();
  };
  process.on('SIGINT', onSigint);
  try {
    return await run.outcome;
  } finally {
    process.off('SIGINT', onSigint);
    runner.dispose();
  }
}

function report(outcome: Outcome, args: SimulateArgs, path: string, ctx: CliContext): number {
  const truncated = outcome.runs.filter((r) => r.history.truncated).map((r) => r.scenario.name);
  if (args.history !== undefined && truncated.length)
    ctx.err(`consistency: note: the history of ${truncated.join(', ')} was cut at the line limit.\n`);
  const limit = args.timeLimitText ?? `${DEFAULT_TIME_LIMIT_MS / 60_000}m`;
  const stoppedBy = outcome.stopped === 'time-limit' ? `the time limit (--time-limit ${limit})` : undefined;
  const { runs, failed, skipped } = outcome;
  const rep: SimulateReport = { runs, failed, skipped, seed: args.seed, stoppedBy };
  if (args.json) ctx.out(JSON.stringify(simulateDocument(outcome, args, path, ctx), null, 2) + '\n');
  else {
    const width = outputWidth(ctx.env, ctx.stdoutColumns);
    ctx.out(formatSimulation(rep, { color: wantsColor(ctx.stdoutIsTTY, ctx.env), width, file: path }));
  }
  if (outcome.stopped === 'time-limit') {
    ctx.err(`consistency: stopped by ${stoppedBy} of wall time; the results cover what ran (exit 1).\n`);
    return 1;
  }
  if (outcome.stopped) return INTERRUPTED;
  const broken = outcome.runs.some((r) => r.data.some((d) => d.violated.length > 0));
  return outcome.failed.length > 0 || broken ? 1 : 0;
}

export interface JsonSimulateDocument {
  schema: 'consistency-simulate/2';
  tool: { name: string; version: string };
  file: string;
  /** The --seed given; null when each run used its own (a scenario's `seed`, or 1). */
  seed: number | null;
  ops: number | null;
  runs: SimulationResult[];
  failed: FailedRun[];
  /** Present when Ctrl-C stopped the runs: the runs never started. */
  stopped?: { skipped: RunSpec[] };
}

/** The `--json` document: nothing in it depends on the wall clock, so the same seed gives the same bytes. */
function simulateDocument(outcome: Outcome, args: SimulateArgs, path: string, ctx: CliContext): JsonSimulateDocument {
  return {
    schema: 'consistency-simulate/2',
    tool: { name: ctx.tool.name, version: ctx.tool.version },
    file: path,
    seed: args.seed ?? null,
    ops: args.ops ?? null,
    runs: outcome.runs,
    failed: outcome.failed,
    ...(outcome.stopped ? { stopped: { skipped: outcome.skipped } } : {}),
  };
}
