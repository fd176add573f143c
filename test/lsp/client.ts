// A minimal LSP client for tests: spawns the built server over stdio, answers its requests (configuration,
// registrations), records diagnostics and log messages, and lets a test wait for a matching notification.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, RequestType } from 'vscode-languageserver-protocol';
import { serverNodeFlags } from '../../server/src/lsp/protocol';

type Waiter = { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly connection: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** What the server gets when it asks for the `consistency` settings. */
  settings: Record<string, unknown> = {};
  private waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;

  constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.match(p) ? (w.resolve(p), false) : true));
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map(() => this.settings),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** `nodeFlags`: as the extension starts the server (serverNodeFlags) unless given. */
  static start(serverPath: string, cwd: string, nodeFlags: string[] = serverNodeFlags): TestClient {
    return new TestClient(
      spawn(process.execPath, [...nodeFlags, serverPath, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] }),
    );
  }

  /** The first diagnostics notification for `uri` (from now on, or already received after `since`) that matches. */
  diagnostics(
    uri: string,
    match: (p: PublishDiagnosticsParams) => boolean = () => true,
    since = 0,
  ): Promise<PublishDiagnosticsParams> {
    const m = (p: PublishDiagnosticsParams) => p.uri === uri && match(p);
    const seen = this.published.slice(since).find(m);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match: m, resolve }));
  }

  /** A standard LSP request by method name (its result typed by the caller). */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** One of the server's own requests, typed by its RequestType from the protocol module. */
  send<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.connection.sendRequest(type as RequestType<unknown, R, void>, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    return this.exited;
  }
}
