// `consistency.simulate` (the ▶ Simulate CodeLens; arguments: document URI, 'data' | 'scenario', name, and an
// optional seed): sends consistency/simulate with a work-done token, shows its percentages in a cancellable
// notification, then the results panel and a one-line summary (status bar; a notification if it did not finish).
// The panel's Re-run and Change seed come back here.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { simulateRequest, type SimulateParams, type SimulateResponse } from '../../server/src/lsp/protocol';
import { label, SimulationPanels } from './simulation-panel';

export class Simulations {
  private readonly panels: SimulationPanels;
  /** The latest run of each target: an older one's answer (cancelled by the server) is not shown over it. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly client: LanguageClient,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.panels = new SimulationPanels(extensionUri, (params, action) => void this.again(params, action));
  }

  /** The command: returns the response (undefined when nothing ran), for callers and tests. */
  async command(
    uriArg: unknown,
    kindArg: unknown,
    nameArg: unknown,
    seedArg?: unknown,
  ): Promise<SimulateResponse | undefined> {
    const uri = uriArg instanceof vscode.Uri ? uriArg.toString() : typeof uriArg === 'string' ? uriArg : undefined;
    if (!uri || (kindArg !== 'data' && kindArg !== 'scenario') || typeof nameArg !== 'string') {
      void vscode.window.showWarningMessage(
        'Consistency: ▶ Simulate needs a document, "data" or "scenario", and a name (use the CodeLens).',
      );
      return undefined;
    }
    const seed = typeof seedArg === 'number' && Number.isInteger(seedArg) ? seedArg : undefined;
    return this.run({ uri, target: { kind: kindArg, name: nameArg }, ...(seed !== undefined ? { seed } : {}) });
  }

  async run(params: SimulateParams): Promise<SimulateResponse | undefined> {
    const { name } = params.target;
    const key = `${params.uri}#${params.target.kind}:${name}`;
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.panels.running(params);
    const response = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Simulating ${label(params.target)}`,
        cancellable: true,
      },
      async (progress, token) => {
        const workDoneToken = randomUUID();
        let done = 0;
        const listening = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
          const pct = (v as WorkDoneProgressReport).percentage;
          if (v.kind !== 'report' || pct === undefined || pct <= done) return;
          progress.report({ increment: pct - done, message: `${pct}%` });
          done = pct;
        });
        try {
          return await this.client.sendRequest(simulateRequest, { ...params, workDoneToken }, token);
        } catch (e) {
          this.log.error(`simulate ${name}: ${e instanceof Error ? e.message : String(e)}`);
          return {
            uri: params.uri,
            target: params.target,
            error: e instanceof Error ? e.message : String(e),
            summary: 'failed',
          } satisfies SimulateResponse;
        } finally {
          listening.dispose();
        }
      },
    );
    if (!response) return undefined;
    this.log.info(`simulate ${label(params.target)}: ${response.summary}`);
    if (this.generations.get(key) !== generation) return response; // superseded by a newer run of the same target
    this.panels.show(params, response);
    // The summary also shows in the CodeLens title; a notification only when the run did not finish.
    if (response.error && !response.stopped)
      void vscode.window.showErrorMessage(`Consistency: cannot simulate ${label(params.target)}: ${response.error}`);
    else if (response.stopped)
      void vscode.window.showWarningMessage(`Simulation of ${label(params.target)}: ${response.summary}`);
    else vscode.window.setStatusBarMessage(`Simulation of ${label(params.target)}: ${response.summary}`, 15_000);
    return response;
  }

  /** Re-run (the same seed) or Change seed (asked for, the next one suggested) from a results panel. */
  private async again(params: SimulateParams, action: 'rerun' | 'changeSeed'): Promise<void> {
    if (action === 'rerun') {
      await this.run(params);
      return;
    }
    const current = this.panels.seedOf(params) ?? params.seed ?? 0;
    const next = String((current + 1) % 2 ** 32);
    const typed = await vscode.window.showInputBox({
      title: `Simulate ${label(params.target)} with another seed`,
      prompt: 'A whole number from 0 to 4294967295: the same seed always gives the same results.',
      value: next,
      validateInput: (v) =>
        /^\d+$/.test(v.trim()) && Number(v) <= 2 ** 32 - 1 ? undefined : 'a whole number from 0 to 4294967295',
    });
    if (typed === undefined) return;
    await this.run({ ...params, seed: Number(typed.trim()) });
  }

  dispose(): void {
    this.panels.dispose();
  }
}
