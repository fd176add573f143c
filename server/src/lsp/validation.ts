// Debounced validation: after edits settle, parse the changed documents one per turn of the event loop (so
// requests and edits are served between them; a newer edit abandons the older steps), then analyse the
// workspace and publish each file's diagnostics,
// skipping a document whose version moved on since (a newer run is already scheduled) and files whose
// diagnostics did not change; files that left the workspace get an empty list.
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsByUri } from '../service/diagnostics';
import type { Workspace } from './workspace';

export type Publish = (uri: string, diagnostics: Diagnostic[], version?: number) => void;

export class Validator {
  private timer?: ReturnType<typeof setTimeout>;
  private immediate?: ReturnType<typeof setImmediate>;
  /** Bumped by every schedule(): steps of an older one stop. */
  private generation = 0;
  private readonly published = new Map<string, { key: string; version?: number }>();

  constructor(
    private readonly workspace: Pick<Workspace, 'snapshot' | 'version'> & Partial<Pick<Workspace, 'parseNext'>>,
    private readonly publish: Publish,
    private readonly log: (message: string) => void,
    public delayMs: number,
  ) {}

  schedule(): void {
    const generation = ++this.generation;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = setTimeout(() => this.step(generation), this.delayMs);
  }

  /** One changed document parsed, then the next turn; the analysis and publication once none is left. */
  private step(generation: number): void {
    this.timer = this.immediate = undefined;
    if (generation !== this.generation) return;
    let more = false;
    try {
      more = this.workspace.parseNext?.() ?? false;
    } catch (e) {
      this.log(`parsing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (more) this.immediate = setImmediate(() => this.step(generation));
    else this.run();
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
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
  }
}
