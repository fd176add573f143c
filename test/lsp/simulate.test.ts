// consistency/simulate over a real stdio connection to the built server (out/server.cjs with its worker,
// out/simulation-worker.cjs, copied beside it as an install would be): the core's exact results for the same
// seed, work-done progress (the client's token or one the server creates), the CodeLens summary and refresh,
// typing during a run, cancellation, a new run superseding the old one, the time limit, bad parameters.
import { bundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { CodeLens } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/pipeline';
import { defaultScenario, scenarioFor, simulate } from '../../server/src/core/simulate/index';
import { simulateRequest } from '../../server/src/lsp/protocol';
import type { SimulateParams, SimulateResponse } from '../../server/src/service/simulation';
import { TestClient } from './client';

const POLICY = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 45ms
}
data acct { topology india consistency strong replication sync conflict abort workload 1000/s reads 90% }
scenario outage {
  data acct
  duration 2s
  fault partition mumbai | delhi at 500ms for 1s
  seed 7
}
`;
/** Enough operations to run far longer than any test waits (the run is always stopped). */
const LONG = 200_000_000;

type Progress = {
  token: string | number;
  value: { kind: string; percentage?: number; title?: string; cancellable?: boolean };
};

function start(
  dir: string,
  init: Record<string, unknown> = {},
): { client: TestClient; progress: Progress[]; refreshes: number[]; initialized: Promise<void> } {
  const client = TestClient.start(join(dir, 'server.cjs'), dir);
  client.settings = { validation: { delay: 10 }, ...init };
  const progress: Progress[] = [];
  const refreshes: number[] = [];
  client.connection.onNotification('$/progress', (p: Progress) => void progress.push(p));
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onRequest('workspace/codeLens/refresh', () => void refreshes.push(Date.now()));
  const initialized = client
    .request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      initializationOptions: { consistency: init },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, codeLens: { refreshSupport: true } },
      },
    })
    .then(() => client.notify('initialized', {}));
  return { client, progress, refreshes, initialized };
}

const until = async (what: string, condition: () => boolean) => {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(condition(), `timed out waiting until ${what}`);
};

describe('consistency/simulate over stdio', { timeout: 120_000 }, () => {
  let dir: string;
  let uri: string;
  let s: ReturnType<typeof start>;
  let lastDataSummary = '';
  const model = analyze([{ uri: 'file:///x.consistency', text: POLICY }]).model;
  const simulateReq = (
    params: Omit<SimulateParams, 'uri'> & WorkDoneProgressParams,
    cancel?: CancellationTokenSource,
  ) => s.client.connection.sendRequest(simulateRequest, { uri, ...params }, cancel?.token) as Promise<SimulateResponse>;
  const reports = (token: string | number) => s.progress.filter((p) => p.token === token);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consistency-simulate-lsp-'));
    copyFileSync(bundle('server'), join(dir, 'server.cjs'));
    copyFileSync(bundle('simulation-worker'), join(dir, 'simulation-worker.cjs'));
    writeFileSync(join(dir, 'p.consistency'), POLICY);
    uri = pathToFileURL(join(dir, 'p.consistency')).href;
    s = start(dir);
    await s.initialized;
    await s.client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'consistency', version: 1, text: POLICY },
    });
    await s.client.diagnostics(uri, (p) => p.version === 1);
  });

  after(() => {
    s?.client.process.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("a data type's run: exactly the core's result for the same seed, with progress on the client's token", async () => {
    const r = await simulateReq({ target: { kind: 'data', name: 'acct' }, seed: 42, ops: 3000, workDoneToken: 'w1' });
    const expected = simulate(model, defaultScenario(model, model.data.get('acct')!, { seed: 42, ops: 3000 }));
    assert.equal(JSON.stringify(r.result), JSON.stringify(expected));
    assert.equal(r.stopped, undefined);
    lastDataSummary = r.summary;
    const p = reports('w1').map((x) => x.value);
    assert.deepEqual(p[0], { kind: 'begin', title: 'Simulating data type acct', percentage: 0, cancellable: true });
    assert.deepEqual(p.at(-1), { kind: 'end' });
    const pcts = p.slice(1, -1).map((x) => x.percentage!);
    assert.ok(pcts.length >= 2 && pcts.at(-1) === 100, JSON.stringify(pcts));
    assert.deepEqual(
      pcts,
      [...pcts].sort((a, b) => a - b),
    );
  });

  test('a scenario runs with its own seed; without a token the server creates one; the CodeLens shows the summary', async () => {
    const before = s.progress.length;
    const refreshed = s.refreshes.length;
    const r = await simulateReq({ target: { kind: 'scenario', name: 'outage' } });
    assert.equal(
      JSON.stringify(r.result),
      JSON.stringify(simulate(model, scenarioFor(model.scenarios.get('outage')!, { seed: 7 }))),
    );
    assert.equal(r.result!.scenario.seed, 7);
    const created = s.progress.slice(before);
    assert.equal(created[0].value.kind, 'begin');
    assert.ok(created.every((x) => x.token === created[0].token) && created.at(-1)!.value.kind === 'end');
    await until('the server asks for a CodeLens refresh', () => s.refreshes.length > refreshed);
    const lenses = await s.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses
        .filter((l) => l.command?.command === 'consistency.simulate')
        .map((l) => [l.command!.arguments, l.command!.title]),
      [
        [[uri, 'data', 'acct'], `▶ Simulate · last run: ${lastDataSummary}`],
        [[uri, 'scenario', 'outage'], `▶ Simulate · last run: ${r.summary}`],
      ],
    );
    assert.match(r.summary, /^write p99 [\d.]+ ms, 0 anomalies, [\d.]+% available \(seed 7\)$/);
  });

  test('typing during a long run still gets diagnostics; cancelling stops it with the results so far', async () => {
    const cancel = new CancellationTokenSource();
    let settled = false;
    const run = simulateReq(
      { target: { kind: 'data', name: 'acct' }, ops: LONG, workDoneToken: 'long' },
      cancel,
    ).finally(() => (settled = true));
    await until('the long run reports progress', () => reports('long').some((p) => p.value.kind === 'report'));
    const since = s.client.published.length;
    await s.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { text: POLICY.replace('conflict abort', 'conflict abort category payments conflict last_writer_wins') },
      ],
    });
    const diagnostics = await s.client.diagnostics(uri, (p) => p.version === 2, since);
    assert.ok(
      diagnostics.diagnostics.some((d) => d.code === 'lww-on-money'),
      JSON.stringify(diagnostics.diagnostics.map((d) => d.code)),
    );
    assert.equal(settled, false, 'the run is still going when the diagnostics arrive');
    cancel.cancel();
    const r = await run;
    assert.equal(r.stopped, 'cancelled');
    assert.equal(r.result!.stopped, 'cancelled');
    assert.ok(r.result!.simulatedMs < r.result!.scenario.durationMs);
    assert.match(r.summary, /^cancelled at [\d.]+ s simulated: write p99/);
    assert.deepEqual(reports('long').at(-1)!.value, { kind: 'end' });
    await s.client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: POLICY }],
    });
  });

  test('a new run of the same target cancels the one running; the new one completes', async () => {
    const first = simulateReq({ target: { kind: 'data', name: 'acct' }, ops: LONG, workDoneToken: 'first' });
    await until('the first run reports progress', () => reports('first').some((p) => p.value.kind === 'report'));
    const second = simulateReq({ target: { kind: 'data', name: 'acct' }, seed: 3, ops: 500 });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.stopped, 'cancelled');
    assert.equal(b.stopped, undefined);
    assert.equal(b.result!.scenario.seed, 3);
  });

  test('bad parameters are refused; an unknown target answers with an error', async () => {
    const table = { uri, target: { kind: 'table', name: 'acct' } };
    await assert.rejects(
      s.client.connection.sendRequest(simulateRequest.method, table),
      (e: ResponseError<void>) => e.code === -32602 && /needs \{ uri, target/.test(e.message),
    );
    const r = await simulateReq({ target: { kind: 'data', name: 'nope' } });
    assert.deepEqual(r, {
      uri,
      target: { kind: 'data', name: 'nope' },
      error: `no data type 'nope' in ${uri}`,
      summary: `failed: no data type 'nope' in ${uri}`,
    });
  });

  test('consistency.simulation.timeLimitSeconds stops a run that is too long', async () => {
    const limited = start(dir, { simulation: { timeLimitSeconds: 1 } });
    try {
      await limited.initialized;
      const r = await limited.client.connection.sendRequest(simulateRequest, {
        uri,
        target: { kind: 'data', name: 'acct' },
        ops: LONG,
      });
      assert.ok(r);
      assert.equal(r.stopped, 'time-limit');
      assert.equal(r.result!.stopped, 'cancelled');
      assert.match(r.summary, /^time limit at [\d.]+ s simulated: /);
    } finally {
      limited.client.process.kill();
    }
  });
});
