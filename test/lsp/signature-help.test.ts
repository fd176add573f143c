// Signature help over a real stdio connection to the built server (out/server.cjs): the capability with its
// trigger characters, and one request after a change, answered for the text just typed.
import { bundle } from '../helpers/bundle';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type { SignatureHelp } from 'vscode-languageserver-types';
import { TestClient } from './client';

describe('signature help over stdio', { timeout: 60_000 }, () => {
  let dir = '';
  let client: TestClient;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'consistency-lsp-signature-'));
    client = TestClient.start(bundle('server'), dir);
    client.settings = { validation: { delay: 10 } };
  });

  after(() => {
    client?.process.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('advertised with ( and , as triggers; a lognormal being typed gets its signature, second parameter active', async () => {
    const init = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    assert.deepEqual(init.capabilities.signatureHelpProvider, { triggerCharacters: ['(', ','] });
    await client.notify('initialized', {});
    const uri = pathToFileURL(join(dir, 'net.consistency')).href;
    const before =
      'topology india {\n  region mumbai { replicas 3 primary }\n  region delhi { replicas 2 }\n  link mumbai <-> delhi 45ms\n}\n';
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'consistency', version: 1, text: before },
    });
    const typed = before.replace('45ms', 'lognormal(median 45ms, ');
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: typed }],
    });
    const line = typed.split('\n')[3];
    const help = await client.request<SignatureHelp | null>('textDocument/signatureHelp', {
      textDocument: { uri },
      position: { line: 3, character: line.length },
      context: { triggerKind: 2, triggerCharacter: ',', isRetrigger: false },
    });
    assert.equal(help?.signatures.length, 1);
    const sig = help!.signatures[0];
    assert.equal(sig.label, 'lognormal(median M, p99 P)');
    assert.deepEqual(
      sig.parameters?.map((x) => x.label),
      [
        [10, 18],
        [20, 25],
      ],
    );
    assert.equal(help!.activeSignature, 0);
    assert.equal(help!.activeParameter, 1);
    assert.equal(await client.shutdown(), 0);
  });
});
