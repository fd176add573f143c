// The built server over stdio in a hostile workspace: a file nested 2,000 deep (never opened; it once overflowed
// the parser's stack, now the nesting limit stops it),
// a FIFO, a link to /dev/zero and a 5 MB file named *.consistency sit beside ordinary files. Every other
// file is still served (diagnostics, hovers, symbols, lenses, completion even at a fractional position),
// watcher events for the special files neither hang nor grow the server; a simulation cancelled before it
// is dispatched runs nothing and does not block the next; a client that never answers the progress
// handshake does not hang simulate. (A hang shows as this file's timeout, not as a timing assertion.)
import { bundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeLens, CompletionList, DocumentSymbol, Hover, SymbolInformation } from 'vscode-languageserver-types';
import { simulateRequest, type SimulateResponse } from '../../server/src/lsp/protocol';
import { TestClient } from './client';

const GOOD = `topology india {
  region mumbai { replicas 3 primary }
  region delhi  { replicas 2 }
  link mumbai <-> delhi 40ms
}
data cart {
  topology india
  consistency eventual
}
`;
const OTHER = `data orders {
  consistency stronk
}
`;
/** 2,000 nested \`when\` blocks: the parser's recursion once overflowed the stack on it. (The path from a
 *  crash to one internal-error is proven in-process with a failing engine: isolation.test.ts.) */
const DEEP = `data deep {\n  consistency eventual\n${'  when a {\n'.repeat(2000)}  consistency strong\n${'}\n'.repeat(2001)}`;

const hasFifo = spawnSync('mkfifo', ['--help']).status === 0;

describe('a hostile workspace over stdio', { timeout: 90_000 }, () => {
  let dir = '';
  let client: TestClient;
  const uri = (name: string) => pathToFileURL(join(dir, name)).href;
  /** Never answered: the handshake stalls. */
  const stalled = new Promise<never>(() => {});

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consistency-hostile-'));
    copyFileSync(bundle('server'), join(dir, 'server.cjs'));
    copyFileSync(bundle('simulation-worker'), join(dir, 'simulation-worker.cjs'));
    writeFileSync(join(dir, 'good.consistency'), GOOD);
    writeFileSync(join(dir, 'other.consistency'), OTHER);
    writeFileSync(join(dir, 'deep.consistency'), DEEP);
    writeFileSync(join(dir, 'huge.consistency'), `// ${'x'.repeat(5 * 1024 * 1024)}\n`);
    symlinkSync('/dev/zero', join(dir, 'zero.consistency'));
    if (hasFifo) spawnSync('mkfifo', [join(dir, 'pipe.consistency')]);
    client = TestClient.start(join(dir, 'server.cjs'), dir);
    client.settings = { validation: { delay: 10 }, simulation: { timeLimitSeconds: 3600 } };
    client.connection.onRequest('window/workDoneProgress/create', () => stalled);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
    await client.notify('initialized', {});
  });

  after(() => {
    client?.process.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the file nested too deep gets its limit, no crash; the others keep their diagnostics', async () => {
    const deep = await client.diagnostics(uri('deep.consistency'));
    const codes = deep.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('limit-exceeded') && !codes.includes('internal-error'), JSON.stringify(codes));
    const other = await client.diagnostics(uri('other.consistency'));
    assert.deepEqual(
      other.diagnostics.map((d) => d.code),
      ['unknown-level'],
    );
    const good = await client.diagnostics(uri('good.consistency'));
    assert.deepEqual(good.diagnostics, []);
    for (const special of ['huge', 'zero', 'pipe']) {
      assert.ok(!client.published.some((p) => p.uri === uri(`${special}.consistency`)), `${special} is never analysed`);
    }
    const refused = client.logs.filter((l) => /^not reading /.test(l)).join('\n');
    assert.match(refused, /huge\.consistency: it is 5 MB, over the 4 MB limit/);
    assert.match(refused, /zero\.consistency: it is a symbolic link to a character device/);
    if (hasFifo) assert.match(refused, /pipe\.consistency: it is a FIFO/);
  });

  test('hovers, symbols, lenses and completion (at a fractional position too) on the other files', async () => {
    const good = uri('good.consistency');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: good, languageId: 'consistency', version: 1, text: GOOD },
    });
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: good },
      position: { line: 5, character: 6 },
    });
    assert.match(JSON.stringify(hover), /cart/);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: good },
    });
    assert.deepEqual(
      symbols.map((x) => x.name),
      ['india', 'cart'],
    );
    const everywhere = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'orders' });
    assert.deepEqual(
      everywhere.map((x) => x.location.uri),
      [uri('other.consistency')],
    );
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: good } });
    assert.ok(lenses.length > 0);
    const completion = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: good },
      position: { line: 7.5, character: 16.25 },
    });
    assert.ok(completion.items.length > 0);
    assert.doesNotMatch(JSON.stringify(completion), /null/);
  });

  test('watcher events for the FIFO, the /dev/zero link and the huge file are refused; the server answers after', async () => {
    const changes = ['zero', 'huge', ...(hasFifo ? ['pipe'] : [])].map((n) => ({
      uri: uri(`${n}.consistency`),
      type: 2,
    }));
    await client.notify('workspace/didChangeWatchedFiles', { changes });
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri('good.consistency') },
      position: { line: 5, character: 6 },
    });
    assert.match(JSON.stringify(hover), /cart/);
  });

  test('a simulation cancelled before dispatch runs nothing, and the next one runs', async () => {
    const cancel = new CancellationTokenSource();
    const target = { kind: 'data' as const, name: 'cart' };
    const long = client.connection.sendRequest(
      simulateRequest,
      { uri: uri('good.consistency'), target, ops: 500_000_000 },
      cancel.token,
    );
    cancel.cancel(); // $/cancelRequest right behind the request
    const r = (await long) as SimulateResponse;
    assert.equal(r.stopped, 'cancelled');
    assert.equal(r.result, undefined, 'nothing ran');
    const next = (await client.send(simulateRequest, {
      uri: uri('good.consistency'),
      target,
      ops: 300,
      workDoneToken: 'w',
    })) as SimulateResponse;
    assert.equal(next.stopped, undefined);
    assert.ok(next.result);
  });

  test('a client that never answers window/workDoneProgress/create: simulate still answers', async () => {
    const r = (await client.send(simulateRequest, {
      uri: uri('good.consistency'),
      target: { kind: 'data', name: 'cart' },
      ops: 300,
    })) as SimulateResponse;
    assert.ok(r.result, JSON.stringify(r));
    assert.match(r.summary, /^write p99/);
  });
});
