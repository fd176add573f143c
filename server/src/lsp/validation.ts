// Debounced validation: after edits settle, analyse the workspace and publish each file's diagnostics,
// skipping a document whose version moved on since (a newer run is already scheduled) and files whose
// diagnostics did not change; files that left the workspace get an empty list.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsByUri } from '../service/diagnostics';
import type { Workspace } from './workspace';

export type Publish = (uri: string, diagnostics: Diagnostic[], version?: number) => void;

export class Validator {
  private timer?: ReturnType<typeof setTimeout>;
  private readonly published = new Map<string, { key: string; version?: number }>();

  constructor(
    private readonly workspace: Pick<Workspace, 'snapshot' | 'version'>,
    private readonly publish: Publish,
    private readonly log: (message: string) => void,
    public delayMs: number,
  ) {}

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.delayMs);
  }

  run(): void {
    this.timer = undefined;
    try {
      const snapshot = this.workspace.snapshot();
      const byUri = diagnosticsByUri(snapshot);
      for (const [uri, diagnostics] of byUri) {
        const version = snapshot.versions.get(uri);
        if (version !== this.workspace.version(uri)) continue; // stale: the document changed after this analysis
        const key = JSON.stringify(diagnostics);
        const last = this.published.get(uri);
        if (last && last.key === key && last.version === version) continue;
        this.publish(uri, diagnostics, version);
        this.published.set(uri, { key, version });
      }
      for (const uri of [...this.published.keys()]) {
        if (byUri.has(uri)) continue;
        this.publish(uri, []);
        this.published.delete(uri);
      }
    } catch (e) {
      this.log(`validation failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
