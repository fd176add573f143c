// Quick fixes: one code action per fix of every diagnostic in the requested range, taken from the current
// analysis (so a fix never applies to text that has changed since the diagnostics were published).
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import { toCoreRange } from './positions';
import { toLspDiagnostic, toLspFix } from './diagnostics';
import type { Snapshot } from './snapshot';

export function codeActions(s: Snapshot, uri: string, range: Range, only?: string[]): CodeAction[] {
  if (
    only &&
    !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === '')
  )
    return [];
  const r = toCoreRange(s.lines.get(uri), range);
  const out: CodeAction[] = [];
  for (const d of s.analysis.diagnostics) {
    if (d.uri !== uri || !d.fixes?.length || d.range.start > r.end || d.range.end < r.start) continue;
    const diagnostic = toLspDiagnostic(s, d);
    d.fixes.forEach((fix, i) => {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: toLspFix(s, fix).changes },
      });
    });
  }
  return out;
}
