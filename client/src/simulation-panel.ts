// The simulation results panels, one per target: a webview with a strict content security policy (a nonce for
// its one script, no remote resources), the bundled script and CSS from out/webview/, and the results posted
// to it as JSON. Its Re-run and Change seed buttons come back as messages; the caller runs again.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { SimulateParams, SimulateResponse, SimulationTarget } from '../../server/src/lsp/protocol';
import type { FromWebview, ToWebview } from './webview/messages';

interface Entry {
  panel: vscode.WebviewPanel;
  params: SimulateParams;
  /** What the webview shows now: posted again when it (re)loads. */
  state?: ToWebview;
  seed?: number;
  runs: number;
}

export type Again = (params: SimulateParams, action: 'rerun' | 'changeSeed') => void;

export class SimulationPanels {
  static readonly viewType = 'consistency.simulation';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly again: Again,
  ) {}

  running(params: SimulateParams): void {
    this.post(this.open(params), {
      type: 'running',
      title: label(params.target),
      ...(params.seed !== undefined ? { seed: params.seed } : {}),
    });
  }

  show(params: SimulateParams, response: SimulateResponse): void {
    const e = this.open(params);
    e.params = params;
    if (response.result) e.seed = response.result.scenario.seed;
    const file = vscode.Uri.parse(params.uri).path.split('/').pop() ?? params.uri;
    this.post(e, { type: 'result', title: label(params.target), file, response, run: ++e.runs });
  }

  /** The seed of the target's last results, if any. */
  seedOf(params: SimulateParams): number | undefined {
    return this.entries.get(keyOf(params))?.seed;
  }

  dispose(): void {
    for (const e of this.entries.values()) e.panel.dispose();
    this.entries.clear();
  }

  private open(params: SimulateParams): Entry {
    const key = keyOf(params);
    const found = this.entries.get(key);
    if (found) {
      found.panel.reveal(undefined, true);
      return found;
    }
    const webviewDir = vscode.Uri.joinPath(this.extensionUri, 'out', 'webview');
    const panel = vscode.window.createWebviewPanel(
      SimulationPanels.viewType,
      `Simulation: ${params.target.name}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [webviewDir],
      },
    );
    const entry: Entry = { panel, params, runs: 0 };
    this.entries.set(key, entry);
    panel.webview.html = html(panel.webview, webviewDir);
    panel.webview.onDidReceiveMessage((m: FromWebview) => {
      if (m?.type === 'ready') {
        if (entry.state) void panel.webview.postMessage(entry.state);
      } else if (m?.type === 'rerun' || m?.type === 'changeSeed') this.again(entry.params, m.type);
    });
    panel.onDidDispose(() => this.entries.delete(key));
    return entry;
  }

  private post(e: Entry, message: ToWebview): void {
    e.state = message;
    void e.panel.webview.postMessage(message);
  }
}

export function label(t: SimulationTarget): string {
  return `${t.kind === 'data' ? 'data type' : 'scenario'} ${t.name}`;
}

function keyOf(p: SimulateParams): string {
  return `${p.uri}#${p.target.kind}:${p.target.name}`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page: no data in it (results arrive by postMessage), one nonce'd script, styles from the extension only. */
function html(webview: vscode.Webview, dir: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dir, 'simulation.js')).toString();
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dir, 'simulation.css')).toString();
  const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(style)}">
<title>Simulation</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="muted">Starting the simulation…</p></main>
<script nonce="${attr(nonce)}" src="${attr(script)}"></script>
</body>
</html>`;
}
