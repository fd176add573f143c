// Read-only `builtin:` documents (the RBI prelude that go-to-definition lands in): their text comes from
// the server's `consistency/builtinText` request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { builtinTextRequest, type BuiltinTextParams } from '../../server/src/lsp/protocol';

export class BuiltinDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    // VS Code prints `builtin:///rbi.consistency` as `builtin:/rbi.consistency`; the server takes either.
    const params: BuiltinTextParams = { uri: uri.toString() };
    const text = await this.client.sendRequest(builtinTextRequest, params, token);
    return text ?? `// ${uri.toString()} is not a built-in document.\n`;
  }
}
