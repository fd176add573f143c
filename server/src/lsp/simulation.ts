// `consistency/simulate`: maps the request onto the worker-thread runner, with LSP work-done progress (the
// client's workDoneToken, else one the server asks for without waiting on the answer) and cancellation (the
// request's token, even one cancelled before the request was dispatched, or the progress's cancel) that
// reaches the running loop; remembers each target's last summary for the CodeLens.
import { join } from 'node:path';
import {
  CancellationToken,
  CodeLensRefreshRequest,
  ErrorCodes,
  ResponseError,
  type Connection,
  type WorkDoneProgressParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { SimulationRunner } from '../host/simulation-runner';
import { answerOf, readParams, responseOf, runKey, simulationJob, type SimulateResponse } from '../service/simulation';
import type { Snapshot } from '../service/snapshot';
import { simulateRequest } from './protocol';
import { analyzeOptions, type Settings } from './settings';

export interface SimulationDeps {
  snapshot: () => Snapshot;
  settings: () => Settings;
  log: (message: string) => void;
  /** Whether the client refreshes CodeLenses when asked (workspace.codeLens.refreshSupport). */
  canRefreshLenses: () => boolean;
}

export interface SimulationService {
  /** The summary of each target's last run, by runKey. */
  lastRuns: ReadonlyMap<string, string>;
  dispose(): void;
}

/** The worker bundle sits beside the server bundle (out/simulation-worker.cjs); the server always runs bundled. */
const workerPath = join(__dirname, 'simulation-worker.cjs');

export function registerSimulation(connection: Connection, deps: SimulationDeps): SimulationService {
  const runner = new SimulationRunner(workerPath, deps.log);
  const lastRuns = new Map<string, string>();

  const handle = async (raw: unknown, token: CancellationToken): Promise<SimulateResponse | ResponseError<void>> => {
    const workDoneToken = (raw as WorkDoneProgressParams | undefined)?.workDoneToken;
    const p = readParams(raw);
    if ('error' in p) return new ResponseError(ErrorCodes.InvalidParams, p.error);
    const settings = deps.settings();
    const knobs = { seed: settings.simulation.seed, ops: settings.simulation.operations };
    const job = simulationJob(deps.snapshot(), p, analyzeOptions(settings), knobs);
    if ('error' in job) return responseOf(p, job);
    const what = `${p.target.kind === 'data' ? 'data type' : 'scenario'} ${p.target.name}`;
    // A cancel that came with the request (the token may arrive already cancelled): nothing runs.
    const notStarted = { error: 'cancelled before it started', stopped: 'cancelled' as const };
    if (token.isCancellationRequested) return responseOf(p, notStarted);
    const title = `Simulating ${what}`;
    let progress: WorkDoneProgressReporter | undefined;
    if (workDoneToken !== undefined) {
      progress = connection.window.attachWorkDoneProgress(workDoneToken);
      progress.begin(title, 0, undefined, true);
    }
    const key = runKey(p.uri, p.target);
    const onProgress = (_: number, f: number) => progress?.report(Math.floor(f * 100), `${Math.floor(f * 100)}%`);
    const run = runner.run(key, job, { limitMs: settings.simulation.timeLimitSeconds * 1000, onProgress });
    const cancels = [token.onCancellationRequested(() => run.cancel())];
    // The token's event fires only for a cancel that comes after it is listened to: check for one before.
    if (token.isCancellationRequested) run.cancel();
    let finished = false;
    if (workDoneToken === undefined) {
      // No token from the client: ask it for one, without waiting — a client that never answers
      // window/workDoneProgress/create delays nothing; the run only goes without progress.
      connection.window.createWorkDoneProgress().then(
        (created) => {
          if (finished) return void created.done();
          progress = created;
          created.begin(title, 0, undefined, true);
          cancels.push(created.token.onCancellationRequested(() => run.cancel()));
        },
        () => undefined,
      );
    }
    let response: SimulateResponse;
    try {
      response = responseOf(p, answerOf(await run.outcome));
    } finally {
      finished = true;
      cancels.forEach((c) => c.dispose());
      progress?.done();
    }
    deps.log(`simulate ${what}: ${response.summary}`);
    // A run stopped before it had any result leaves the lens on the previous run's summary.
    if (!(response.error && response.stopped)) {
      lastRuns.set(key, response.summary);
      if (deps.canRefreshLenses())
        void connection.sendRequest(CodeLensRefreshRequest.type).catch((e) => deps.log(`codeLens/refresh: ${e}`));
    }
    return response;
  };

  connection.onRequest(simulateRequest, (raw, token) =>
    handle(raw, token).catch((e) => {
      deps.log(`simulate failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return null;
    }),
  );
  return { lastRuns, dispose: () => runner.dispose() };
}
