// `consistency.showEstimate` (the CodeLens command, arguments: document URI and data type name): shows the
// data type's estimate, which is its hover, in a read-only markdown preview beside the editor.
import * as vscode from 'vscode';

export class EstimateView implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'consistency-estimate';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows the estimate and returns its markdown (undefined when there is none), for callers and tests. */
  async show(uriArg: unknown, nameArg: unknown, log: vscode.LogOutputChannel): Promise<string | undefined> {
    const name = typeof nameArg === 'string' ? nameArg : undefined;
    const uri =
      uriArg instanceof vscode.Uri
        ? uriArg
        : typeof uriArg === 'string'
          ? vscode.Uri.parse(uriArg)
          : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !name) {
      void vscode.window.showWarningMessage('Consistency: showEstimate needs a document and a data type name.');
      return undefined;
    }
    const markdown = await estimateOf(uri, name);
    if (!markdown) {
      void vscode.window.showInformationMessage(
        `Consistency: no estimate for data type \`${name}\` (is the file still open and valid?).`,
      );
      return undefined;
    }
    const view = vscode.Uri.from({ scheme: EstimateView.scheme, path: `/Estimate ${name}.md`, query: uri.toString() });
    this.texts.set(view.toString(), markdown);
    this.changed.fire(view);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', view);
    } catch (e) {
      log.warn(`markdown preview unavailable (${e}); showing the estimate as a message`);
      void vscode.window.showInformationMessage(markdown.split('\n')[0].replace(/\*\*/g, ''), {
        detail: markdown,
        modal: false,
      });
    }
    return markdown;
  }
}

/** The hover of the data type's name: found through the document's symbols (so comments never match). */
async function estimateOf(uri: vscode.Uri, name: string): Promise<string | undefined> {
  const symbols =
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    )) ?? [];
  const symbol = flatten(symbols).find((s) => s.name === name && s.kind === vscode.SymbolKind.Struct); // data types are structs
  if (!symbol) return undefined;
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[] | undefined>(
      'vscode.executeHoverProvider',
      uri,
      symbol.selectionRange.start,
    )) ?? [];
  const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  return texts.find((t) => t.startsWith(`**data ${name}**`));
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}
