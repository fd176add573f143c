// The built server (out/server.cjs) over a real stdio JSON-RPC connection: initialize, diagnostics on open
// and change (for that version), hover, completion, definition, rename, formatting, a quick fix applied and
// re-checked, CodeLens, settings, cross-file updates, bad requests, shutdown and exit.
import { bundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Hover,
  Location,
  MarkupContent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { exportTypeScript } from '../../server/src/core/export/typescript';
import { analyze } from '../../server/src/core/pipeline';
import { builtinTextRequest, exportTypeScriptRequest } from '../../server/src/lsp/protocol';
import { codeLenses } from '../../server/src/service/code-lens';
import { createSnapshot } from '../../server/src/service/snapshot';
import { applyEdits } from '../service/helpers';
import { TestClient } from './client';

const shared = `topology paytm {
  region mumbai    { replicas 3 primary }
  region delhi     { replicas 2 }
  region bangalore { replicas 2 }
  link mumbai <-> delhi     45ms
  link mumbai <-> bangalore 35ms
}
tier team.core {
  consistency strong
}
`;
// The import comes last so the data type's lines keep their numbers in the assertions below.
const wallet = `data wallet {
  topology paytm
  tier team.core
  category payments
  consistency eventual
  conflict last_writer_wins
}
import "shared.consistency"
`;

describe('language server over stdio', { timeout: 60_000 }, () => {
  let dir: string;
  let client: TestClient;
  let sharedUri: string;
  let walletUri: string;
  let text = wallet;
  let version = 1;
  const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);
  const change = (next: string) => {
    text = next;
    version++;
    return client.notify('textDocument/didChange', {
      textDocument: { uri: walletUri, version },
      contentChanges: [{ text }],
    });
  };
  const at = (line: number, character: number) => ({ textDocument: { uri: walletUri }, position: { line, character } });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'consistency-lsp-'));
    copyFileSync(bundle('server'), join(dir, 'server.cjs')); // runs outside the checkout, as an installed server would
    writeFileSync(join(dir, 'shared.consistency'), shared);
    writeFileSync(join(dir, 'wallet.consistency'), wallet);
    sharedUri = pathToFileURL(join(dir, 'shared.consistency')).href;
    walletUri = pathToFileURL(join(dir, 'wallet.consistency')).href;
    client = TestClient.start(join(dir, 'server.cjs'), dir);
    client.settings = { validation: { delay: 10 } };
  });

  after(() => {
    client?.process.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('initialize: capabilities; workspace files are checked before any is opened', async () => {
    const init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      initializationOptions: { consistency: { validation: { delay: 10 } } },
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
      },
    });
    for (const c of [
      'hoverProvider',
      'completionProvider',
      'definitionProvider',
      'renameProvider',
      'documentFormattingProvider',
      'codeActionProvider',
      'codeLensProvider',
      'semanticTokensProvider',
    ]) {
      assert.ok(init.capabilities[c as keyof typeof init.capabilities], c);
    }
    await client.notify('initialized', {});
    assert.deepEqual(codes(await client.diagnostics(sharedUri)), []);
    assert.deepEqual(codes(await client.diagnostics(walletUri)), ['level-below-tier', 'lww-on-money']);
  });

  test('didOpen publishes the diagnostics of that version; didChange of the next', async () => {
    const since = client.published.length;
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: walletUri, languageId: 'consistency', version, text },
    });
    const opened = await client.diagnostics(walletUri, (p) => p.version === 1, since);
    assert.deepEqual(codes(opened), ['level-below-tier', 'lww-on-money']);
    assert.deepEqual(opened.diagnostics[0].range, {
      start: { line: 4, character: 14 },
      end: { line: 4, character: 22 },
    });
    await change(text.replace('consistency eventual', 'consistency strong'));
    assert.deepEqual(codes(await client.diagnostics(walletUri, (p) => p.version === 2)), ['lww-on-money']);
  });

  test('an incremental change is applied to the right place', async () => {
    version++;
    text = text.replace('category payments', 'category banking');
    await client.notify('textDocument/didChange', {
      textDocument: { uri: walletUri, version },
      contentChanges: [
        { range: { start: { line: 3, character: 11 }, end: { line: 3, character: 19 } }, text: 'banking' },
      ],
    });
    const p = await client.diagnostics(walletUri, (x) => x.version === version);
    assert.match(p.diagnostics[0].message as string, /which holds money \(category banking\)/);
  });

  test('ranged changes sent back to back (one or several per notification) give the diagnostics of their text', async () => {
    const line = 4;
    const range = (from: number, to: number) => ({
      start: { line, character: from },
      end: { line, character: to },
    });
    const send = (contentChanges: { range: ReturnType<typeof range>; text: string }[]) => {
      version++;
      return client.notify('textDocument/didChange', { textDocument: { uri: walletUri, version }, contentChanges });
    };
    assert.match(text.split('\n')[line], /^ {2}consistency strong$/);
    // `strong` deleted, then `eventual` typed a character at a time, without waiting for diagnostics.
    const typed = [send([{ range: range(14, 20), text: '' }])];
    for (const [i, c] of [...'eventual'].entries()) typed.push(send([{ range: range(14 + i, 14 + i), text: c }]));
    await Promise.all(typed);
    text = text.replace('consistency strong', 'consistency eventual');
    const typedOut = await client.diagnostics(walletUri, (x) => x.version === version);
    assert.deepEqual(codes(typedOut), ['level-below-tier', 'lww-on-money']);
    assert.deepEqual(typedOut.diagnostics[0].range, range(14, 22));
    // Two changes in one notification (the second's range is read in the text the first made).
    await send([
      { range: range(14, 22), text: 'strong' },
      { range: range(20, 20), text: ' ' },
    ]);
    text = text.replace('consistency eventual', 'consistency strong ');
    assert.deepEqual(codes(await client.diagnostics(walletUri, (x) => x.version === version)), ['lww-on-money']);
  });

  test('hover on the data type: its estimate', async () => {
    const h = await client.request<Hover>('textDocument/hover', at(0, 6));
    assert.match(
      (h.contents as MarkupContent).value,
      /^\*\*data wallet\*\* · strong \(linearizable\) · quorum write 4 read 4 of 7 \(assumed\)\n/,
    );
    assert.deepEqual(h.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } });
  });

  test('completion after `consistency`: the levels', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', at(4, 14));
    assert.deepEqual(
      list.items.slice(0, 3).map((i) => i.label),
      ['strict_serializable', 'linearizable', 'strong'],
    );
  });

  test('definition of a tier declared in another (unopened) workspace file', async () => {
    const loc = await client.request<Location>('textDocument/definition', at(2, 9));
    assert.deepEqual(loc, {
      uri: sharedUri,
      range: { start: { line: 7, character: 5 }, end: { line: 7, character: 14 } },
    });
  });

  test('rename edits every file; renaming a built-in is refused with its reason', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(2, 9), newName: 'team.money' });
    assert.equal(applyEdits(shared, edit.changes![sharedUri]), shared.replace('team.core', 'team.money'));
    assert.equal(applyEdits(text, edit.changes![walletUri]), text.replace('team.core', 'team.money'));
    await change(text.replace('  tier team.core\n', '  tier team.core\n  tier rbi.upi\n'));
    await assert.rejects(
      client.request('textDocument/rename', { ...at(3, 9), newName: 'x' }),
      /'rbi\.upi' is a built-in tier .* cannot be renamed/,
    );
    await change(text.replace('  tier rbi.upi\n', ''));
  });

  test('a quick fix, applied, removes its diagnostic', async () => {
    const p = await client.diagnostics(walletUri, (x) => x.version === version);
    const lww = p.diagnostics.find((d) => d.code === 'lww-on-money')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: walletUri },
      range: lww.range,
      context: { diagnostics: [lww] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Use `conflict abort`', 'Use `conflict highest_sequence`'],
    );
    await change(applyEdits(text, actions[0].edit!.changes![walletUri]));
    assert.match(text, /conflict abort/);
    assert.deepEqual(codes(await client.diagnostics(walletUri, (x) => x.version === version)), []);
  });

  test('formatting returns the canonical text', async () => {
    await change(
      'data wallet {  topology paytm\n tier team.core category banking\n      consistency   strong conflict abort }\nimport "shared.consistency"\n',
    );
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: walletUri },
      options: { tabSize: 4, insertSpaces: true },
    });
    assert.equal(
      applyEdits(text, edits),
      'data wallet {\n  topology paytm\n  tier team.core\n  category banking\n  consistency strong\n  conflict abort\n}\nimport "shared.consistency"\n',
    );
    await change(applyEdits(text, edits));
  });

  test('CodeLens: the one-line estimate, as the service computes it', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: walletUri } });
    const expected = codeLenses(
      createSnapshot(
        analyze([
          { uri: sharedUri, text: shared },
          { uri: walletUri, text },
        ]),
      ),
      walletUri,
    );
    assert.deepEqual(lenses, expected);
    assert.match(lenses[0].command!.title, /^≈ ₹[\d.,]+ (lakh|crore)?\/month · write p99 [\d.]+ ms$/);
  });

  test('a change in another file updates the diagnostics of the files that use it', async () => {
    const since = client.published.length;
    await client.notify('textDocument/didOpen', {
      textDocument: {
        uri: sharedUri,
        languageId: 'consistency',
        version: 1,
        text: shared.replace('consistency strong', 'consistency strict_serializable'),
      },
    });
    const p = await client.diagnostics(walletUri, (x) => codes(x).includes('level-below-tier'), since);
    assert.equal(p.version, version);
  });

  test('settings apply live: a rule turned off disappears', async () => {
    const since = client.published.length;
    client.settings = { rules: { 'level-below-tier': 'off' }, validation: { delay: 10 } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const p = await client.diagnostics(walletUri, (x) => !codes(x).includes('level-below-tier'), since);
    assert.deepEqual(codes(p), []);
  });

  test('the built-in prelude text is served by consistency/builtinText', async () => {
    const t = await client.send(builtinTextRequest, { uri: 'builtin:///rbi.consistency' });
    assert.match(t ?? '', /tier rbi\.upi \{/);
    assert.equal(await client.send(builtinTextRequest, { uri: 'file:///nope' }), null);
  });

  test('bad requests get neutral answers and the server keeps going', async () => {
    assert.equal(
      await client.request('textDocument/hover', {
        textDocument: { uri: 'file:///unknown.consistency' },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    assert.equal(await client.request('textDocument/hover', { position: null }), null);
    assert.deepEqual(await client.request('textDocument/codeLens', {}), []);
    const h = await client.request<Hover>('textDocument/hover', at(0, 6));
    assert.ok(h);
    assert.ok(
      client.logs.some((l) => l.startsWith('hover failed:')),
      'the failure is logged',
    );
  });

  test('closing a workspace file goes back to its text on disk', async () => {
    const since = client.published.length;
    client.settings = { validation: { delay: 10 } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.notify('textDocument/didClose', { textDocument: { uri: walletUri } });
    // Publications may come from the configuration change and the close in either order: wait for the settled one.
    const want = (x: Parameters<typeof codes>[0]) =>
      ['level-below-tier', 'lww-on-money'].every((c) => codes(x).includes(c));
    const p = await client.diagnostics(walletUri, (x) => x.version === undefined && want(x), since);
    assert.deepEqual(codes(p), ['level-below-tier', 'lww-on-money']); // wallet on disk is eventual; the open shared tier wants strict_serializable
    assert.equal(readFileSync(join(dir, 'wallet.consistency'), 'utf8'), wallet);
  });

  test('a file created on disk (watched files) is checked, and cleared when deleted', async () => {
    const uri = pathToFileURL(join(dir, 'new.consistency')).href;
    writeFileSync(join(dir, 'new.consistency'), 'transaction t { nowhere }\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    assert.deepEqual(codes(await client.diagnostics(uri)), ['unknown-reference']);
    const since = client.published.length;
    rmSync(join(dir, 'new.consistency'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, since)), []);
  });

  test('consistency/exportTypeScript: the generated module, its sibling path, and the generated-header check', async () => {
    const policy =
      'topology bank_net {\n  region pune { replicas 3 primary }\n}\ndata ledger {\n  topology bank_net\n  consistency strong\n}\n';
    const uri = pathToFileURL(join(dir, 'bank.consistency')).href;
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'consistency', version: 1, text: policy },
    });
    const target = pathToFileURL(join(dir, 'bank.consistency.ts')).href;
    const r = await client.send(exportTypeScriptRequest, { uri });
    assert.deepEqual(r, {
      text: exportTypeScript(analyze([{ uri, text: policy }]), uri).text,
      suggestedPath: target,
      overwriteAllowed: true,
      errors: 0,
    });
    writeFileSync(join(dir, 'bank.consistency.ts'), 'export const mine = 1;\n');
    assert.equal((await client.send(exportTypeScriptRequest, { uri }))?.overwriteAllowed, false);
    assert.equal(await client.send(exportTypeScriptRequest, { uri: 'file:///nope.consistency' }), null);
  });

  test('shutdown and exit end the process with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
