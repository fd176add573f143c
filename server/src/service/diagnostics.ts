// Core diagnostics → LSP diagnostics: positions, severity, code, related information, and the core's fixes
// carried in `data` (already in LSP ranges) so a client or code-actions.ts can offer them.
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { helpUri } from '../core/codes';
import type { Diagnostic as CoreDiagnostic, Fix, Severity } from '../core/diagnostic';
import { isBuiltin } from '../core/model/build-model';
import type { Snapshot } from './snapshot';

export const diagnosticSource = 'consistency';

export interface FixData {
  title: string;
  /** Edits by document URI. */
  changes: Record<string, TextEdit[]>;
}

export interface DiagnosticData {
  fixes: FixData[];
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspFix(s: Snapshot, fix: Fix): FixData {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits)
    (changes[e.uri] ??= []).push({ range: s.lines.location(e.uri, e.range).range, newText: e.newText });
  return { title: fix.title, changes };
}

export function toLspDiagnostic(s: Snapshot, d: CoreDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: s.lines.location(d.uri, d.range).range,
    severity: severities[d.severity],
    code: d.code,
    source: diagnosticSource,
    message: d.message,
  };
  if (s.rulesDoc) out.codeDescription = { href: helpUri(s.rulesDoc, d.code) };
  if (d.related?.length)
    out.relatedInformation = d.related.map((r) => ({ location: s.lines.location(r.uri, r.range), message: r.message }));
  if (d.fixes?.length) out.data = { fixes: d.fixes.map((f) => toLspFix(s, f)) } satisfies DiagnosticData;
  return out;
}

/** The diagnostics of every analysed file (built-ins excepted), an empty list for clean files. */
export function diagnosticsByUri(s: Snapshot): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const uri of s.analysis.documents.keys()) if (!isBuiltin(uri)) out.set(uri, []);
  for (const d of s.analysis.diagnostics) out.get(d.uri)?.push(toLspDiagnostic(s, d));
  return out;
}
