// The VS Code extension (out/extension.cjs): starts the language server (out/server.cjs) over node IPC and
// wires the editor-only parts: the estimate, export and simulate commands, read-only built-in documents, settings, logs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { builtinUriScheme, commands, serverNodeFlags, settingsSection } from '../../server/src/lsp/protocol';
import { BuiltinDocuments } from './builtin-documents';
import { EstimateView } from './estimate';
import { exportTypeScript } from './export';
import { Simulations } from './simulation';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const log = vscode.window.createOutputChannel('Consistency Policies', { log: true });
  context.subscriptions.push(log);
  const module = context.asAbsolutePath(path.join('out', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Only real files and unsaved buffers: built-in (`builtin:`) documents are already known to the server.
    documentSelector: [
      { scheme: 'file', language: 'consistency' },
      { scheme: 'untitled', language: 'consistency' },
    ],
    // The server pulls the `consistency` section (workspace/configuration) and is told when it changes;
    // the initial values spare it one validation with the defaults.
    initializationOptions: () => ({ [settingsSection]: vscode.workspace.getConfiguration(settingsSection) }),
    // File events: the server registers its own `**/*.consistency` watcher (dynamic registration), so the
    // client forwards none itself (it used to, and every change arrived twice).
    outputChannel: log,
  };
  client = new LanguageClient('consistency', 'Consistency Policies', serverOptions, clientOptions);

  const builtins = new BuiltinDocuments(client);
  const estimates = new EstimateView();
  const simulations = new Simulations(client, context.extensionUri, log);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(builtinUriScheme, builtins),
    vscode.workspace.registerTextDocumentContentProvider(EstimateView.scheme, estimates),
    vscode.commands.registerCommand(commands.showEstimate, (uri: unknown, name: unknown) =>
      estimates.show(uri, name, log),
    ),
    vscode.commands.registerCommand(commands.exportTypeScript, (uri: unknown) =>
      client ? exportTypeScript(client, uri, log) : undefined,
    ),
    vscode.commands.registerCommand(commands.simulate, (uri: unknown, kind: unknown, name: unknown, seed?: unknown) =>
      simulations.command(uri, kind, name, seed),
    ),
    simulations,
    client,
  );
  log.info(`starting the language server: ${module}`);
  await client.start();
  log.info('language server ready');
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
