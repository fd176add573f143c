// The language server: capabilities, document and workspace events, settings, and one-line routes from
// each request to the pure service. No language logic lives here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { codeActions } from '../service/code-actions';
import { codeLenses } from '../service/code-lens';
import { completion } from '../service/completion';
import { builtinText, definition } from '../service/definition';
import { exportTypeScriptFile } from '../service/export';
import { foldingRanges } from '../service/folding';
import { formatting } from '../service/formatting';
import { hover } from '../service/hover';
import { references } from '../service/references';
import { prepareRename, rename } from '../service/rename';
import { semanticTokens, semanticTokensLegend } from '../service/semantic-tokens';
import { signatureHelp } from '../service/signature-help';
import { documentSymbols, workspaceSymbols } from '../service/symbols';
import { readTargetFile, readWorkspaceFile, readWorkspacePolicy, scanPolicyFiles } from './files';
import { builtinTextRequest, exportTypeScriptRequest, settingsSection } from './protocol';
import { refusal, safe } from './run-safe';
import { analyzeOptions, defaultSettings, readSettings, type Settings } from './settings';
import { RequestSnapshots } from './request-snapshots';
import { registerSimulation } from './simulation';
import { Validator } from './validation';
import { EditedDocuments } from './edits';
import { Workspace } from './workspace';

export const capabilities: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['.', '('] },
  signatureHelpProvider: { triggerCharacters: ['(', ','] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  semanticTokensProvider: { legend: semanticTokensLegend, full: true },
  documentFormattingProvider: true,
  codeLensProvider: { resolveProvider: false },
};

/** docs/rules.md next to the bundle (out/server.cjs → docs/rules.md, shipped in the .vsix), as a file URI. */
function rulesDocUri(): string | undefined {
  if (typeof __dirname !== 'string') return undefined;
  const path = join(__dirname, '..', 'docs', 'rules.md');
  return existsSync(path) ? pathToFileURL(path).href : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new EditedDocuments();
  const workspace = new Workspace(rulesDocUri());
  const log = (m: string) => connection.console.error(m);
  // Requests about one file are answered from the last analysis while nothing that file sees changed.
  const requests = new RequestSnapshots(() => workspace.snapshot());
  const analysed = {
    snapshot: () => requests.latest(),
    version: (uri: string) => workspace.version(uri),
    parseNext: () => workspace.parseNext(),
  };
  const publish = (uri: string, diagnostics: Diagnostic[], version?: number) =>
    void connection.sendDiagnostics({ uri, diagnostics, version });
  const validator = new Validator(analysed, publish, log, defaultSettings.validationDelayMs);
  let roots: string[] = [];
  let pullConfiguration = false;
  let watchFiles = false;
  let refreshLenses = false;
  let settings = defaultSettings;
  const snap = () => requests.latest();
  /** The analysis a request about one document is answered from. */
  const at = (uri: string) => requests.forDocument(uri);
  const of = (p: { textDocument: { uri: string } }) => at(p.textDocument.uri);

  const applySettings = (s: Settings) => {
    settings = s;
    workspace.setOptions(analyzeOptions(s));
    requests.changedEverything();
    validator.delayMs = s.validationDelayMs;
    validator.schedule();
  };
  const pullSettings = async () => {
    if (!pullConfiguration) return;
    const [raw] = await connection.workspace.getConfiguration([{ section: settingsSection }]);
    applySettings(readSettings(raw, log));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    pullConfiguration = !!params.capabilities.workspace?.configuration;
    watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    refreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const initial = (params.initializationOptions as Record<string, unknown> | undefined)?.[settingsSection];
    if (initial) {
      const s = (settings = readSettings(initial, log));
      workspace.setOptions(analyzeOptions(s));
      validator.delayMs = s.validationDelayMs;
    }
    const found = scanPolicyFiles(roots);
    for (const r of found.refused) log(`not reading ${r.uri}: ${r.reason}`);
    for (const uri of found.uris) {
      const r = readWorkspacePolicy(uri, roots);
      if ('text' in r) workspace.setDisk(uri, r.text);
      else log(`not reading ${uri}: ${r.refused}`);
    }
    return { capabilities, serverInfo: { name: 'consistency-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (pullConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection }).catch(log);
    if (watchFiles)
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.consistency' }] })
        .catch(log);
    pullSettings().catch((e) => log(`settings: ${e}`));
    validator.schedule();
  });

  connection.onDidChangeConfiguration((change) => {
    if (pullConfiguration) pullSettings().catch((e) => log(`settings: ${e}`));
    else applySettings(readSettings((change.settings as Record<string, unknown> | undefined)?.[settingsSection], log));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
      const r = c.type === FileChangeType.Deleted ? undefined : readWorkspacePolicy(c.uri, roots);
      if (r && 'refused' in r) log(`not reading ${c.uri}: ${r.refused}`);
      if (r && 'text' in r) workspace.setDisk(c.uri, r.text);
      else workspace.deleteDisk(c.uri);
      requests.changedDocument(c.uri);
    }
    validator.schedule();
  });

  documents.onDidChangeContent(({ document: d }) => {
    workspace.setOpen(d.uri, d.getText(), d.version, documents.takeEdit(d.uri));
    requests.changedDocument(d.uri);
    validator.schedule();
  });
  documents.onDidClose(({ document: d }) => {
    workspace.close(d.uri, readWorkspaceFile(d.uri, roots));
    requests.changedDocument(d.uri);
    validator.schedule();
  });

  const empty: never[] = [];
  connection.onHover(safe('hover', log, null, (p) => hover(of(p), p.textDocument.uri, p.position)));
  connection.onCompletion(safe('completion', log, null, (p) => completion(of(p), p.textDocument.uri, p.position)));
  connection.onSignatureHelp(
    safe('signatureHelp', log, null, (p) => signatureHelp(of(p), p.textDocument.uri, p.position)),
  );
  connection.onDefinition(safe('definition', log, null, (p) => definition(of(p), p.textDocument.uri, p.position)));
  connection.onReferences(
    safe('references', log, empty, (p) =>
      references(snap(), p.textDocument.uri, p.position, p.context.includeDeclaration),
    ),
  );
  connection.onPrepareRename(
    safe('prepareRename', log, null, (p) => refusal(prepareRename(snap(), p.textDocument.uri, p.position))),
  );
  connection.onRenameRequest(
    safe('rename', log, null, (p) => refusal(rename(snap(), p.textDocument.uri, p.position, p.newName))),
  );
  connection.onDocumentSymbol(safe('documentSymbol', log, empty, (p) => documentSymbols(of(p), p.textDocument.uri)));
  connection.onWorkspaceSymbol(safe('workspaceSymbol', log, empty, (p) => workspaceSymbols(snap(), p.query)));
  connection.onFoldingRanges(safe('foldingRange', log, empty, (p) => foldingRanges(of(p), p.textDocument.uri)));
  connection.onCodeAction(
    safe('codeAction', log, empty, (p) => codeActions(of(p), p.textDocument.uri, p.range, p.context.only)),
  );
  connection.languages.semanticTokens.on(
    safe('semanticTokens', log, { data: [] }, (p) => semanticTokens(of(p), p.textDocument.uri)),
  );
  connection.onDocumentFormatting(safe('formatting', log, empty, (p) => formatting(of(p), p.textDocument.uri)));
  const simulation = registerSimulation(connection, {
    snapshot: snap,
    settings: () => settings,
    log,
    canRefreshLenses: () => refreshLenses,
  });
  connection.onCodeLens(
    safe('codeLens', log, empty, (p) => codeLenses(of(p), p.textDocument.uri, simulation.lastRuns)),
  );
  connection.onRequest(
    builtinTextRequest,
    safe('builtinText', log, null, (p) => builtinText(p.uri) ?? null),
  );
  connection.onRequest(
    exportTypeScriptRequest,
    safe('exportTypeScript', log, null, (p) => exportTypeScriptFile(snap(), p.uri, readTargetFile) ?? null),
  );
  connection.onShutdown(() => {
    validator.dispose();
    simulation.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
