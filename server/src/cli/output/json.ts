// The JSON formats: `check` (schema "consistency-check/1": files, summary, every diagnostic with 1-based
// line/column ranges, end exclusive, fixes and related places) and `explain` ("consistency-explain/1").
import type { TransactionEstimate } from '../../core/estimate/transaction';
import type { Diagnostic, Severity } from '../../core/diagnostic';
import type { Range } from '../../core/util/range';
import type { DataEstimate } from '../../core/estimate/estimate';
import { countSeverities, Locator, shownPath, type CheckReport, type Span, type ToolInfo } from './locate';
import { assumptionsOf, profilesOf, type ExplainReport } from './table';

export interface JsonLocation {
  path: string;
  uri: string;
  range: Span;
}

export interface JsonDiagnostic extends JsonLocation {
  code: string;
  severity: Severity;
  message: string;
  fixes: { title: string; edits: (JsonLocation & { newText: string })[] }[];
  related: (JsonLocation & { message: string })[];
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

function totals(diagnostics: Diagnostic[]): Totals {
  const c = countSeverities(diagnostics);
  return { errors: c.error, warnings: c.warning, infos: c.info, hints: c.hint };
}

export interface JsonCheckDocument {
  schema: 'consistency-check/1';
  tool: { name: string; version: string };
  summary: { files: number } & Totals;
  files: ({ path: string; uri: string } & Totals)[];
  diagnostics: JsonDiagnostic[];
  /** Files found but not read (a FIFO, a device, over the size limit), when there are any. */
  refused?: { path: string; uri: string; reason: string }[];
}

export function checkDocument(report: CheckReport, tool: ToolInfo): JsonCheckDocument {
  const locator = new Locator(report.texts);
  const at = (uri: string, range: Range): JsonLocation => ({
    path: shownPath(report, uri),
    uri,
    range: locator.span(uri, range),
  });
  const diagnostic = (d: Diagnostic): JsonDiagnostic => ({
    code: d.code,
    severity: d.severity,
    ...at(d.uri, d.range),
    message: d.message,
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => ({ ...at(e.uri, e.range), newText: e.newText })),
    })),
    related: (d.related ?? []).map((r) => ({ ...at(r.uri, r.range), message: r.message })),
  });
  return {
    schema: 'consistency-check/1',
    tool: { name: tool.name, version: tool.version },
    summary: { files: report.files.length, ...totals(report.diagnostics) },
    files: report.files.map((uri) => ({
      path: shownPath(report, uri),
      uri,
      ...totals(report.diagnostics.filter((d) => d.uri === uri)),
    })),
    diagnostics: report.diagnostics.map(diagnostic),
    ...(report.refused?.length
      ? { refused: report.refused.map((r) => ({ path: shownPath(report, r.uri), uri: r.uri, reason: r.reason })) }
      : {}),
  };
}

export function formatJson(report: CheckReport, tool: ToolInfo): string {
  return JSON.stringify(checkDocument(report, tool), null, 2) + '\n';
}

export interface JsonExplainDocument {
  schema: 'consistency-explain/1';
  tool: { name: string; version: string };
  files: { path: string; uri: string }[];
  profiles: string[];
  data: {
    name: string;
    path: string;
    uri: string;
    level: string | null;
    replication: string | null;
    profile: string;
    estimate: DataEstimate | null;
    error: string | null;
    /** 1-based numbers into the document's `assumptions`. */
    assumptions: number[];
  }[];
  transactions: (TransactionEstimate & { assumptionRefs: number[] })[];
  assumptions: string[];
}

export function explainDocument(report: ExplainReport, tool: ToolInfo): JsonExplainDocument {
  const transactions = report.transactions ?? [];
  const assumptions = assumptionsOf(report.rows, transactions);
  return {
    schema: 'consistency-explain/1',
    tool: { name: tool.name, version: tool.version },
    files: report.files.map((uri) => ({ path: shownPath(report, uri), uri })),
    profiles: profilesOf(report.rows),
    data: report.rows.map((r) => ({
      name: r.name,
      path: shownPath(report, r.uri),
      uri: r.uri,
      level: r.level ?? null,
      replication: r.replication ?? null,
      profile: r.profile,
      estimate: r.estimate ?? null,
      error: r.error ?? null,
      assumptions: [...new Set(r.estimate?.assumptions ?? [])].map((a) => assumptions.indexOf(a) + 1),
    })),
    transactions: transactions.map((t) => ({
      ...t,
      assumptionRefs: t.assumptions.map((a) => assumptions.indexOf(a) + 1),
    })),
    assumptions,
  };
}

export function formatExplainJson(report: ExplainReport, tool: ToolInfo): string {
  return JSON.stringify(explainDocument(report, tool), null, 2) + '\n';
}
