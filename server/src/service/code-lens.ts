// CodeLens above each data type: its one-line estimate ("≈ ₹4.2 lakh/month · write p99 48 ms"); and once per
// file, above its first declaration, "Export TypeScript" (the generated module, see export.ts).
import type { CodeLens } from 'vscode-languageserver-types';
import { builtinScheme } from '../core/model/build-model';
import { commands } from './commands';
import { lensTitle, tryEstimate } from './estimate-text';
import { toRange } from './positions';
import type { Snapshot } from './snapshot';

/** The title of the once-per-file export lens. */
export const exportLensTitle = 'Export TypeScript';

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
  // Last, so on a line shared with an estimate it reads "≈ … | Export TypeScript".
  const first = doc.ast.declarations[0];
  if (first && !uri.startsWith(builtinScheme)) {
    const at = toRange(lines, { start: first.range.start, end: first.range.start });
    out.push({ range: at, command: { title: exportLensTitle, command: commands.exportTypeScript, arguments: [uri] } });
  }
  return out;
}
