// The editor's documents as the server keeps them (lsp/edits.ts): each ranged change notification gives the
// span it replaced, as offsets of the text before it, which incremental parsing then uses instead of comparing
// texts. Driven through TextDocuments' own handlers (a connection that only records them), with random edits of
// a sample, and on to the workspace: what the server shows after them is what a fresh analysis shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Connection } from 'vscode-languageserver/node';
import type { Position, Range } from 'vscode-languageserver-types';
import { reparseStats } from '../../server/src/core/syntax/reparse';
import { EditedDocuments } from '../../server/src/lsp/edits';
import { Workspace } from '../../server/src/lsp/workspace';
import { diagnosticsByUri } from '../../server/src/service/diagnostics';

const uri = 'file:///edits.consistency';
const sample = readFileSync('samples/clean/upi-wallet.consistency', 'utf8');

type Handler = (event: unknown) => void;

/** A connection that keeps the handlers TextDocuments registers, to call them as messages would. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const on = (name: string) => (h: Handler) => {
    handlers.set(name, h);
    return { dispose() {} };
  };
  const names = ['DidOpen', 'DidChange', 'DidClose', 'WillSave', 'DidSave'].map((n) => `on${n}TextDocument`);
  const connection = Object.fromEntries(names.map((n) => [n, on(n)]));
  connection.onWillSaveTextDocumentWaitUntil = on('onWillSaveTextDocumentWaitUntil');
  const call = (name: string, event: unknown) => handlers.get(name)!(event);
  return { connection: connection as unknown as Connection, call };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const splice = fc.record({
  at: fc.nat(),
  remove: fc.nat(6),
  insert: fc.constantFrom('', 'x', ' ', '\n', 'consistency strong\n', '}', 'data d {\n', '\r\n', '// c'),
});

test('each ranged change gives the span it replaced; the server then shows what a fresh analysis shows', () => {
  const before = reparseStats.told;
  fc.assert(
    fc.property(fc.array(fc.array(splice, { minLength: 1, maxLength: 2 }), { maxLength: 8 }), (notifications) => {
      const docs = new EditedDocuments();
      const { connection, call } = fakeConnection();
      docs.listen(connection);
      const ws = new Workspace();
      let text = sample;
      let version = 1;
      call('onDidOpenTextDocument', { textDocument: { uri, languageId: 'consistency', version, text } });
      ws.setOpen(uri, text, version, docs.takeEdit(uri));
      ws.snapshot();
      for (const splices of notifications) {
        // Each change's range is read in the text the one before it made (as in the protocol).
        const contentChanges: { range: Range; text: string }[] = [];
        const old = text;
        for (const s of splices) {
          const at = s.at % (text.length + 1);
          const end = Math.min(text.length, at + s.remove);
          contentChanges.push({ range: { start: positionAt(text, at), end: positionAt(text, end) }, text: s.insert });
          text = text.slice(0, at) + s.insert + text.slice(end);
        }
        call('onDidChangeTextDocument', { textDocument: { uri, version: ++version }, contentChanges });
        const edit = docs.takeEdit(uri);
        assert.equal(docs.get(uri)!.getText(), text);
        if (splices.length > 1) assert.equal(edit, undefined, 'several changes: not told');
        else {
          const { from, oldEnd, newEnd } = edit!;
          assert.equal(old.slice(0, from) + text.slice(from, newEnd) + old.slice(oldEnd), text);
          assert.equal(old.length - oldEnd, text.length - newEnd);
        }
        ws.setOpen(uri, text, version, edit);
        const fresh = new Workspace();
        fresh.setOpen(uri, text, version);
        const shown = (w: Workspace) => JSON.stringify(diagnosticsByUri(w.snapshot()).get(uri));
        assert.equal(shown(ws), shown(fresh));
      }
    }),
    { numRuns: 60, seed: 5 },
  );
  assert.ok(reparseStats.told > before, 'the workspace was told the changes');
});
