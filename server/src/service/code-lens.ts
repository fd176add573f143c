// CodeLens above each data type: its one-line estimate ("≈ ₹4.2 lakh/month · write p99 48 ms").
import type { CodeLens } from 'vscode-languageserver-types';
import { commands } from './commands';
import { lensTitle, tryEstimate } from './estimate-text';
import { toRange } from './positions';
import type { Snapshot } from './snapshot';

export function codeLenses(s: Snapshot, uri: string): CodeLens[] {
  const doc = s.document(uri);
  if (!doc) return [];
  const lines = s.lines.get(uri);
  const out: CodeLens[] = [];
  for (const decl of doc.ast.declarations) {
    if (decl.kind !== 'data' || !decl.name) continue;
    const d = s.analysis.model.data.get(decl.name.text);
    if (!d || d.decl !== decl) continue; // a second declaration of the same name has no model of its own
    out.push({
      range: toRange(lines, decl.name.range),
      command: { title: lensTitle(tryEstimate(s.analysis, d)), command: commands.showEstimate, arguments: [uri, d.name] },
    });
  }
  return out;
}
